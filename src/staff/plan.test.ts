import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Center, Child, Shift, Staff } from "../domain/index.js";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { recordEvent } from "../storage/attendance.js";
import { openDatabase } from "../storage/db.js";
import { replaceShifts, upsertDirectory } from "../storage/directory.js";
import { roomStaffingPlan } from "./plan.js";

const center: Center = {
  id: "c1",
  name: "Plan Center",
  provider: "procare",
  externalId: "c1",
  jurisdiction: "US-CA",
  timeZone: "America/Los_Angeles",
};
const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;
const child = (i: number): Child => ({
  id: `k${i}`,
  centerId: "c1",
  externalId: `k${i}`,
  firstName: "Kid",
  lastName: `${i}`,
  birthDate: "2026-05-01",
  homeRoomId: "infants",
  familyId: null,
  authorizedPickups: [],
  schedule: weekdays.map((day) => ({ day, arrive: "08:00", depart: "11:00" })),
});
const far = { issuedOn: "2026-01-01", expiresOn: "2030-01-01" };
const person = (id: string): Staff => ({
  id,
  centerId: "c1",
  externalId: id,
  firstName: "Staff",
  lastName: id,
  birthDate: "1990-01-01",
  role: "teacher",
  homeRoomId: "infants",
  credentials: ["cpr", "pediatric_first_aid", "background_check", "tb_test", "ece_units"].map(
    (type) => ({ type, ...far }),
  ),
});
const WEEK = "2026-11-23";

function seeded() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "plan-")), "db.sqlite"));
  const children = Array.from({ length: 8 }, (_, i) => child(i));
  upsertDirectory(db, {
    center,
    rooms: [
      {
        id: "infants",
        centerId: "c1",
        externalId: "infants",
        name: "Infants",
        ageGroup: "infant",
        capacity: 12,
        platformRatio: null,
      },
    ],
    families: [],
    children,
    staff: [person("a"), person("b")],
  });
  // Four weeks of weekdays: the eight infants 08:00–11:00 every day.
  let n = 0;
  for (let d = -28; d < 0; d++) {
    const date = addDays(WEEK, d);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() % 6 === 0) continue;
    for (const c of children) {
      for (const [type, time] of [
        ["child.checked_in", "08:00"],
        ["child.checked_out", "11:00"],
      ] as const) {
        const occurredAt = zonedDateTimeToInstant(date, time, center.timeZone).toISOString();
        const event =
          type === "child.checked_in"
            ? { type, centerId: "c1", occurredAt, childId: c.id, roomId: "infants" }
            : { type, centerId: "c1", occurredAt, childId: c.id };
        recordEvent(
          db,
          { source: "import", provider: "procare", sourceEventId: `e${n++}` },
          0,
          event as never,
          c.id,
          true,
          occurredAt,
        );
      }
    }
  }
  for (let d = 0; d < 5; d++) {
    const date = addDays(WEEK, d);
    const shift = (staffId: string, start: string): Shift => ({
      id: `${staffId}-${date}`,
      centerId: "c1",
      staffId,
      date,
      start,
      end: "12:00",
      roomId: "infants",
      breaks: [],
    });
    // The second teacher starts a quarter hour after the infants arrive.
    replaceShifts(db, "c1", date, [shift("a", "07:00"), shift("b", "08:15")]);
  }
  return db;
}

describe("the staffing plan from stored history and shifts", () => {
  it("finds exactly the 08:00 slot of each weekday under-staffed and proposes a floater there", () => {
    const db = seeded();
    const plan = roomStaffingPlan(db, center, {
      roomId: "infants",
      weekStart: WEEK,
      opensAt: "07:00",
      closesAt: "12:00",
    });
    if (!plan.ok) throw plan.error;
    const under = plan.value.slots.filter((s) => s.status === "under");
    expect(under.map((s) => `${s.date} ${s.start}`)).toEqual(
      weekdays.map((_, d) => `${addDays(WEEK, d)} 08:00`),
    );
    for (const s of under) {
      expect(s.expected).toBe(8);
      expect(s.countedStaff).toBe(1);
      expect(s.requiredStaff).toBe(2);
    }
    const at915 = plan.value.slots.find((s) => s.date === WEEK && s.start === "09:15")!;
    expect(at915).toMatchObject({ expected: 8, countedStaff: 2, requiredStaff: 2, status: "ok" });
    expect(plan.value.suggestions).toHaveLength(5);
    expect(plan.value.suggestions[0]).toMatchObject({
      kind: "floater",
      date: WEEK,
      start: "08:00",
      end: "08:15",
      staff: 1,
    });
  });

  it("names the field of a bad request", () => {
    const plan = roomStaffingPlan(seeded(), center, { roomId: "infants", weekStart: "soon" });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error.message).toMatch(/^weekStart:/);
  });
});
