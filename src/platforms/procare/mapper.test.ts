import { describe, expect, it } from "vitest";
import {
  centerSchema,
  childSchema,
  domainEventSchema,
  roomSchema,
  shiftSchema,
  staffSchema,
} from "../../domain/index.js";
import type { MappedWebhook } from "../types.js";
import {
  credentialType,
  mapCenter,
  mapChild,
  mapRoom,
  mapShift,
  mapStaff,
  mapWebhook,
  minutesToTime,
} from "./mapper.js";
import { webhookEventTypes } from "./wire.js";

const envelope = {
  event_id: "evt_1",
  timestamp: "2026-11-23T08:32:15-08:00",
  center_id: "ctr_1",
};
const child = { id: "chd_1", first_name: "Ava", last_name: "Lee", room_id: "rm_1" };
const staff = { id: "emp_1", first_name: "Sam", last_name: "Ortiz" };

/** Event types the mapping tests below have exercised; the last test checks none was missed. */
const covered = new Set<string>();

function mapped<T extends { event_type: string }>(body: T): MappedWebhook {
  covered.add(body.event_type);
  const result = mapWebhook(body);
  if (!result.ok) throw result.error;
  for (const event of result.value.events) domainEventSchema.parse(event);
  return result.value;
}

describe("Procare directory mapping", () => {
  it("maps a center to a US jurisdiction and keeps its id", () => {
    const center = mapCenter({
      id: "ctr_1",
      name: "Maple",
      state: "CA",
      time_zone: "America/Los_Angeles",
    });
    expect(centerSchema.parse(center)).toEqual({
      id: "ctr_1",
      name: "Maple",
      provider: "procare",
      externalId: "ctr_1",
      jurisdiction: "US-CA",
      timeZone: "America/Los_Angeles",
    });
  });

  it("maps a classroom's ratio and maximum to platformRatio and capacity", () => {
    const room = mapRoom({
      id: "rm_1",
      center_id: "ctr_1",
      name: "Bunnies",
      age_group: "infant",
      ratio: 4.0,
      max_children: 8,
    });
    expect(roomSchema.parse(room)).toMatchObject({
      id: "rm_1",
      externalId: "rm_1",
      centerId: "ctr_1",
      ageGroup: "infant",
      platformRatio: 4,
      capacity: 8,
    });
  });

  it("maps a child's schedule and keeps only people allowed to pick up", () => {
    const mappedChild = mapChild({
      id: "chd_1",
      center_id: "ctr_1",
      first_name: "Ava",
      last_name: "Lee",
      date_of_birth: "2025-02-01",
      primary_classroom_id: "rm_1",
      family_id: "fam_1",
      authorized_pickups: [
        { name: "Mia Lee", relationship: "mother", allowed_to_pick_up: true },
        { name: "Ex Partner", relationship: "other", allowed_to_pick_up: false },
      ],
      schedule: [
        { weekday: 1, in_minute: 450, out_minute: 1050 },
        { weekday: 7, in_minute: 0, out_minute: 1440 },
      ],
    });
    expect(childSchema.parse(mappedChild)).toMatchObject({
      homeRoomId: "rm_1",
      birthDate: "2025-02-01",
      authorizedPickups: [{ name: "Mia Lee", relationship: "mother" }],
      schedule: [
        { day: "mon", arrive: "07:30", depart: "17:30" },
        { day: "sun", arrive: "00:00", depart: "23:59" },
      ],
    });
  });

  it.each([
    ["Director", "director"],
    ["Assistant Director", "assistant_director"],
    ["Lead Teacher", "lead_teacher"],
    ["Teacher", "teacher"],
    ["Assistant Teacher", "assistant_teacher"],
    ["Floater", "floater"],
    ["Cook", "cook"],
    ["Office", "admin"],
  ] as const)("maps position %s to role %s", (position, role) => {
    const mappedStaff = mapStaff({
      id: "emp_1",
      center_id: "ctr_1",
      first_name: "Sam",
      last_name: "Ortiz",
      date_of_birth: "1990-05-05",
      position,
      classroom_id: null,
      certifications: [
        { name: "Pediatric First Aid", issued_date: "2025-01-01", expiration_date: "2027-01-01" },
      ],
    });
    expect(staffSchema.parse(mappedStaff)).toMatchObject({
      role,
      homeRoomId: null,
      credentials: [
        { type: "pediatric_first_aid", issuedOn: "2025-01-01", expiresOn: "2027-01-01" },
      ],
    });
  });

  it("turns certification names into snake_case types", () => {
    expect(credentialType("CPR")).toBe("cpr");
    expect(credentialType("  Background Check (LiveScan) ")).toBe("background_check_livescan");
  });

  it("maps a staff schedule with minute times to a shift", () => {
    const shift = mapShift({
      id: "sch_1",
      employee_id: "emp_1",
      center_id: "ctr_1",
      date: "2026-11-23",
      in_minute: 420,
      out_minute: 960,
      classroom_id: "rm_2",
      breaks: [{ start_minute: 720, end_minute: 750 }],
    });
    expect(shiftSchema.parse(shift)).toEqual({
      id: "sch_1",
      centerId: "ctr_1",
      staffId: "emp_1",
      date: "2026-11-23",
      start: "07:00",
      end: "16:00",
      roomId: "rm_2",
      breaks: [{ start: "12:00", end: "12:30" }],
    });
  });

  it("pads minutes to HH:MM", () => {
    expect(minutesToTime(5)).toBe("00:05");
    expect(minutesToTime(1439)).toBe("23:59");
  });
});

