import { describe, expect, it } from "vitest";
import {
  centerSchema,
  childSchema,
  domainEventSchema,
  roomSchema,
  staffSchema,
} from "../../domain/index.js";
import type { MappedWebhook } from "../types.js";
import {
  mapCenter,
  mapChild,
  mapPresence,
  mapRoom,
  mapShift,
  mapStaff,
  mapWebhook,
} from "./mapper.js";
import { webhookEventTypes } from "./wire.js";

const envelope = { timestamp: "2026-11-23T09:15:00+01:00", center_id: "k_ctr" };

/** Event types the mapping tests below have exercised; the last test checks none was missed. */
const covered = new Set<string>();

function mapped<T extends { event_type: string }>(body: T): MappedWebhook {
  covered.add(body.event_type);
  const result = mapWebhook(body);
  if (!result.ok) throw result.error;
  for (const event of result.value.events) domainEventSchema.parse(event);
  return result.value;
}

const family = {
  family_id: "k_fam",
  center_id: "k_ctr",
  display_name: "The Parks",
  contacts: [
    {
      full_name: "Jin Park",
      phone: "555-0111",
      email: "jin@example.com",
      relationship: "father",
      can_pick_up: true,
    },
    {
      full_name: "Teen Park",
      phone: null,
      email: null,
      relationship: "sibling",
      can_pick_up: false,
    },
  ],
};

describe("Kangarootime directory mapping", () => {
  it("maps a center with provider and jurisdiction", () => {
    const center = mapCenter({
      center_id: "k_ctr",
      name: "Oak",
      state_code: "tx",
      timezone: "America/Chicago",
    });
    expect(centerSchema.parse(center)).toEqual({
      id: "k_ctr",
      name: "Oak",
      provider: "kangarootime",
      externalId: "k_ctr",
      jurisdiction: "US-TX",
      timeZone: "America/Chicago",
    });
  });

  it.each([
    ["infants", "infant"],
    ["toddlers", "toddler"],
    ["twos", "twos"],
    ["preschool", "preschool"],
    ["school_age", "school_age"],
    ["mixed", "mixed"],
  ] as const)("maps age_range %s to %s with no platform ratio", (ageRange, ageGroup) => {
    const room = mapRoom({
      room_id: "k_rm",
      center_id: "k_ctr",
      name: "Koalas",
      age_range: ageRange,
      capacity: 12,
    });
    expect(roomSchema.parse(room)).toMatchObject({ ageGroup, capacity: 12, platformRatio: null });
  });

  it("merges family contacts who can pick up with the child's approved pickups", () => {
    const child = mapChild(
      {
        child_id: "k_chd",
        center_id: "k_ctr",
        first_name: "Min",
        last_name: "Park",
        birthday: "2023-06-10",
        room_id: "k_rm",
        family_id: "k_fam",
        approved_pickups: [{ full_name: "Grandma Park", relationship: "grandmother" }],
        schedule: [{ day: "wed", start: "08:15", end: "16:45" }],
      },
      family,
    );
    expect(childSchema.parse(child)).toMatchObject({
      id: "k_chd",
      homeRoomId: "k_rm",
      birthDate: "2023-06-10",
      authorizedPickups: [
        { name: "Jin Park", relationship: "father" },
        { name: "Grandma Park", relationship: "grandmother" },
      ],
      schedule: [{ day: "wed", arrive: "08:15", depart: "16:45" }],
    });
  });

  it("keeps only approved pickups for a child without a family", () => {
    const child = mapChild(
      {
        child_id: "k_chd",
        center_id: "k_ctr",
        first_name: "Min",
        last_name: "Park",
        birthday: "2023-06-10",
        room_id: null,
        family_id: null,
        approved_pickups: [],
        schedule: [],
      },
      undefined,
    );
    expect(child.authorizedPickups).toEqual([]);
  });

  it.each([
    ["assistant", "assistant_teacher"],
    ["lead_teacher", "lead_teacher"],
    ["admin", "admin"],
  ] as const)("maps title %s to role %s", (title, role) => {
    const staff = mapStaff({
      staff_id: "k_stf",
      center_id: "k_ctr",
      first_name: "Lu",
      last_name: "Chen",
      birthday: "1995-01-01",
      title,
      room_id: "k_rm",
      credentials: [{ kind: "cpr", issued_on: "2025-01-01", expires_on: null }],
    });
    expect(staffSchema.parse(staff)).toMatchObject({
      role,
      credentials: [{ type: "cpr", issuedOn: "2025-01-01", expiresOn: null }],
    });
  });

  it("maps a shift", () => {
    expect(
      mapShift({
        shift_id: "k_sh",
        staff_id: "k_stf",
        center_id: "k_ctr",
        date: "2026-11-23",
        start: "07:00",
        end: "15:00",
        room_id: "k_rm",
        breaks: [{ start: "11:30", end: "12:00" }],
      }),
    ).toEqual({
      id: "k_sh",
      centerId: "k_ctr",
      staffId: "k_stf",
      date: "2026-11-23",
      start: "07:00",
      end: "15:00",
      roomId: "k_rm",
      breaks: [{ start: "11:30", end: "12:00" }],
    });
  });

  it("maps per-room presence, with status break as onBreak", () => {
    const snapshot = mapPresence(
      "k_ctr",
      [
        {
          roomId: "k_rm",
          children: [
            {
              child_id: "k_chd",
              first_name: "Min",
              last_name: "Park",
              checked_in_at: "2026-11-23T08:00:00Z",
            },
          ],
          staff: [
            {
              staff_id: "k_s1",
              first_name: "A",
              last_name: "B",
              status: "active",
              clocked_in_at: "2026-11-23T07:00:00Z",
            },
            {
              staff_id: "k_s2",
              first_name: "C",
              last_name: "D",
              status: "break",
              clocked_in_at: "2026-11-23T07:00:00Z",
            },
          ],
        },
      ],
      new Date("2026-11-23T09:00:00Z"),
    );
    expect(snapshot).toEqual({
      centerId: "k_ctr",
      asOf: "2026-11-23T09:00:00.000Z",
      children: [{ childId: "k_chd", roomId: "k_rm" }],
      staff: [
        { staffId: "k_s1", roomId: "k_rm", onBreak: false },
        { staffId: "k_s2", roomId: "k_rm", onBreak: true },
      ],
    });
  });
});

