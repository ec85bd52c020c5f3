/**
 * The subsidy claim, meal participation counts and emergency drill reconciliation over a sandbox
 * week, each checked against totals computed here from the sandbox's own script and truth (never
 * through the code under test):
 * - subsidy: one subsidized child's check-out on the second day is withheld, so that day must be
 *   flagged as a missing check-out with no hours; every other figure follows from the scripted
 *   check-ins and check-outs and the sandbox's invented authorizations;
 * - meals: a teacher's lunch log for every child the truth has present at 11:45 and an afternoon
 *   snack log for every child present at 15:10, approved in bulk, except a few left pending and
 *   one rejected, which must not count;
 * - drills: run through HTTP on the first day against the truth's roll at the start, with two
 *   children and one staff member never tapped and one child tapped who was not there.
 * PDFs are rendered to PNG (pdftoppm) under test/output/reports for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeApproval } from "../src/approvals/index.js";
import { searchAudit } from "../src/audit/index.js";
import { instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../src/domain/time.js";
import type { DrillLog, DrillReport, MealReport, SubsidyReport } from "../src/reports/index.js";
import type { SandboxEvent, SimCenter } from "../src/sandbox/index.js";
import { sandboxSubsidyAuthorizations } from "../src/sandbox/subsidy.js";
import { getCenter } from "../src/storage/directory.js";
import { startTestService, type TestService } from "./support/service.js";

const OUT = join(import.meta.dirname, "output", "reports");
const CENTER = "center_001";
let t: TestService;
let center: SimCenter;
const days: string[] = [];
const events: SandboxEvent[] = [];
let dropped: SandboxEvent | undefined;
/** Children the truth had present at each meal instant, per day. */
const lunch = new Map<string, string[]>();
const snack = new Map<string, string[]>();
/** Approvals that must not count: left pending or rejected. */
const uncounted = new Set<string>();
let drillA: DrillReport;
let drillB: DrillReport;
let drillTruth: { children: string[]; staff: string[] };
let missingChildren: string[];
let missingStaff: string;
let extraChild: string;

const json = { "content-type": "application/json" };
const local = (iso: string) => instantToZoned(new Date(iso), center.timeZone);
const at = (date: string, time: string) => zonedDateTimeToInstant(date, time, center.timeZone);

async function advance(to: Date) {
  for (const d of t.sandbox.advanceTo(to)) expect((await t.post(d)).status).toBe(200);
  t.settle();
}

