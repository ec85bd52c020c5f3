/**
 * The heavy reads on the worker pool answer exactly as they do in-process (the same functions the
 * routes called before) over a service's real database with two sandbox days in it: the same JSON
 * and CSV text, the same PDF bytes (but for the creation time pdf-lib stamps), the same plans and
 * records. A job's AppError comes back whole; a worker that cannot start fails its job, not the
 * caller; a closed pool refuses work.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/errors/index.js";
import { silentLogger } from "../src/logging/index.js";
import {
  createOffload,
  inProcess,
  type JobInput,
  type Offload,
  type ReportRequest,
} from "../src/offload/index.js";
import { fetchTimecardInputs } from "../src/staff/index.js";
import { getCenter, listRooms } from "../src/storage/directory.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
let pool: Offload;
let local: Offload;
const days: string[] = [];
// Fixed times, so that two renderings of one report can be compared byte for byte.
const times = {
  clock: new Date("2026-11-25T23:00:00Z"),
  wallClock: new Date("2026-11-26T08:00:00Z"),
};

beforeAll(async () => {
  t = await startTestService();
  for (let day = 0; day < 2; day++) {
    days.push(t.sandbox.plan.date);
    // Hour by hour, so the monitor records changes of status through the day.
    const end = Date.parse(t.sandbox.plan.endsAt);
    for (let at = t.sandbox.now().getTime(); at < end; at += 3_600_000) {
      for (const d of t.sandbox.advanceTo(new Date(at))) expect((await t.post(d)).status).toBe(200);
      t.settle();
    }
    for (const d of day === 0 ? t.sandbox.nextDay() : t.sandbox.playDay()) {
      expect((await t.post(d)).status).toBe(200);
    }
    t.settle();
    t.service.evaluateNow();
  }
  const db = t.service.ctx.db;
  pool = createOffload({ db, databasePath: t.databasePath, logger: silentLogger, size: 2 });
  local = inProcess(db);
}, 300_000);
afterAll(async () => {
  await pool?.close();
  await t?.stop();
});

const centerId = "center_001";
const center = () => getCenter(t.service.ctx.db, centerId)!;
const rooms = () => listRooms(t.service.ctx.db, centerId);

/** pdf-lib stamps the time of rendering as CreationDate and ModDate; everything else must match. */
const unstamped = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString("latin1")
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, "/$1 ()");

async function both<K extends Parameters<Offload["run"]>[0]>(name: K, input: JobInput<K>) {
  const [onWorker, inThread] = await Promise.all([pool.run(name, input), local.run(name, input)]);
  return { onWorker, inThread };
}