describe("Procare webhooks", () => {
  it("maps check_in with the center, child and room it references", () => {
    const result = mapped({
      ...envelope,
      event_type: "attendance.check_in",
      child,
      checked_in_by: { staff_id: null, method: "kiosk" },
    });
    expect(result).toEqual({
      eventId: "evt_1",
      centerId: "ctr_1",
      events: [
        {
          type: "child.checked_in",
          centerId: "ctr_1",
          occurredAt: "2026-11-23T16:32:15.000Z",
          childId: "chd_1",
          roomId: "rm_1",
        },
      ],
      refs: [
        { kind: "center", id: "ctr_1", field: "center_id" },
        { kind: "child", id: "chd_1", field: "child.id" },
        { kind: "room", id: "rm_1", field: "child.room_id" },
      ],
    });
  });

  it("maps check_out with who picked up and no room reference", () => {
    const result = mapped({
      ...envelope,
      event_type: "attendance.check_out",
      child,
      checked_out_by: { name: "Mia Lee", relationship: "mother", method: "pin_pad" },
    });
    expect(result.events).toEqual([
      {
        type: "child.checked_out",
        centerId: "ctr_1",
        occurredAt: "2026-11-23T16:32:15.000Z",
        childId: "chd_1",
        pickedUpBy: "Mia Lee",
      },
    ]);
    expect(result.refs.map((r) => r.kind)).toEqual(["center", "child"]);
  });

  it("maps room_change to child.moved into the destination room", () => {
    const result = mapped({
      ...envelope,
      event_type: "attendance.room_change",
      child: { id: "chd_1", first_name: "Ava", last_name: "Lee" },
      from_room_id: "rm_1",
      to_room_id: "rm_2",
    });
    expect(result.events[0]).toMatchObject({ type: "child.moved", toRoomId: "rm_2" });
    expect(result.refs).toContainEqual({ kind: "room", id: "rm_2", field: "to_room_id" });
    expect(result.refs.some((r) => r.id === "rm_1")).toBe(false);
  });

  it("maps pickup_attempt", () => {
    const result = mapped({
      ...envelope,
      event_type: "attendance.pickup_attempt",
      child,
      person: { name: "Stranger Danger" },
    });
    expect(result.events[0]).toMatchObject({
      type: "child.pickup_attempted",
      childId: "chd_1",
      personName: "Stranger Danger",
    });
    expect(result.refs.map((r) => r.kind)).toEqual(["center", "child"]);
  });

  it("maps staff clock_in with and without a room", () => {
    const inRoom = mapped({ ...envelope, event_type: "staff.clock_in", staff, room_id: "rm_1" });
    expect(inRoom.events[0]).toMatchObject({
      type: "staff.clocked_in",
      staffId: "emp_1",
      roomId: "rm_1",
    });
    expect(inRoom.refs).toEqual([
      { kind: "center", id: "ctr_1", field: "center_id" },
      { kind: "staff", id: "emp_1", field: "staff.id" },
      { kind: "room", id: "rm_1", field: "room_id" },
    ]);
    const noRoom = mapped({ ...envelope, event_type: "staff.clock_in", staff, room_id: null });
    expect(noRoom.events[0]).toMatchObject({ roomId: null });
    expect(noRoom.refs.map((r) => r.kind)).toEqual(["center", "staff"]);
  });

  it.each([
    ["staff.clock_out", "staff.clocked_out"],
    ["staff.break_start", "staff.break_started"],
    ["staff.break_end", "staff.break_ended"],
  ])("maps %s to %s", (eventType, domainType) => {
    const result = mapped({ ...envelope, event_type: eventType, staff });
    expect(result.events).toEqual([
      {
        type: domainType,
        centerId: "ctr_1",
        occurredAt: "2026-11-23T16:32:15.000Z",
        staffId: "emp_1",
      },
    ]);
    expect(result.refs.map((r) => r.kind)).toEqual(["center", "staff"]);
  });

  it("maps room_assignment to staff.assigned", () => {
    const result = mapped({
      ...envelope,
      event_type: "staff.room_assignment",
      staff,
      room_id: "rm_3",
    });
    expect(result.events[0]).toMatchObject({
      type: "staff.assigned",
      staffId: "emp_1",
      roomId: "rm_3",
    });
    expect(result.refs).toContainEqual({ kind: "room", id: "rm_3", field: "room_id" });
  });

  it("maps an incident with every record it names", () => {
    const result = mapped({
      ...envelope,
      event_type: "incident.reported",
      incident: {
        id: "inc_1",
        room_id: "rm_1",
        child_ids: ["chd_1", "chd_2"],
        reported_by_staff_id: "emp_1",
        description: "Bumped head on table",
      },
    });
    expect(result.events).toEqual([
      {
        type: "incident.reported",
        centerId: "ctr_1",
        occurredAt: "2026-11-23T16:32:15.000Z",
        roomId: "rm_1",
        childIds: ["chd_1", "chd_2"],
        reportedByStaffId: "emp_1",
        description: "Bumped head on table",
      },
    ]);
    expect(result.refs).toEqual([
      { kind: "center", id: "ctr_1", field: "center_id" },
      { kind: "room", id: "rm_1", field: "incident.room_id" },
      { kind: "child", id: "chd_1", field: "incident.child_ids.0" },
      { kind: "child", id: "chd_2", field: "incident.child_ids.1" },
      { kind: "staff", id: "emp_1", field: "incident.reported_by_staff_id" },
    ]);
  });

  it("leaves out the room and reporter of an incident when they are null", () => {
    const result = mapped({
      ...envelope,
      event_type: "incident.reported",
      incident: {
        id: "inc_2",
        room_id: null,
        child_ids: [],
        reported_by_staff_id: null,
        description: "Playground gate found open",
      },
    });
    expect(result.refs).toEqual([{ kind: "center", id: "ctr_1", field: "center_id" }]);
  });

  it("has exercised every Procare event type", () => {
    expect([...covered].sort()).toEqual([...webhookEventTypes].sort());
  });
});

describe("Procare webhook errors", () => {
  it.each([
    ["unknown", { ...envelope, event_type: "attendance.teleport", child }],
    ["missing", { ...envelope, child }],
  ])("rejects an %s event_type naming the field", (_, body) => {
    const result = mapWebhook(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("unknown_event_type");
    expect(result.error.details.field).toBe("event_type");
  });

  it("names child.room_id when it is missing", () => {
    const result = mapWebhook({
      ...envelope,
      event_type: "attendance.check_in",
      child: { id: "chd_1", first_name: "Ava", last_name: "Lee" },
      checked_in_by: { staff_id: null, method: "kiosk" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid_payload");
    expect(result.error.details.field).toBe("child.room_id");
    expect(result.error.message).toMatch(/^child\.room_id: /);
  });

  it("rejects a body that is not an object as invalid_payload", () => {
    for (const body of [null, "check_in", [1, 2], 42]) {
      const result = mapWebhook(body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("invalid_payload");
    }
  });

  it("names a timestamp without an offset", () => {
    const result = mapWebhook({
      ...envelope,
      timestamp: "2026-11-23 08:32",
      event_type: "staff.clock_out",
      staff,
    });
    expect(result.ok ? null : result.error.details.field).toBe("timestamp");
  });
});
