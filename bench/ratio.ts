/**
 * @module bench/ratio
 * Ratio-core throughput, in one process with no HTTP or SQLite in the way:
 * 1. one room evaluated over and over (a mixed toddler room under US-CA rules);
 * 2. a sandbox chain (200 centers; `--centers=N` or BENCH_RATIO_CENTERS) replaying a morning:
 *    every webhook body goes through its platform's real mapper, the presence projection, and a fresh evaluation of each room it
 *    touched, exactly as the service does per event minus storage;
 * 3. memory per center: heap held by the chain's directory, presence and room state after the
 *    morning, divided by the number of centers (run with --expose-gc: measured after a full GC).
 */
import { performance } from "node:perf_hooks";
import { toRoomInput } from "../src/compliance/room-input.js";
import type { RoomState, Staff } from "../src/domain/index.js";
import { instantToZoned } from "../src/domain/time.js";
import {
  currentRoom,
  emptyPresence,
  type Presence,
  project,
  subjectOf,
} from "../src/live/index.js";
import { getAdapter } from "../src/platforms/index.js";
import { evaluateRoom, getRulePack, roomInputSchema } from "../src/rules/index.js";
import { createSandbox } from "../src/sandbox/index.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as const;
  }),
);
// `npm run bench` keeps to a few minutes on a small machine: BENCH_RATIO_CENTERS / _SECONDS.
const CENTERS = Number(args.get("centers") ?? process.env.BENCH_RATIO_CENTERS ?? 200);
const ONE_ROOM_SECONDS = Number(args.get("seconds") ?? process.env.BENCH_RATIO_SECONDS ?? 1);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