async function api<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.api(path, {
    method: body === undefined ? "GET" : "POST",
    headers: json,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function runDrills(date: string) {
  await advance(at(date, "10:30"));
  const truth = t.sandbox.truth(CENTER);
  drillTruth = {
    children: truth.children.map((c) => c.childId),
    staff: truth.staff.map((s) => s.staffId),
  };
  const started = await api<DrillReport>(`/api/centers/${CENTER}/drills`, { kind: "fire" });
  expect(started.status).toBe(201);
  const id = started.body.drill.id;
  const again = await api<{ error: { code: string } }>(`/api/centers/${CENTER}/drills`, {});
  expect(again.status).toBe(409);
  missingChildren = drillTruth.children.slice(0, 2);
  missingStaff = drillTruth.staff[0]!;
  extraChild = center.children.map((c) => c.id).find((c) => !drillTruth.children.includes(c))!;
  const tap = (subjectKind: "child" | "staff", subjectId: string) =>
    api<DrillReport>(`/api/centers/${CENTER}/drills/${id}/marks`, { subjectKind, subjectId });
  const children = drillTruth.children.filter((c) => !missingChildren.includes(c));
  for (const c of children.slice(0, 10)) expect((await tap("child", c)).status).toBe(200);
  await advance(at(date, "10:31"));
  for (const c of children.slice(10)) expect((await tap("child", c)).status).toBe(200);
  for (const s of drillTruth.staff.slice(1)) expect((await tap("staff", s)).status).toBe(200);
  await advance(new Date(at(date, "10:32").getTime() + 30_000));
  expect((await tap("child", extraChild)).status).toBe(200);
  // A repeated tap keeps the first time; an unknown id is refused, naming the field.
  expect((await tap("child", children[0]!)).status).toBe(200);
  const unknown = await tap("child", "no_such_child");
  expect(unknown.status).toBe(400);
  expect(
    (unknown.body as unknown as { error: { details: { field: string } } }).error.details,
  ).toEqual({ field: "subjectId" });
  const ended = await api<DrillReport>(`/api/centers/${CENTER}/drills/${id}/end`, {});
  expect(ended.status).toBe(200);
  drillA = ended.body;
  expect((await tap("child", children[0]!)).status).toBe(409);
}

/** A second drill where everyone is found, the last one two minutes in. */
async function runSecondDrill(date: string) {
  await advance(at(date, "15:30"));
  const roll = t.sandbox.truth(CENTER);
  const second = await api<DrillReport>(`/api/centers/${CENTER}/drills`, { kind: "evacuation" });
  expect(second.status).toBe(201);
  const id2 = second.body.drill.id;
  const [last, ...rest] = roll.children.map((c) => c.childId);
  for (const c of rest) {
    await api(`/api/centers/${CENTER}/drills/${id2}/marks`, { subjectKind: "child", subjectId: c });
  }
  for (const s of roll.staff) {
    await api(`/api/centers/${CENTER}/drills/${id2}/marks`, {
      subjectKind: "staff",
      subjectId: s.staffId,
    });
  }
  await advance(at(date, "15:32"));
  await api(`/api/centers/${CENTER}/drills/${id2}/marks`, {
    subjectKind: "child",
    subjectId: last,
  });
  drillB = (await api<DrillReport>(`/api/centers/${CENTER}/drills/${id2}/end`, {})).body;
}

/** Quick logs as a teacher would write them, proposed as the quick-log drafter would. */
function proposeMeals(date: string): { id: number; contentHash: string; key: string }[] {
  const db = t.service.ctx.db;
  const logs = [
    ...(lunch.get(date) ?? []).map((c) => ({ c, time: "11:45", detail: "ate all lunch" })),
    ...(snack.get(date) ?? []).map((c) => ({ c, time: "15:10", detail: "ate most of the fruit" })),
  ];
  return logs.map(({ c, time, detail }) => {
    const entry = { type: "meal" as const, start: at(date, time).toISOString(), end: null, detail };
    const call = { centerId: CENTER, op: "log.create" as const, childId: c, entries: [entry] };
    const key = `${date}|${time}|${c}`;
    const { row } = proposeApproval(
      db,
      {
        kind: "structured_log",
        centerId: CENTER,
        roomId: null,
        subject: c,
        title: "Daily log: 1 entry",
        draftSource: "template",
        draft: { childId: c, entries: [entry], unparsed: [], text: detail },
        platformCall: call,
        context: {},
        dedupeKey: `test-meal:${key}`,
        agentRunId: null,
        promptId: null,
        promptVersion: null,
        triggerEventId: null,
        expiresAt: null,
        actor: "system:test",
      },
      new Date().toISOString(),
    );
    return { id: row.id, contentHash: row.contentHash, key };
  });
}

async function session(role: "director" | "auditor") {
  const user = t.users.find((u) => u.role === role)!;
  const s = await t.signIn(user.email, user.password!);
  expect(s).toBeDefined();
  return s!;
}
const page = (cookie: string, path: string) =>
  fetch(`${t.service.url}${path}`, { headers: { cookie } });
const post = (cookie: string, path: string, form: Record<string, string>) =>
  fetch(`${t.service.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: t.service.url },
    body: new URLSearchParams(form),
  });

let webDrill:
  | {
      id: number;
      expected: number;
      subjects: string[];
      absent: string;
      endLocation: string | null;
      statuses: { start: number; marks: number[]; noCsrf: number; end: number };
    }
  | undefined;

/** The phone page's flow as form posts, at the second center mid-morning of the last day. */
async function runWebDrill() {
  const center2 = "CTR_002";
  const { cookie, csrfToken } = await session("director");
  const start = await post(cookie, `/centers/${center2}/drills/start`, {
    _csrf: csrfToken,
    kind: "lockdown",
  });
  const running = await (await page(cookie, `/centers/${center2}/drills`)).text();
  const id = Number(/data-drill="(\d+)"/.exec(running)?.[1]);
  const subjects = [...running.matchAll(/data-subject="((?:child|staff):[^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const truth = t.sandbox.truth(center2);
  const marks: number[] = [];
  for (const s of subjects.slice(1)) {
    const [kind, sid] = s.split(/:(.*)/s);
    const r = await post(cookie, `/centers/${center2}/drills/${id}/mark`, {
      _csrf: csrfToken,
      subjectKind: kind!,
      subjectId: sid!,
    });
    marks.push(r.status);
  }
  const absent = t.sandbox.world.centers[1]!.children.find(
    (ch) => !truth.children.some((p) => p.childId === ch.id),
  )!.id;
  marks.push(
    (
      await post(cookie, `/centers/${center2}/drills/${id}/mark`, {
        _csrf: csrfToken,
        subjectKind: "pick",
        subjectId: `child:${absent}`,
      })
    ).status,
  );
  const noCsrf = await post(cookie, `/centers/${center2}/drills/${id}/end`, {});
  const end = await post(cookie, `/centers/${center2}/drills/${id}/end`, { _csrf: csrfToken });
  webDrill = {
    id,
    expected: truth.children.length + truth.staff.length,
    subjects,
    absent,
    endLocation: end.headers.get("location"),
    statuses: { start: start.status, marks, noCsrf: noCsrf.status, end: end.status },
  };
}

beforeAll(async () => {
  const dir = existsSync("/dev/shm")
    ? mkdtempSync(join("/dev/shm", "centerline-report2-"))
    : undefined;
  t = await startTestService(dir ? { databasePath: join(dir, "centerline.db") } : {});
  center = t.sandbox.world.centers.find((c) => c.id === CENTER)!;
  const subsidized = new Set(
    (sandboxSubsidyAuthorizations(t.sandbox.world).get(CENTER) ?? []).map((a) => a.childId),
  );
  for (let day = 0; day < 5; day++) {
    const date = t.sandbox.plan.date;
    days.push(date);
    events.push(...t.sandbox.plan.events.filter((e) => e.centerId === CENTER));
    if (day === 1) {
      // A subsidized child with one plain check-in and check-out today loses its check-out.
      const mine = t.sandbox.plan.events.filter((e) => e.centerId === CENTER);
      const once = [...subsidized].find(
        (c) =>
          mine.filter((e) => e.kind === "child.checked_in" && e.childId === c).length === 1 &&
          mine.some((e) => e.kind === "child.checked_out" && e.childId === c),
      )!;
      dropped = mine.find((e) => e.kind === "child.checked_out" && e.childId === once);
      t.sandbox.dropWebhooks((d) => d.event.id === dropped!.id);
    }
    const marks = [at(date, "11:45"), at(date, "15:10")];
    const times = [
      ...new Set([...t.sandbox.plan.events.map((e) => e.at), ...marks.map((m) => m.toISOString())]),
    ].sort();
    for (const time of times) {
      if (day === 0 && time > at(date, "10:30").toISOString() && !drillA) await runDrills(date);
      if (day === 0 && time > at(date, "15:30").toISOString() && !drillB)
        await runSecondDrill(date);
      if (day === 4 && time > at(date, "10:00").toISOString() && !webDrill) await runWebDrill();
      await advance(new Date(time));
      if (time === marks[0]!.toISOString())
        lunch.set(
          date,
          t.sandbox.truth(CENTER).children.map((c) => c.childId),
        );
      if (time === marks[1]!.toISOString())
        snack.set(
          date,
          t.sandbox.truth(CENTER).children.map((c) => c.childId),
        );
    }
    const rest = day < 4 ? t.sandbox.nextDay() : t.sandbox.playDay();
    for (const d of rest) expect((await t.post(d)).status).toBe(200);
    t.settle();
    t.service.evaluateNow();
  }

  const proposed = days.flatMap((d) => proposeMeals(d));
  const pending = proposed.filter((_, i) => i % 17 === 3);
  const rejected = proposed[5]!;
  for (const p of [...pending, rejected]) uncounted.add(p.key);
  const reject = await api(`/api/approvals/${rejected.id}/decision`, {
    contentHash: rejected.contentHash,
    action: "reject",
    reason: "wrong child",
  });
  expect(reject.status).toBe(200);
  const approve = proposed.filter((p) => !uncounted.has(p.key));
  for (let i = 0; i < approve.length; i += 100) {
    const res = await api<{ results: { ok: boolean }[] }>("/api/approvals/bulk-approve", {
      items: approve
        .slice(i, i + 100)
        .map((p) => ({ approvalId: p.id, contentHash: p.contentHash })),
    });
    expect(res.body.results.every((r) => r.ok)).toBe(true);
  }
  mkdirSync(OUT, { recursive: true });
}, 600_000);
afterAll(() => t?.stop());

function renderPng(name: string, bytes: Uint8Array) {
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, bytes);
  if (!existsSync("/usr/bin/pdftoppm")) {
    if (process.env.CI)
      throw new Error("pdftoppm is required in CI (.ci/run installs poppler-utils)");
    return;
  }
  execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "60", file, join(OUT, name)]);
  expect(existsSync(join(OUT, `${name}-1.png`))).toBe(true);
}

async function download(path: string, type: string) {
  const res = await t.api(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(type);
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
  return res;
}

describe("subsidy claim for the month of a sandbox week", () => {
  const month = () => days[0]!.slice(0, 7);

  it("attended days and hours per authorization equal the scripted check-ins and check-outs", async () => {
    const { status, body } = await api<SubsidyReport>(
      `/api/centers/${CENTER}/reports/subsidy?month=${month()}`,
    );
    expect(status).toBe(200);
    const auths = sandboxSubsidyAuthorizations(t.sandbox.world).get(CENTER)!;
    expect(auths.length).toBeGreaterThan(5);
    expect(body.lines).toHaveLength(auths.length);
    const openDays = new Set(
      events.filter((e) => e.kind === "child.checked_in").map((e) => local(e.at).date),
    );
    expect(body.openDays).toEqual([...openDays].sort());
    let flaggedOver = 0;
    for (const a of auths) {
      const line = body.lines.find((l) => l.childId === a.childId && l.program === a.program)!;
      const mine = events.filter(
        (e) =>
          (e.kind === "child.checked_in" || e.kind === "child.checked_out") &&
          e.childId === a.childId,
      );
      // Each scripted day on its own: check-ins pair with the next check-out that day.
      let ms = 0;
      const attended = new Set<string>();
      let missing = 0;
      for (const date of days) {
        const today = mine.filter((e) => local(e.at).date === date);
        if (today.length === 0) continue;
        attended.add(date);
        if (today.some((e) => e.id === dropped!.id)) {
          missing++;
          continue;
        }
        for (let i = 0; i < today.length; i += 2) {
          expect(today[i]!.kind).toBe("child.checked_in");
          ms += Date.parse(today[i + 1]!.at) - Date.parse(today[i]!.at);
        }
      }
      const weekdays = new Set(
        center.children.find((c) => c.id === a.childId)!.schedule.map((d) => d.day),
      );
      const absent = [...openDays].filter((d) => weekdays.has(weekdayOf(d)) && !attended.has(d));
      const hours = Math.round(ms / 36_000) / 100;
      expect(line.attendedDays, a.childId).toBe(attended.size);
      expect(line.attendedMs, a.childId).toBe(ms);
      expect(line.attendedHours).toBe(hours);
      expect(line.missingCheckOuts).toBe(missing);
      expect(line.absentDays).toBe(absent.length);
      expect(line.flags.includes("missing_check_out")).toBe(missing > 0);
      expect(line.flags.includes("over_authorized_days")).toBe(attended.size > a.daysPerMonth);
      expect(line.flags.includes("over_authorized_hours")).toBe(hours > a.hoursPerMonth);
      expect(line.flags.includes("over_allowed_absences")).toBe(
        absent.length > a.absenceDaysPerMonth,
      );
      expect(line.claimableDays).toBe(
        Math.min(attended.size + Math.min(absent.length, a.absenceDaysPerMonth), a.daysPerMonth),
      );
      expect(line.ready).toBe(line.flags.length === 0);
      if (attended.size > a.daysPerMonth) flaggedOver++;
    }
    // The sandbox's part-time authorizations are exceeded within the week.
    expect(flaggedOver).toBeGreaterThan(0);
    expect(body.missingCheckOuts).toEqual([
      expect.objectContaining({
        childId: dropped && "childId" in dropped ? dropped.childId : "?",
        date: days[1],
        checkedOutAt: null,
      }),
    ]);
    expect(body.totals.lines).toBe(auths.length);
    expect(body.totals.ready + body.totals.flagged).toBe(auths.length);
  });

  it("exports a claim-ready CSV with the same lines and a PDF", async () => {
    const report = (
      await api<SubsidyReport>(`/api/centers/${CENTER}/reports/subsidy?month=${month()}`)
    ).body;
    const csv = await (
      await download(
        `/api/centers/${CENTER}/reports/subsidy?month=${month()}&format=csv`,
        "text/csv",
      )
    ).text();
    writeFileSync(join(OUT, `subsidy-claim-${CENTER}.csv`), csv);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "reference,program,child_id,child_name,period_from,period_to,authorized_days,authorized_hours,allowed_absence_days,attended_days,attended_hours,absent_days,claimable_days,claimable_hours,missing_check_outs,status,flags",
    );
    expect(lines).toHaveLength(report.lines.length + 1);
    expect(lines.filter((l) => l.includes(",review,")).length).toBe(report.totals.flagged);
    const pdf = await download(
      `/api/centers/${CENTER}/reports/subsidy?month=${month()}&format=pdf`,
      "application/pdf",
    );
    renderPng(`subsidy-claim-${CENTER}`, new Uint8Array(await pdf.arrayBuffer()));
  });

  it("imports authorizations as CSV or JSON, refusing bad rows whole and naming the field", async () => {
    const path = `/api/centers/CTR_002/subsidy/authorizations`;
    const child = t.sandbox.world.centers[1]!.children[0]!.id;
    const before = (
      await api<SubsidyReport>(`/api/centers/CTR_002/reports/subsidy?month=${month()}`)
    ).body.lines.length;
    const csv = [
      "childId,program,reference,startDate,endDate,hoursPerMonth,daysPerMonth,absenceDaysPerMonth",
      `${child},"Pre-K, state",PK-1,2026-09-01,2027-06-30,120,20,2`,
      `no_such_child,Pre-K,PK-2,2026-09-01,2027-06-30,120,20,2`,
    ].join("\r\n");
    const bad = await t.api(path, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: unknown } }).error.details).toEqual({
      field: "authorizations.1.childId",
    });
    const after = await api<SubsidyReport>(`/api/centers/CTR_002/reports/subsidy?month=${month()}`);
    expect(after.body.lines).toHaveLength(before);

    const backwards = await api(path, {
      authorizations: [
        {
          childId: child,
          program: "Pre-K",
          reference: "PK-1",
          startDate: "2027-01-01",
          endDate: "2026-01-01",
          hoursPerMonth: 1,
          daysPerMonth: 1,
          absenceDaysPerMonth: 0,
        },
      ],
    });
    expect(backwards.status).toBe(400);

    const good = await t.api(path, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv.split("\r\n").slice(0, 2).join("\r\n"),
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ imported: 1 });
    const claim = (
      await api<SubsidyReport>(`/api/centers/CTR_002/reports/subsidy?month=${month()}`)
    ).body;
    expect(claim.lines.map((l) => [l.childId, l.program, l.reference])).toEqual([
      [child, "Pre-K, state", "PK-1"],
    ]);
  });
});

describe("meal participation counts over the week", () => {
  it("counts per day and service equal the logged children, minus pending and rejected logs", async () => {
    const { status, body } = await api<MealReport>(
      `/api/centers/${CENTER}/reports/meals?from=${days[0]}&to=${days.at(-1)}`,
    );
    expect(status).toBe(200);
    // Monday to Friday: every day of the range, in order.
    expect(body.days.map((d) => d.date)).toEqual(days);
    let lunches = 0;
    let snacks = 0;
    for (const date of days) {
      const expectedLunch = (lunch.get(date) ?? []).filter(
        (c) => !uncounted.has(`${date}|11:45|${c}`),
      );
      const expectedSnack = (snack.get(date) ?? []).filter(
        (c) => !uncounted.has(`${date}|15:10|${c}`),
      );
      const day = body.days.find((d) => d.date === date)!;
      expect(day.counts.lunch, date).toBe(expectedLunch.length);
      expect(day.counts.pm_snack, date).toBe(expectedSnack.length);
      expect(day.counts.breakfast + day.counts.am_snack + day.counts.supper).toBe(0);
      expect(day.written.lunch).toBeLessThanOrEqual(day.counts.lunch);
      expect(
        body.meals
          .filter((m) => m.date === date && m.service === "lunch")
          .map((m) => m.childId)
          .sort(),
      ).toEqual([...expectedLunch].sort());
      lunches += expectedLunch.length;
      snacks += expectedSnack.length;
    }
    expect(lunches).toBeGreaterThan(100);
    expect(body.totals).toEqual({
      breakfast: 0,
      am_snack: 0,
      lunch: lunches,
      pm_snack: snacks,
      supper: 0,
    });
    expect(body.rooms.reduce((s, r) => s + r.counts.lunch, 0)).toBe(lunches);
    // A weekend in the range is listed with zero counts rather than left out.
    const weekend = await api<MealReport>(
      `/api/centers/${CENTER}/reports/meals?from=${days[0]}&to=2026-11-29`,
    );
    expect(weekend.body.days.at(-1)).toMatchObject({ date: "2026-11-29", counts: { lunch: 0 } });
  });

  it("exports CSV day lines that add up to the totals, and a PDF", async () => {
    const q = `from=${days[0]}&to=${days.at(-1)}`;
    const report = (await api<MealReport>(`/api/centers/${CENTER}/reports/meals?${q}`)).body;
    const csv = await (
      await download(`/api/centers/${CENTER}/reports/meals?${q}&format=csv`, "text/csv")
    ).text();
    writeFileSync(join(OUT, `meal-counts-${CENTER}.csv`), csv);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "section,date,service,count,written_to_platform,child_id,child_name,room,time,detail,approval_id",
    );
    const lunchFromCsv = lines
      .filter((l) => l.startsWith("day,") && l.split(",")[2] === "lunch")
      .reduce((s, l) => s + Number(l.split(",")[3]), 0);
    expect(lunchFromCsv).toBe(report.totals.lunch);
    expect(lines.filter((l) => l.startsWith("meal,"))).toHaveLength(report.meals.length);
    const pdf = await download(
      `/api/centers/${CENTER}/reports/meals?${q}&format=pdf`,
      "application/pdf",
    );
    renderPng(`meal-counts-${CENTER}`, new Uint8Array(await pdf.arrayBuffer()));
  });
});

describe("emergency drill reconciliation through HTTP", () => {
  it("reports who was missing, who was extra, and no time while anyone is missing", () => {
    expect(drillA.drill.state).toBe("ended");
    expect(drillA.totals.expectedChildren).toBe(drillTruth.children.length);
    expect(drillA.totals.expectedStaff).toBe(drillTruth.staff.length);
    expect(drillA.missing.map((p) => `${p.kind}:${p.id}`).sort()).toEqual(
      [...missingChildren.map((c) => `child:${c}`), `staff:${missingStaff}`].sort(),
    );
    expect(drillA.extra.map((p) => `${p.kind}:${p.id}`)).toEqual([`child:${extraChild}`]);
    expect(drillA.extra[0]!.name).not.toBe(extraChild);
    expect(drillA.totals.accounted).toBe(drillTruth.children.length + drillTruth.staff.length - 3);
    expect(drillA.timeToAccountMs).toBeNull();
    // Ten children at the start, the rest a minute in; the repeated tap kept its first time.
    expect(drillA.accounted.filter((a) => a.afterMs === 0)).toHaveLength(10);
    expect(Math.max(...drillA.accounted.map((a) => a.afterMs))).toBe(60_000);
  });

  it("times a drill where everyone is found to the last tap", () => {
    expect(drillB.missing).toEqual([]);
    expect(drillB.extra).toEqual([]);
    expect(drillB.timeToAccountMs).toBe(120_000);
  });

  it("audits the start and the end", () => {
    const db = t.service.ctx.db;
    const found = searchAudit(db, getCenter(db, CENTER)!, { action: "drill.", limit: 500 });
    if (!found.ok) throw found.error;
    const entries = found.value.entries;
    const subject = `drill:${drillA.drill.id}`;
    expect(
      entries
        .filter((e) => e.subject === subject)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["drill.ended", "drill.started"]);
    expect(
      entries.find((e) => e.action === "drill.ended" && e.subject === subject)?.data,
    ).toMatchObject({
      missing: 3,
      extra: 1,
    });
  });

  it("reports the day's drills as JSON, CSV and PDF", async () => {
    const q = `from=${days[0]}&to=${days[0]}`;
    const log = (await api<DrillLog>(`/api/centers/${CENTER}/reports/drills?${q}`)).body;
    expect(log.drills.map((d) => d.drill.id)).toEqual([drillA.drill.id, drillB.drill.id]);
    const csv = await (
      await download(`/api/centers/${CENTER}/reports/drills?${q}&format=csv`, "text/csv")
    ).text();
    writeFileSync(join(OUT, `drills-${CENTER}.csv`), csv);
    const rows = csv
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","));
    expect(rows.filter((r) => r[0] === String(drillA.drill.id) && r[2] === "missing")).toHaveLength(
      3,
    );
    expect(rows.filter((r) => r[0] === String(drillA.drill.id) && r[2] === "extra")).toHaveLength(
      1,
    );
    const pdf = await download(
      `/api/centers/${CENTER}/reports/drills?${q}&format=pdf`,
      "application/pdf",
    );
    renderPng(`drills-${CENTER}`, new Uint8Array(await pdf.arrayBuffer()));
  });
});

describe("the reports page and the drill page (signed in, form posts)", () => {
  it("shows the month's claim with its flags, the meal counts and the day's drills", async () => {
    const { cookie } = await session("director");
    const res = await page(
      cookie,
      `/centers/${CENTER}/reports?month=${days[0]!.slice(0, 7)}&from=${days[0]}&to=${days.at(-1)}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Fix before claiming");
    expect(html).toContain("days over authorization");
    expect(html).toContain(`data-drill-report="${drillA.drill.id}"`);
    expect(html).toContain('data-missing="3"');
    expect(html).toContain(
      `/api/centers/${CENTER}/reports/subsidy?month=${days[0]!.slice(0, 7)}&amp;format=pdf`,
    );
    const bad = await page(cookie, `/centers/${CENTER}/reports?month=2026-13`);
    expect(bad.status).toBe(400);
  });

  it("runs a drill with form posts: start, taps, someone extra, end", async () => {
    const w = webDrill!;
    expect(w.statuses.start).toBe(303);
    expect(w.subjects.length).toBe(w.expected);
    expect(w.subjects.length).toBeGreaterThan(20);
    expect(w.statuses.marks.every((s) => s === 303)).toBe(true);
    expect(w.statuses.noCsrf).toBe(403);
    expect(w.statuses.end).toBe(303);
    expect(w.endLocation).toMatch(
      /^\/centers\/CTR_002\/reports\?from=\d{4}-\d{2}-\d{2}&to=.*#drills$/,
    );
    const report = (
      await api<DrillLog>(`/api/centers/CTR_002/reports/drills?from=${days[4]}&to=${days[4]}`)
    ).body.drills.find((d) => d.drill.id === w.id)!;
    expect(report.missing.map((p) => `${p.kind}:${p.id}`)).toEqual([w.subjects[0]]);
    expect(report.extra.map((p) => p.id)).toEqual([w.absent]);
  });

  it("an auditor sees the drill page without a Start button and cannot start one", async () => {
    const { cookie, csrfToken } = await session("auditor");
    const html = await (await page(cookie, `/centers/${CENTER}/drills`)).text();
    expect(html).not.toContain("Start drill");
    const res = await post(cookie, `/centers/${CENTER}/drills/start`, { _csrf: csrfToken });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/msg=only/);
  });
});
