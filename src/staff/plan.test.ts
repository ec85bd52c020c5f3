import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Shift } from "../domain/index.js";
import { addDays } from "../domain/time.js";
import { openDatabase } from "../storage/db.js";
import { replaceShifts, upsertDirectory } from "../storage/directory.js";
import { roomStaffingPlan } from "./plan.js";
import {
  center,
  child,
  person,
  recordInfantHistory,
  room,
  WEEK,
  weekdays,
} from "./plan-fixtures.js";

function seeded() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "plan-")), "db.sqlite"));
  const children = Array.from({ length: 8 }, (_, i) => child(i));
  upsertDirectory(db, {
    center,
    rooms: [room("infants", "Infants")],
    families: [],
    children,
    staff: [person("a"), person("b")],
  });
  recordInfantHistory(db, children);
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
