/**
 * @module staff/plan-fixtures
 * Test fixtures for the staffing plan tests: a one-center directory of infants and teachers, and
 * a known attendance history (every enrolled infant 08:00–11:00 on each weekday of the four weeks
 * before the planned week), so a plan's expected children have an answer to check against.
 */
import type { Center, Child, Room, Staff } from "../domain/index.js";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { recordEvent } from "../storage/attendance.js";
import type { Store } from "../storage/db.js";

export const center: Center = {
  id: "c1",
  name: "Plan Center",
  provider: "procare",
  externalId: "c1",
  jurisdiction: "US-CA",
  timeZone: "America/Los_Angeles",
};

/** The Monday of the planned week. */
export const WEEK = "2026-11-23";

export const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;

export const room = (id: string, name: string): Room => ({
  id,
  centerId: "c1",
  externalId: id,
  name,
  ageGroup: "infant",
  capacity: 12,
  platformRatio: null,
});

export const child = (i: number): Child => ({
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

/** A teacher holding every California credential, valid well past the planned week. */
export const person = (id: string, homeRoomId = "infants"): Staff => ({
  id,
  centerId: "c1",
  externalId: id,
  firstName: "Staff",
  lastName: id.toUpperCase(),
  birthDate: "1990-01-01",
  role: "teacher",
  homeRoomId,
  credentials: ["cpr", "pediatric_first_aid", "background_check", "tb_test", "ece_units"].map(
    (type) => ({ type, ...far }),
  ),
});

/** Stores each child's check-in at 08:00 into the infants room and check-out at 11:00, on every
 * weekday of the four weeks before `WEEK`. */
export function recordInfantHistory(db: Store, children: readonly Child[]): void {
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
}