describe("Kangarootime webhooks", () => {
  it("maps check_in with no event id and UTC time", () => {
    expect(
      mapped({ ...envelope, event_type: "check_in", child_id: "k_chd", room_id: "k_rm" }),
    ).toEqual({
      eventId: null,
      centerId: "k_ctr",
      events: [
        {
          type: "child.checked_in",
          centerId: "k_ctr",
          occurredAt: "2026-11-23T08:15:00.000Z",
          childId: "k_chd",
          roomId: "k_rm",
        },
      ],
      refs: [
        { kind: "center", id: "k_ctr", field: "center_id" },
        { kind: "child", id: "k_chd", field: "child_id" },
        { kind: "room", id: "k_rm", field: "room_id" },
      ],
    });
  });

  it("maps check_out with who picked up and only center and child refs", () => {
    const result = mapped({
      ...envelope,
      event_type: "check_out",
      child_id: "k_chd",
      room_id: "k_rm",
      picked_up_by: null,
    });
    expect(result.events[0]).toMatchObject({ type: "child.checked_out", pickedUpBy: null });
    expect(result.refs.map((r) => r.kind)).toEqual(["center", "child"]);
  });

  it("maps room_transfer to child.moved into room_id", () => {
    const result = mapped({
      ...envelope,
      event_type: "room_transfer",
      child_id: "k_chd",
      from_room_id: "k_old",
      room_id: "k_new",
    });
    expect(result.events[0]).toMatchObject({ type: "child.moved", toRoomId: "k_new" });
    expect(result.refs).toContainEqual({ kind: "room", id: "k_new", field: "room_id" });
    expect(result.refs.some((r) => r.id === "k_old")).toBe(false);
  });

  it("maps pickup_attempt", () => {
    const result = mapped({
      ...envelope,
      event_type: "pickup_attempt",
      child_id: "k_chd",
      person_name: "Unknown Adult",
    });
    expect(result.events[0]).toMatchObject({
      type: "child.pickup_attempted",
      personName: "Unknown Adult",
    });
  });

  it("maps staff_clock_in with an optional room", () => {
    const result = mapped({
      ...envelope,
      event_type: "staff_clock_in",
      staff_id: "k_stf",
      room_id: null,
    });
    expect(result.events[0]).toMatchObject({
      type: "staff.clocked_in",
      staffId: "k_stf",
      roomId: null,
    });
    expect(result.refs).toEqual([
      { kind: "center", id: "k_ctr", field: "center_id" },
      { kind: "staff", id: "k_stf", field: "staff_id" },
    ]);
  });

  it.each([
    ["staff_clock_out", "staff.clocked_out"],
    ["staff_break_start", "staff.break_started"],
    ["staff_break_end", "staff.break_ended"],
  ])("maps %s to %s", (eventType, domainType) => {
    const result = mapped({ ...envelope, event_type: eventType, staff_id: "k_stf" });
    expect(result.events).toEqual([
      {
        type: domainType,
        centerId: "k_ctr",
        occurredAt: "2026-11-23T08:15:00.000Z",
        staffId: "k_stf",
      },
    ]);
  });

  it("maps staff_room_assignment to staff.assigned", () => {
    const result = mapped({
      ...envelope,
      event_type: "staff_room_assignment",
      staff_id: "k_stf",
      room_id: "k_rm",
    });
    expect(result.events[0]).toMatchObject({ type: "staff.assigned", roomId: "k_rm" });
    expect(result.refs.map((r) => r.field)).toEqual(["center_id", "staff_id", "room_id"]);
  });

  it("maps an incident with every record it names", () => {
    const result = mapped({
      ...envelope,
      event_type: "incident",
      room_id: "k_rm",
      child_ids: ["k_c1", "k_c2"],
      staff_id: "k_stf",
      summary: "Scraped knee",
    });
    expect(result.events[0]).toMatchObject({
      type: "incident.reported",
      roomId: "k_rm",
      childIds: ["k_c1", "k_c2"],
      reportedByStaffId: "k_stf",
      description: "Scraped knee",
    });
    expect(result.refs).toEqual([
      { kind: "center", id: "k_ctr", field: "center_id" },
      { kind: "room", id: "k_rm", field: "room_id" },
      { kind: "child", id: "k_c1", field: "child_ids.0" },
      { kind: "child", id: "k_c2", field: "child_ids.1" },
      { kind: "staff", id: "k_stf", field: "staff_id" },
    ]);
  });

  it("has exercised every Kangarootime event type", () => {
    expect([...covered].sort()).toEqual([...webhookEventTypes].sort());
  });
});

describe("Kangarootime webhook errors", () => {
  it.each([
    ["unknown", { ...envelope, event_type: "nap_start", child_id: "k_chd" }],
    ["missing", { ...envelope, child_id: "k_chd" }],
  ])("rejects an %s event_type naming the field", (_, body) => {
    const result = mapWebhook(body);
    expect(result.ok ? null : result.error).toMatchObject({
      code: "unknown_event_type",
      details: { field: "event_type" },
    });
  });

  it("names a missing room_id", () => {
    const result = mapWebhook({ ...envelope, event_type: "check_in", child_id: "k_chd" });
    expect(result.ok ? null : result.error).toMatchObject({
      code: "invalid_payload",
      details: { field: "room_id" },
    });
  });

  it("names a bad entry in child_ids", () => {
    const result = mapWebhook({
      ...envelope,
      event_type: "incident",
      room_id: null,
      child_ids: ["k_c1", ""],
      staff_id: null,
      summary: "x",
    });
    expect(result.ok ? null : result.error.details.field).toBe("child_ids.1");
  });

  it("rejects a body that is not an object as invalid_payload", () => {
    const result = mapWebhook([{ event_type: "check_in" }]);
    expect(result.ok ? null : result.error.code).toBe("invalid_payload");
  });
});
