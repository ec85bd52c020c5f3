/**
 * At the door, through the real service on sandbox weeks: an unauthorized pick-up becomes a hold
 * that keeps the child present and pages the director; only a director releases it, with a
 * reason, audited; check-in exceptions and the day's exceptions report match totals computed here
 * from the sandbox's own script; the weekly patterns report names real records; PDFs render.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../src/domain/index.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../src/domain/time.js";
import type { ExceptionsReport, PatternsReport } from "../src/door/index.js";
import { applyEvents } from "../src/live/apply.js";
import { roomStates } from "../src/live/index.js";
import { authorizedPickups, type SandboxEvent } from "../src/sandbox/index.js";
import { listEvents } from "../src/storage/attendance.js";
import { queryAudit } from "../src/storage/audit.js";
import { inTransaction } from "../src/storage/db.js";
import { insertCustodyRestriction, listPickupHolds } from "../src/storage/door.js";
import { listOutbox } from "../src/storage/outbox.js";
import { getPresence } from "../src/storage/presence.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";
import { userWithToken } from "./support/users.js";
import { createWebHarness } from "./support/web.js";

const OUT = join(import.meta.dirname, "output", "door");
const DAYS = 5;
let t: TestService;
const played: SandboxEvent[] = [];
const dates: string[] = [];

beforeAll(async () => {
  const dir = existsSync("/dev/shm")
    ? mkdtempSync(join("/dev/shm", "centerline-door-"))
    : undefined;
  t = await startTestService(dir ? { databasePath: join(dir, "centerline.db") } : {});
  for (let day = 0; day < DAYS; day++) {
    dates.push(t.sandbox.plan.date);
    played.push(...t.sandbox.plan.events);
    const deliveries = day < DAYS - 1 ? t.sandbox.nextDay() : t.sandbox.playDay();
    for (const d of deliveries) expect((await t.post(d)).status).toBe(200);
    t.settle();
  }
  mkdirSync(OUT, { recursive: true });
}, 600_000);
afterAll(() => t?.stop());

const db = () => t.service.ctx.db;
const world = () => t.sandbox.world;
const centerOf = (id: string) => world().centers.find((c) => c.id === id)!;

function render(name: string, bytes: Uint8Array) {
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, bytes);
  if (!existsSync("/usr/bin/pdftoppm")) {
    if (process.env.CI) throw new Error("pdftoppm is required in CI");
    return;
  }
  execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "60", file, join(OUT, name)]);
  expect(existsSync(join(OUT, `${name}-1.png`))).toBe(true);
}

describe("pick-up holds on the sandbox week", () => {
  it("each scripted unauthorized pick-up is exactly one hold; no authorized check-out is held", () => {
    for (const center of world().centers) {
      const attempts = played.filter(
        (e) => e.centerId === center.id && e.kind === "child.pickup_attempted",
      );
      // Computed here from the world: check-outs by someone not on the child's list.
      const wrongOuts = played.filter((e) => {
        if (e.centerId !== center.id || e.kind !== "child.checked_out") return false;
        const child = center.children.find((c) => c.id === e.childId)!;
        return !authorizedPickups(world(), child).some((p) => p.name === e.pickedUpBy);
      });
      const holds = listPickupHolds(db(), center.id);
      expect(holds).toHaveLength(attempts.length + wrongOuts.length);
      expect(attempts.length).toBe(DAYS);
      for (const a of attempts) {
        if (a.kind !== "child.pickup_attempted") continue;
        const hold = holds.find((h) => h.personName === a.personName && h.childId === a.childId);
        expect(hold).toMatchObject({ state: "open", decision: "not_authorized" });
        const sends = listOutbox(db()).filter((o) =>
          o.idempotencyKey.startsWith(`pickup-hold:${hold!.id}:`),
        );
        // The center's critical alert policy (in-app, Slack, SMS) plus the director's task.
        expect(new Set(sends.map((s) => s.channel))).toEqual(
          new Set(["in_app", "slack", "sms", "task"]),
        );
        expect(sends.find((s) => s.channel === "sms")!.payload.body).toContain("CRITICAL");
      }
    }
  });
});

describe("an unauthorized check-out", () => {
  const centerId = "center_001";
  let seq = 0;
  function checkOut(childId: string, who: string | null, at: string) {
    const center = centerOf(centerId);
    const event: DomainEvent = {
      type: "child.checked_out",
      centerId,
      occurredAt: at,
      childId,
      pickedUpBy: who,
    };
    return inTransaction(db(), (tx) =>
      applyEvents(
        tx,
        { source: "webhook", provider: center.provider, sourceEventId: `door-test-${seq++}` },
        [event],
        new Date().toISOString(),
      ),
    );
  }
  function checkIn(childId: string, roomId: string, at: string) {
    const center = centerOf(centerId);
    const event: DomainEvent = {
      type: "child.checked_in",
      centerId,
      occurredAt: at,
      childId,
      roomId,
    };
    inTransaction(db(), (tx) =>
      applyEvents(
        tx,
        { source: "webhook", provider: center.provider, sourceEventId: `door-test-${seq++}` },
        [event],
        new Date().toISOString(),
      ),
    );
  }
  const later = (minutes: number) =>
    new Date(Date.parse(`${addDays(dates.at(-1)!, 1)}T15:00:00Z`) + minutes * 60_000).toISOString();
  const present = (childId: string) => getPresence(db(), centerId, "child", childId)?.present;
  const children = () => centerOf(centerId).children;

  it("by an authorized person: no hold, the child leaves", () => {
    const child = children()[0]!;
    checkIn(child.id, child.homeRoomId, later(0));
    const before = listPickupHolds(db(), centerId).length;
    checkOut(child.id, authorizedPickups(world(), child)[0]!.name, later(5));
    expect(listPickupHolds(db(), centerId)).toHaveLength(before);
    expect(present(child.id)).toBe(false);
  });

  it("by someone not on the list: a hold, a critical page, and the child still counted", () => {
    const child = children()[1]!;
    checkIn(child.id, child.homeRoomId, later(10));
    const { outbox } = checkOut(child.id, "Zed Nobody", later(15));
    const hold = listPickupHolds(db(), centerId).find((h) => h.personName === "Zed Nobody")!;
    expect(hold).toMatchObject({ state: "open", decision: "not_authorized", childId: child.id });
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    expect(present(child.id)).toBe(true);
    const room = roomStates(db(), centerId).find((r) => r.id === child.homeRoomId)!;
    expect(room.children.map((c) => c.id)).toContain(child.id);
    // The platform's snapshot saying "out" does not undo the hold either.
    const center = centerOf(centerId);
    inTransaction(db(), (tx) =>
      applyEvents(
        tx,
        { source: "reconcile", provider: center.provider, sourceEventId: `door-test-${seq++}` },
        [
          {
            type: "child.checked_out",
            centerId,
            occurredAt: later(16),
            childId: child.id,
            pickedUpBy: null,
          },
        ],
        new Date().toISOString(),
      ),
    );
    expect(present(child.id)).toBe(true);
  });

  it("a custody restriction wins over the authorized list", () => {
    const child = children()[2]!;
    const guardian = authorizedPickups(world(), child)[0]!.name;
    insertCustodyRestriction(db(), {
      centerId,
      childId: child.id,
      name: guardian,
      kind: "court_order",
      note: "order of 2026-10-01",
      createdAt: new Date().toISOString(),
    });
    checkIn(child.id, child.homeRoomId, later(20));
    checkOut(child.id, guardian, later(25));
    const hold = listPickupHolds(db(), centerId).find((h) => h.childId === child.id)!;
    expect(hold.decision).toBe("restricted");
    expect(present(child.id)).toBe(true);
  });

  it("a restriction a director adds over the API holds that person's check-out, audited", async () => {
    const child = children()[5]!;
    const guardian = authorizedPickups(world(), child)[0]!.name;
    const url = `/api/centers/${centerId}/children/${child.id}/custody-restrictions`;
    const body = JSON.stringify({ name: guardian, kind: "no_contact", note: "per the order" });
    const post = (u: { api: (p: string, i?: RequestInit) => Promise<Response> }) =>
      u.api(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const lead = await userWithToken(t, {
      email: "lead-custody@door.test",
      role: "lead_teacher",
      centerId,
      roomIds: [child.homeRoomId!],
    });
    expect((await post(lead)).status).toBe(403);
    const director = await userWithToken(t, {
      email: "dir-custody@door.test",
      role: "director",
      centerId,
    });
    const added = await post(director);
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: number };
    const audit = queryAudit(
      db(),
      { centerId, actionPrefix: "custody_restriction." },
      { limit: 10 },
    ).entries.filter((r) => r.subject === `child:${child.id}`);
    expect(audit.map((r) => (r.data as { restrictionId: number }).restrictionId)).toEqual([id]);

    checkIn(child.id, child.homeRoomId!, later(40));
    checkOut(child.id, guardian, later(45));
    const hold = listPickupHolds(db(), centerId).find((h) => h.childId === child.id)!;
    expect(hold.decision).toBe("restricted");
    expect(present(child.id)).toBe(true);
  });

  it("a check-in before opening, on an unscheduled day, into another room: exactly those three", async () => {
    const child = children()[3]!;
    const other = centerOf(centerId).rooms.find((r) => r.id !== child.homeRoomId)!;
    // Sunday 2026-11-29 05:50 in Los Angeles: 40 minutes before the 06:30 opening.
    checkIn(child.id, other.id, "2026-11-29T13:50:00.000Z");
    const res = await t.api(`/api/centers/${centerId}/reports/exceptions?date=2026-11-29`);
    const report = (await res.json()) as ExceptionsReport;
    const mine = report.items.filter((i) => i.childId === child.id);
    expect(mine.map((i) => i.kind).sort()).toEqual([
      "early_arrival",
      "room_mismatch",
      "unexpected_time",
    ]);
    expect(mine.find((i) => i.kind === "early_arrival")!.reason).toContain("40 min before");
    const target = mine.find((i) => i.kind === "room_mismatch")!;
    const resolved = await t.api(
      `/api/centers/${centerId}/checkin-exceptions/${target.id}/resolve`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ resolution: "Moved to the home room at 06:35" }),
      },
    );
    expect(resolved.status).toBe(200);
    const after = (await (
      await t.api(`/api/centers/${centerId}/reports/exceptions?date=2026-11-29`)
    ).json()) as ExceptionsReport;
    expect(after.items.find((i) => i.ref === target.ref)).toMatchObject({
      state: "resolved",
      resolution: "Moved to the home room at 06:35",
      resolvedBy: expect.any(String),
    });
    expect(after.totals.resolved).toBe(1);
  });

  it("a generated month with four late pick-ups is a chronic pattern naming exactly those records", async () => {
    const center = centerOf(centerId);
    const child = children()[4]!;
    const days: string[] = [];
    for (let d = "2026-10-01"; d <= "2026-10-28"; d = addDays(d, 1)) {
      if (child.schedule.some((s) => s.day === weekdayOf(d))) days.push(d);
    }
    // Scheduled days of October up to the 28th; four of the last seven are late.
    const lastWeeks = days.slice(-7);
    const late = new Set([lastWeeks[0]!, lastWeeks[2]!, lastWeeks[4]!, lastWeeks[6]!]);
    const expectedRefs: string[] = [];
    for (const d of days) {
      const s = child.schedule.find((x) => x.day === weekdayOf(d))!;
      const arrive = zonedDateTimeToInstant(d, s.arrive, center.timeZone).toISOString();
      const depart = new Date(
        zonedDateTimeToInstant(d, s.depart, center.timeZone).getTime() +
          (late.has(d) ? 25 : 0) * 60_000,
      ).toISOString();
      const inRef = `${center.provider}:door-test-${seq}:0`;
      checkIn(child.id, child.homeRoomId, arrive);
      const outRef = `${center.provider}:door-test-${seq}:0`;
      checkOut(child.id, authorizedPickups(world(), child)[0]!.name, depart);
      if (late.has(d)) expectedRefs.push(inRef, outRef);
    }
    const report = (await (
      await t.api(`/api/centers/${centerId}/reports/patterns?period=week&date=${days.at(-1)}`)
    ).json()) as PatternsReport;
    const mine = report.findings.filter((f) => f.childId === child.id);
    expect(mine.map((f) => f.kind)).toEqual(["chronic_late_pickup"]);
    expect(mine[0]!.dates).toEqual([...late].sort());
    expect(mine[0]!.recordIds).toEqual(expectedRefs);
    expect(mine[0]!.metrics.count).toBe(4);
  });

  it("only a director releases, with a reason; the release is recorded and audited", async () => {
    const child = children()[1]!;
    const hold = listPickupHolds(db(), centerId).find((h) => h.personName === "Zed Nobody")!;
    const path = `/api/centers/${centerId}/pickup-holds/${hold.id}/release`;
    const body = (b: unknown): RequestInit => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(b),
    });
    const room = centerOf(centerId).rooms.find((r) => r.id === child.homeRoomId)!;
    for (const role of ["assistant_director", "lead_teacher"] as const) {
      const u = await userWithToken(t, {
        email: `${role}@door.test`,
        role,
        centerId,
        roomIds: role === "lead_teacher" ? [room.id] : [],
      });
      const res = await u.api(path, body({ outcome: "handed_over", reason: "known to me" }));
      expect(res.status).toBe(403);
    }
    const director = await userWithToken(t, { email: "dir@door.test", role: "director", centerId });
    expect((await director.api(path, body({ outcome: "handed_over", reason: " " }))).status).toBe(
      400,
    );
    expect(present(child.id)).toBe(true);
    const res = await director.api(
      path,
      body({ outcome: "handed_over", reason: "Mother confirmed by phone; ID checked" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      state: "released",
      outcome: "handed_over",
      releasedByName: "dir@door.test",
      releaseReason: "Mother confirmed by phone; ID checked",
    });
    expect(present(child.id)).toBe(false);
    expect(
      (await director.api(path, body({ outcome: "handed_over", reason: "again" }))).status,
    ).toBe(409);
    const audit = await t.api(`/api/centers/${centerId}/audit?subject=pickup_hold:${hold.id}`);
    const text = await audit.text();
    expect(text).toContain("pickup_hold.released");
    expect(text).toContain("pickup_hold.opened");
  });
});

describe("check-in exceptions and the day's exceptions report", () => {
  it("early and off-schedule arrivals match what the script does, and each has a state", async () => {
    for (const center of world().centers) {
      for (const date of dates) {
        // Independent count: the first check-in of each child that local day, against opensAt
        // and the child's schedule (±60 min, or not scheduled that weekday).
        const first = new Map<string, string>();
        for (const e of played) {
          if (e.centerId !== center.id || e.kind !== "child.checked_in") continue;
          const z = instantToZoned(new Date(e.at), center.timeZone);
          if (z.date !== date || first.has(e.childId)) continue;
          first.set(e.childId, z.time);
        }
        const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
        let early = 0;
        let offSchedule = 0;
        for (const [childId, time] of first) {
          if (m(time) < m(center.opensAt)) early++;
          const child = center.children.find((c) => c.id === childId)!;
          const day = child.schedule.find((s) => s.day === weekdayOf(date));
          if (!day || Math.abs(m(time) - m(day.arrive)) > 60) offSchedule++;
        }
        const res = await t.api(`/api/centers/${center.id}/reports/exceptions?date=${date}`);
        expect(res.status).toBe(200);
        const report = (await res.json()) as ExceptionsReport;
        expect(report.totals.byKind.early_arrival ?? 0).toBe(early);
        expect(report.totals.byKind.unexpected_time ?? 0).toBe(offSchedule);
        expect(report.totals.total).toBe(report.items.length);
        expect(report.totals.open + report.totals.resolved).toBe(report.totals.total);
        for (const i of report.items) expect(["open", "resolved"]).toContain(i.state);
      }
    }
  });

  it("resolving an exception records who; the CSV and PDF carry the same items", async () => {
    const center = world().centers[0]!;
    const date = dates[0]!;
    const before = (await (
      await t.api(`/api/centers/${center.id}/reports/exceptions?date=${date}`)
    ).json()) as ExceptionsReport;
    const target = before.items.find((i) => i.type === "checkin_exception");
    if (target) {
      const res = await t.api(`/api/centers/${center.id}/checkin-exceptions/${target.id}/resolve`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ resolution: "Parent's shift changed; schedule updated" }),
      });
      expect(res.status).toBe(200);
    }
    const after = (await (
      await t.api(`/api/centers/${center.id}/reports/exceptions?date=${date}`)
    ).json()) as ExceptionsReport;
    if (target) {
      expect(after.items.find((i) => i.ref === target.ref)).toMatchObject({
        state: "resolved",
        resolution: "Parent's shift changed; schedule updated",
      });
      expect(after.totals.resolved).toBe(before.totals.resolved + 1);
    }
    const csv = await (
      await t.api(`/api/centers/${center.id}/reports/exceptions?date=${date}&format=csv`)
    ).text();
    expect(csv.trim().split("\n").length).toBeGreaterThanOrEqual(after.items.length + 1);
    const pdf = await t.api(`/api/centers/${center.id}/reports/exceptions?date=${date}&format=pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    render(`exceptions-${center.id}-${date}`, new Uint8Array(await pdf.arrayBuffer()));
  });
});

describe("attendance patterns over the week", () => {
  it("the weekly report's unexplained absences equal the scheduled days without a check-in", async () => {
    for (const center of world().centers) {
      const last = dates.at(-1)!;
      const res = await t.api(
        `/api/centers/${center.id}/reports/patterns?period=week&date=${last}`,
      );
      expect(res.status).toBe(200);
      const report = (await res.json()) as PatternsReport;
      let expected = 0;
      for (const date of dates) {
        const arrived = new Set(
          played
            .filter(
              (e) =>
                e.centerId === center.id &&
                e.kind === "child.checked_in" &&
                instantToZoned(new Date(e.at), center.timeZone).date === date,
            )
            .map((e) => (e.kind === "child.checked_in" ? e.childId : "")),
        );
        for (const child of center.children) {
          if (child.schedule.some((s) => s.day === weekdayOf(date)) && !arrived.has(child.id)) {
            expected++;
          }
        }
      }
      expect(report.totals.byKind.unexplained_absence ?? 0).toBe(expected);
      const known = new Set(
        listEvents(db(), center.id, "2000-01-01", "2100-01-01").map(
          (e) => `${e.provider}:${e.sourceEventId}:${e.seq}`,
        ),
      );
      for (const f of report.findings) {
        expect(f.dates.length).toBeGreaterThan(0);
        for (const r of f.recordIds) expect(known.has(r)).toBe(true);
      }
    }
  });

  it("the daily digest and both formats render", async () => {
    const center = world().centers[1]!;
    const date = dates.at(-1)!;
    const day = (await (
      await t.api(`/api/centers/${center.id}/reports/patterns?period=day&date=${date}`)
    ).json()) as PatternsReport;
    expect(day.from).toBe(date);
    for (const f of day.findings) expect(f.dates).toContain(date);
    const csv = await (
      await t.api(`/api/centers/${center.id}/reports/patterns?period=week&date=${date}&format=csv`)
    ).text();
    expect(csv.split("\n")[0]).toContain("kind,child");
    const pdf = await t.api(
      `/api/centers/${center.id}/reports/patterns?period=week&date=${date}&format=pdf`,
    );
    render(`patterns-week-${center.id}-${date}`, new Uint8Array(await pdf.arrayBuffer()));
  });

  it("starts on the sandbox's first day", () => {
    expect(dates[0]).toBe(SANDBOX_DATE);
  });
});

describe("the door and patterns pages", () => {
  it("a lead sees the hold without a form; a director releases it through the form", async () => {
    const web = createWebHarness(t);
    const centerId = world().centers[0]!.id;
    const hold = listPickupHolds(db(), centerId).find(
      (h) => h.state === "open" && h.eventType === "child.pickup_attempted",
    )!;
    const action = `/centers/${centerId}/door/holds/${hold.id}/release`;
    const asLead = await (await web.get(`/centers/${centerId}/door`, "lead_teacher")).text();
    expect(asLead).toContain(`data-hold="${hold.id}"`);
    expect(asLead).toContain("Only a director may release this hold.");
    expect(asLead).not.toContain(`action="${action}"`);
    const asDirector = await (await web.get(`/centers/${centerId}/door`, "director")).text();
    expect(asDirector).toContain(`action="${action}"`);
    expect(asDirector).toContain('name="_csrf"');

    const refused = await web.post(
      action,
      { outcome: "not_handed_over", reason: "x" },
      "lead_teacher",
    );
    expect(refused.headers.get("location")).toContain("done=forbidden");
    const noReason = await web.post(action, { outcome: "not_handed_over", reason: "" }, "director");
    expect(noReason.headers.get("location")).toContain("done=reason");
    expect(listPickupHolds(db(), centerId).find((h) => h.id === hold.id)!.state).toBe("open");
    const ok = await web.post(
      action,
      { outcome: "not_handed_over", reason: "Turned away; guardian collected later" },
      "director",
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toContain("done=released");
    expect(listPickupHolds(db(), centerId).find((h) => h.id === hold.id)).toMatchObject({
      state: "released",
      outcome: "not_handed_over",
      releasedByName: web.user("director").name,
    });
    const patterns = await web.get(
      `/centers/${centerId}/patterns?period=week&date=${dates.at(-1)}`,
      "lead_teacher",
    );
    expect(patterns.status).toBe(200);
    expect(await patterns.text()).toContain("Weekly attendance report");
  });
});
