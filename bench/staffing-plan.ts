/**
 * The staffing plan of one room for a week, timed as a request makes it: a center of four rooms
 * and 64 children with four weeks of stored check-ins, moves and check-outs (a file database, as
 * the service has), the week's shifts stored, `roomStaffingPlan` called for each room in turn.
 * Imported by `staffing-forecast.ts`; also runs alone: `npx tsx bench/staffing-plan.ts [runs]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Child, Room, Shift } from "../src/domain/index.js";
import { addDays, weekdayOf, zonedDateTimeToInstant } from "../src/domain/time.js";
import { createRng } from "../src/sandbox/index.js";
import { roomStaffingPlan } from "../src/staff/plan.js";
import { center, person, WEEK, weekdays } from "../src/staff/plan-fixtures.js";
import { recordEvent } from "../src/storage/attendance.js";
import { inTransaction, openDatabase } from "../src/storage/db.js";
import { replaceShifts, upsertDirectory } from "../src/storage/directory.js";

const ROOMS = [
  { id: "infants", group: "infant", born: "2026-03-01" },
  { id: "toddlers", group: "toddler", born: "2024-12-01" },
  { id: "twos", group: "toddler", born: "2024-03-01" },
  { id: "preschool", group: "preschool", born: "2022-06-01" },
] as const;
const PER_ROOM = 16;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function seedPlanCenter(path: string): number {
  const db = openDatabase(path);
  const rng = createRng(7);
  const rooms: Room[] = ROOMS.map((r) => ({
    id: r.id,
    centerId: center.id,
    externalId: r.id,
    name: r.id,
    ageGroup: r.group,
    capacity: 24,
    platformRatio: null,
  }));
  const children: Child[] = ROOMS.flatMap((r, n) =>
    Array.from({ length: PER_ROOM }, (_, i) => ({
      id: `${r.id}-${i}`,
      centerId: center.id,
      externalId: `${r.id}-${i}`,
      firstName: "Kid",
      lastName: `${n}-${i}`,
      birthDate: r.born,
      homeRoomId: r.id,
      familyId: null,
      authorizedPickups: [],
      schedule: weekdays.map((day) => ({ day, arrive: "08:00", depart: "16:30" })),
    })),
  );
  const staff = ROOMS.flatMap((r) => [person(`${r.id}-a`, r.id), person(`${r.id}-b`, r.id)]);
  let n = 0;
  let events = 0;
  inTransaction(db, (tx) => {
    upsertDirectory(tx, { center, rooms, families: [], children, staff });
    for (let d = -28; d < 0; d++) {
      const date = addDays(WEEK, d);
      if (weekdayOf(date) === "sat" || weekdayOf(date) === "sun") continue;
      for (const c of children) {
        if (rng.chance(0.08)) continue;
        const arrive = rng.int(7 * 60, 9 * 60 + 30);
        const depart = rng.int(15 * 60, 18 * 60);
        const at = (m: number) =>
          zonedDateTimeToInstant(date, hhmm(m), center.timeZone).toISOString();
        const home = c.homeRoomId as string;
        const moveTo = ROOMS[rng.int(0, ROOMS.length - 1)]?.id ?? home;
        const list = [
          { type: "child.checked_in", occurredAt: at(arrive), roomId: home },
          ...(rng.chance(0.15) && moveTo !== home
            ? [
                { type: "child.moved", occurredAt: at(arrive + 120), toRoomId: moveTo },
                { type: "child.moved", occurredAt: at(arrive + 180), toRoomId: home },
              ]
            : []),
          { type: "child.checked_out", occurredAt: at(depart) },
        ];
        for (const e of list) {
          const event = { ...e, centerId: center.id, childId: c.id };
          recordEvent(
            tx,
            { source: "import", provider: "procare", sourceEventId: `e${n++}` },
            0,
            event as never,
            c.id,
            true,
            e.occurredAt,
          );
          events++;
        }
      }
    }
    for (let d = 0; d < 5; d++) {
      const date = addDays(WEEK, d);
      const shifts = staff.map(
        (s, i): Shift => ({
          id: `${s.id}-${date}`,
          centerId: center.id,
          staffId: s.id,
          date,
          start: i % 2 === 0 ? "07:00" : "09:30",
          end: i % 2 === 0 ? "15:30" : "18:00",
          roomId: s.homeRoomId,
          breaks: [{ start: "12:00", end: "12:30" }],
        }),
      );
      replaceShifts(tx, center.id, date, shifts);
    }
  });
  db.$client.close();
  return events;
}

/** Wall time per plan, and the process's CPU time (on a shared machine the wall time also counts
 * waiting for a core). */
export function benchStaffingPlan(runs = 3): {
  events: number;
  medianMs: number;
  medianCpuMs: number;
  ms: number[];
} {
  const dir = mkdtempSync(join(tmpdir(), "plan-bench-"));
  try {
    const path = join(dir, "db.sqlite");
    const events = seedPlanCenter(path);
    const db = openDatabase(path);
    const ms: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const room = ROOMS[i % ROOMS.length]?.id ?? "infants";
      const start = performance.now();
      const cpu = process.cpuUsage();
      const plan = roomStaffingPlan(db, center, { roomId: room, weekStart: WEEK });
      const used = process.cpuUsage(cpu);
      ms.push(performance.now() - start);
      cpuMs.push((used.user + used.system) / 1000);
      if (!plan.ok) throw plan.error;
    }
    db.$client.close();
    const median = (xs: number[]) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    return { events, medianMs: median(ms), medianCpuMs: median(cpuMs), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchStaffingPlan(Number(process.argv[2] ?? 3));
  console.log(
    `staffing plan, one room's week from 4 weeks of history (${r.events} stored events): median ${r.medianMs.toFixed(0)} ms wall, ${r.medianCpuMs.toFixed(0)} ms CPU (${r.ms.map((m) => m.toFixed(0)).join(", ")})`,
  );
}