describe("jobs on the worker pool", () => {
  it("renders every report in every format as the in-process code does", async () => {
    const range = { from: days[0]!, to: days[1]! };
    const requests: ReportRequest[] = [
      { report: "ratio", centerId, range },
      { report: "subsidy", centerId, month: days[0]!.slice(0, 7) },
      { report: "meals", centerId, range },
      { report: "drills", centerId, range },
      { report: "exceptions", centerId, date: days[1]! },
      { report: "patterns", centerId, period: "week", date: days[1]! },
    ];
    for (const request of requests) {
      for (const format of ["json", "csv", "pdf"] as const) {
        const { onWorker, inThread } = await both("report", { ...request, ...times, format });
        const label = `${request.report} ${format}`;
        expect(onWorker?.format, label).toBe(format);
        if (onWorker?.format === "pdf" && inThread?.format === "pdf") {
          expect(unstamped(onWorker.body), label).toBe(unstamped(inThread.body));
          expect(onWorker.body.byteLength, label).toBe(inThread.body.byteLength);
        } else {
          expect(onWorker, label).toEqual(inThread);
        }
      }
    }
    const ratio = await pool.run("report", {
      report: "ratio",
      centerId,
      range,
      ...times,
      format: "json",
    });
    // Not an empty comparison: the week has rooms and time judged.
    expect(JSON.parse(ratio?.body as string).rooms.length).toBe(rooms().length);
  });

  it("answers null for an unknown center, as the routes' 404 expects", async () => {
    const range = { from: days[0]!, to: days[1]! };
    const input = { report: "ratio", centerId: "nope", range, ...times, format: "csv" } as const;
    expect(await pool.run("report", input)).toBeNull();
  });

  it("plans staffing as the in-process code does, for the route and the page", async () => {
    const weekStart = days[1]!;
    const plans = await both("staffingPlans", {
      center: center(),
      roomIds: rooms().map((r) => r.id),
      weekStart,
      at: times.clock.toISOString(),
    });
    expect(plans.onWorker).toBe(plans.inThread);
    expect(JSON.parse(plans.onWorker).rooms).toHaveLength(rooms().length);
    const view = await both("staffingView", {
      center: center(),
      roomId: rooms()[0]!.id,
      weekStart,
      actor: "user:test",
      at: times.clock,
    });
    expect(view.onWorker).toEqual(view.inThread);
    expect(view.onWorker.plan.slots.length).toBeGreaterThan(0);
  });

  it("reads a room's timeline, history and the staff credentials as the in-process code does", async () => {
    const from = `${days[0]}T00:00:00.000Z`;
    const to = `${days[1]}T00:00:00.000Z`;
    for (const room of rooms()) {
      const span = { centerId, roomId: room.id, from, to };
      const timeline = await both("timeline", span);
      expect(timeline.onWorker).toEqual(timeline.inThread);
      const history = await both("roomHistory", span);
      expect(history.onWorker).toEqual(history.inThread);
    }
    const any = await pool.run("roomHistory", { centerId, roomId: rooms()[0]!.id, from, to });
    expect(any.length).toBeGreaterThan(0);
    for (const format of ["json", "csv"] as const) {
      const input = { centerId, at: times.clock, roomId: undefined, format };
      const credentials = await both("staffCredentials", input);
      expect(credentials.onWorker).toEqual(credentials.inThread);
    }
  });

  it("checks timecards and makes the payroll sheet as the in-process code does", async () => {
    const client = t.service.ctx.platformFor?.(centerId);
    if (!client) throw new Error("no platform client for the center");
    const fetched = await fetchTimecardInputs(client, center(), days[0]!, days[1]!);
    // Not an empty comparison: the two days were worked and punched.
    expect(fetched.timecards.length).toBeGreaterThan(0);
    const input = { center: center(), from: days[0]!, to: days[1]!, asOf: times.clock, fetched };
    const check = await both("timecardCheck", input);
    expect(check.onWorker).toEqual(check.inThread);
    expect(check.onWorker.report.days.length).toBeGreaterThan(0);
    for (const format of ["json", "csv"] as const) {
      const payroll = await both("payroll", { ...input, format });
      expect(payroll.onWorker).toEqual(payroll.inThread);
      expect(payroll.onWorker.sheet.lines.length).toBeGreaterThan(0);
      expect(payroll.onWorker.csv === null).toBe(format === "json");
    }
  });

  it("sends a job's AppError back whole: code, message and details", async () => {
    const input = {
      center: center(),
      roomIds: [rooms()[0]!.id],
      weekStart: "2026-02-30",
      at: times.clock.toISOString(),
    };
    const inThread = await local.run("staffingPlans", input).catch((e: unknown) => e);
    const onWorker = await pool.run("staffingPlans", input).catch((e: unknown) => e);
    expect(AppError.is(inThread)).toBe(true);
    expect(AppError.is(onWorker)).toBe(true);
    const { code, message, details } = inThread as AppError;
    expect(onWorker).toMatchObject({ code, message, details });
  });

  it("fails the job, not the caller, when a worker cannot open the database", async () => {
    const broken = createOffload({
      db: t.service.ctx.db,
      databasePath: join(t.databasePath, "..", "missing.db"),
      logger: silentLogger,
      size: 1,
    });
    const input = { centerId, roomId: rooms()[0]!.id, from: "a", to: "b" };
    await expect(broken.run("roomHistory", input)).rejects.toThrow(/CANTOPEN/);
    await broken.close();
    await expect(broken.run("roomHistory", input)).rejects.toThrow(/closed/);
  });
});