function oneRoom(): {
  evals: number;
  seconds: number;
  medianMicros: number;
  bestMicros: number;
  cpuMicros: number;
} {
  const pack = getRulePack("US-CA");
  if (!pack) throw new Error("no US-CA pack");
  const room = roomInputSchema.parse({
    children: Array.from({ length: 11 }, (_, i) => ({
      id: `k${i}`,
      birthDate: `2024-${String((i % 9) + 1).padStart(2, "0")}-15`,
    })),
    staff: [
      { id: "s1", birthDate: "1990-01-01", role: "teacher" },
      { id: "s2", birthDate: "1995-01-01", role: "assistant" },
      { id: "s3", birthDate: "2000-01-01", role: "teacher", onBreak: true },
    ],
  });
  const at = new Date("2026-11-23T17:00:00Z");
  let evals = 0;
  const start = performance.now();
  let elapsed = 0;
  // Per-batch times: on a shared machine the median batch is the figure, the mean mostly noise.
  const batches: number[] = [];
  // CPU time too: on a shared machine it counts the work, not the waits for a core.
  const cpuStart = process.cpuUsage();
  while (elapsed < ONE_ROOM_SECONDS * 1000) {
    const batchStart = performance.now();
    for (let i = 0; i < 1000; i++) evaluateRoom(pack, room, { at });
    batches.push((performance.now() - batchStart) / 1000);
    evals += 1000;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  batches.sort((a, b) => a - b);
  const medianMs = batches[Math.floor(batches.length / 2)] ?? Number.NaN;
  return {
    evals,
    seconds: elapsed / 1000,
    medianMicros: medianMs * 1000,
    bestMicros: (batches[0] ?? Number.NaN) * 1000,
    cpuMicros: (cpu.user + cpu.system) / evals,
  };
}

/** The sandbox numbers centers 1–99, so the chain is built from several sandboxes of 50. */
const PER_SANDBOX = 50;

function chain() {
  const sandboxes = Array.from({ length: Math.ceil(CENTERS / PER_SANDBOX) }, (_, i) =>
    createSandbox({
      seed: 42 + i,
      centers: Math.min(PER_SANDBOX, CENTERS - i * PER_SANDBOX),
      date: "2026-11-23",
    }),
  );
  const mornings = sandboxes.map((sandbox) =>
    sandbox.advanceTo(new Date(new Date(sandbox.plan.startsAt).getTime() + 4.5 * 3_600_000)),
  );
  // Memory per center counts what a live chain keeps: directory, presence and room state, not the
  // simulator or its deliveries (both stay alive across the two readings).
  const heapBefore = heap();
  // Ids repeat across sandboxes, so every key carries its sandbox's index.
  const staffByCenter = new Map<string, Map<string, Staff>>();
  const rooms = new Map<string, RoomState & { centerKey: string }>();
  const people = new Map<
    string,
    { firstName: string; lastName: string; birthDate: string; role?: string }
  >();
  const centers = new Map<string, { jurisdiction: string; timeZone: string }>();
  sandboxes.forEach((sandbox, n) => {
    for (const c of sandbox.world.centers) {
      centers.set(`${n}:${c.id}`, c);
      staffByCenter.set(
        `${n}:${c.id}`,
        new Map(c.staff.map((s) => [s.id, { ...s, externalId: s.id } as unknown as Staff])),
      );
      for (const r of c.rooms) {
        rooms.set(`${n}:${r.id}`, {
          centerKey: `${n}:${c.id}`,
          id: r.id,
          name: r.name,
          ageGroup: r.ageGroup,
          capacity: r.capacity,
          children: [],
          staff: [],
          counts: { children: 0, staffPresent: 0, staffOnBreak: 0 },
        });
      }
      for (const p of [...c.children, ...c.staff]) people.set(`${n}:${p.id}`, p);
    }
  });
  const presence = new Map<string, Presence>();

  let events = 0;
  let evaluations = 0;
  const statusCounts = { ok: 0, approaching: 0, violation: 0, critical: 0 };
  const start = performance.now();
  mornings.forEach((deliveries, n) => {
    for (const d of deliveries) {
      events++;
      const mapped = getAdapter(d.provider).mapWebhook(JSON.parse(d.body));
      if (!mapped.ok) throw mapped.error;
      for (const event of mapped.value.events) {
        const subject = subjectOf(event);
        if (!subject) continue;
        const key = `${n}:${subject.kind}:${subject.id}`;
        const before = presence.get(key) ?? emptyPresence(event.centerId, subject.kind, subject.id);
        const { next, applied } = project(before, event);
        if (!applied) continue;
        presence.set(key, next);
        const touched = new Set(
          [currentRoom(before), currentRoom(next)].filter((r): r is string => r !== null),
        );
        for (const roomId of touched) {
          const room = rooms.get(`${n}:${roomId}`);
          const center = room ? centers.get(room.centerKey) : undefined;
          const pack = center ? getRulePack(center.jurisdiction) : undefined;
          if (!room || !center || !pack) continue;
          const who = people.get(`${n}:${subject.id}`);
          const here = currentRoom(next) === roomId;
          const base = {
            id: subject.id,
            firstName: who?.firstName ?? "",
            lastName: who?.lastName ?? "",
            since: event.occurredAt,
          };
          if (subject.kind === "child") {
            room.children = room.children.filter((k) => k.id !== subject.id);
            if (here) room.children.push({ ...base, birthDate: who?.birthDate ?? "" });
          } else {
            room.staff = room.staff.filter((s) => s.id !== subject.id);
            if (here)
              room.staff.push({ ...base, role: who?.role ?? "teacher", onBreak: next.onBreak });
          }
          const at = new Date(event.occurredAt);
          const localDate = instantToZoned(at, center.timeZone).date;
          const { input } = toRoomInput(
            room,
            staffByCenter.get(room.centerKey) ?? new Map(),
            at,
            localDate,
            undefined,
            pack,
          );
          const result = evaluateRoom(pack, roomInputSchema.parse(input), { at, localDate });
          if (!result.ok) throw result.error;
          statusCounts[result.value.status]++;
          evaluations++;
        }
      }
    }
  });
  const seconds = (performance.now() - start) / 1000;
  const heapAfter = heap();
  return {
    events,
    evaluations,
    seconds,
    perCenterBytes: (heapAfter - heapBefore) / CENTERS,
    statusCounts,
    retained: [sandboxes, mornings, presence, rooms],
  };
}

const single = oneRoom();
process.stderr.write("replaying the chain's morning…\n");
const morning = chain();
const rows = [
  [
    "one room (US-CA, 11 toddlers, 3 staff)",
    `${fmt(single.medianMicros, 2)} µs per evaluation`,
    `median of 1,000-evaluation batches (best ${fmt(single.bestMicros, 2)} µs, ${fmt(single.cpuMicros, 2)} µs of CPU); ${fmt(single.evals)} in ${fmt(single.seconds, 1)} s (${fmt(single.evals / single.seconds)}/s)`,
  ],
  [
    `${fmt(CENTERS)}-center chain, morning replay`,
    `${fmt(morning.evaluations / morning.seconds)} evaluations/s`,
    `${fmt(morning.events)} events → ${fmt(morning.evaluations)} evaluations in ${fmt(morning.seconds, 2)} s (${fmt(morning.events / morning.seconds)} events/s)`,
  ],
  [
    "memory per center",
    `${fmt(morning.perCenterBytes / 1024, 1)} KiB`,
    gc
      ? "heap after full GC: directory, presence and room state"
      : "approximate (run with --expose-gc for a collected heap)",
  ],
];
console.log("\nRatio core (pure evaluation, no HTTP or SQLite)");
console.log(`node ${process.version}, ${process.arch}`);
for (const [name, value, detail] of rows)
  console.log(`${(name ?? "").padEnd(42)} ${(value ?? "").padStart(26)}   ${detail}`);
console.log(`statuses seen in the replay: ${JSON.stringify(morning.statusCounts)}`);
if (args.get("json") === "true") {
  console.log(
    JSON.stringify({
      oneRoomEvalsPerSecond: single.evals / single.seconds,
      oneRoomMicrosPerEval: single.medianMicros,
      oneRoomCpuMicrosPerEval: single.cpuMicros,
      chain: {
        centers: CENTERS,
        events: morning.events,
        evaluations: morning.evaluations,
        seconds: morning.seconds,
        bytesPerCenter: morning.perCenterBytes,
      },
    }),
  );
}
