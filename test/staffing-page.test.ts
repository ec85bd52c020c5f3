/**
 * The staffing plan page over HTTP, signed in as the sandbox's users: the chart and its table show
 * exactly the slots the JSON route plans as under-staffed; a director's Propose makes one pending
 * approval per suggestion however often it is pressed (audited, sent nowhere); a lead teacher gets
 * no button and a forged post is refused; another center's user gets a 404. Then against the day as
 * it happens: the closed weekend is named and hidden, a room out of ratio this morning shows
 * under-staffed in those slots, and the infant room's third teacher is break cover, not spare.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAudit } from "../src/audit/index.js";
import { zonedDateTimeToInstant } from "../src/domain/time.js";
import type { staff as staffRules } from "../src/rules/index.js";
import { listApprovals } from "../src/storage/approvals.js";
import { listViolations } from "../src/storage/ratio.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";
import { createWebHarness, type WebHarness } from "./support/web.js";

let t: TestService;
let web: WebHarness;
let centerId: string;
let room: string;
let plan: staffRules.StaffingPlan;

/** The room and day with the most suggestions in the sandbox week: the shifts stored are the
 * sandbox day's, so that day is the one with staff to judge. */
beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  centerId = t.sandbox.world.centers[0]!.id;
  const res = await t.api(`/api/centers/${centerId}/staffing?date=${SANDBOX_DATE}`);
  const body = (await res.json()) as { rooms: staffRules.StaffingPlan[] };
  const onDay = (p: staffRules.StaffingPlan) =>
    p.suggestions.filter((s) => s.date === SANDBOX_DATE).length;
  plan = [...body.rooms].sort((a, b) => onDay(b) - onDay(a))[0]!;
  room = plan.roomId;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const pagePath = () => `/centers/${centerId}/staffing?room=${room}&date=${SANDBOX_DATE}`;
const postPath = () => `/centers/${centerId}/staffing/proposals`;
const page = async (role: Parameters<WebHarness["get"]>[1]) => {
  const res = await web.get(pagePath(), role);
  return { status: res.status, text: await res.text() };
};
const planned = () =>
  listApprovals(t.service.ctx.db, { centerIds: [centerId] }).filter((a) =>
    a.dedupeKey.startsWith("staffing-plan:"),
  );
const suggestionIds = (html: string) =>
  [...html.matchAll(/data-suggestion="([^"]+)"/g)].map((m) => m[1]!);
const daySlots = () => plan.slots.filter((s) => s.date === SANDBOX_DATE);

describe("the staffing plan page", () => {
  it("draws one chart element per slot, hatching exactly the slots the JSON route plans under-staffed", async () => {
    const { status, text } = await page("auditor");
    expect(status).toBe(200);
    const svg = text.slice(text.indexOf("<svg"), text.indexOf("</svg>"));
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="chart-title-[^"]+">[^<]+<\/title><desc/);
    const groups = [
      ...svg.matchAll(/<g data-slot="(\d+)" data-start="([^"]+)" data-status="(\w+)">(.*?)<\/g>/g),
    ].map((m) => ({ start: m[2]!, status: m[3]!, inner: m[4]! }));
    expect(groups.map((g) => g.start)).toEqual(daySlots().map((s) => s.start));
    const under = daySlots().filter((s) => s.status === "under");
    expect(under.length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.status === "under").map((g) => g.start)).toEqual(
      under.map((s) => s.start),
    );
    for (const g of groups) {
      expect(g.inner.includes("url(#under-hatch)"), g.start).toBe(g.status === "under");
      expect(g.inner.includes("url(#over-dots)"), g.start).toBe(g.status === "over");
    }
    expect(svg).toContain('data-line="required"');
    expect(svg).toContain('data-line="scheduled"');
    // The day runs over the center's stored hours (the sandbox seeds 06:30–18:00), with the hours
    // along the bottom in its local time: 07 to 17.
    expect(groups[0]?.start).toBe("06:30");
    expect(groups.at(-1)?.start).toBe("17:45");
    expect(svg).toMatch(/>07<\/text>/);
    expect(svg).toMatch(/>17<\/text>/);
    expect(svg).not.toMatch(/>18<\/text>/);
  });

  it("lists the same under-staffed slots in the table beneath, with the route's numbers", async () => {
    const { text } = await page("auditor");
    const rows = [
      ...text.matchAll(
        /<tr data-risk-slot="([^"]+)" data-status="under"><th scope="row">[^<]+<\/th><td>[^<]+<\/td><td>([^<]+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g,
      ),
    ].map((m) => ({
      start: m[1]!,
      expected: Number(m[2]!.split(" ")[0]),
      required: Number(m[3]),
      scheduled: Number(m[4]),
    }));
    expect(rows).toEqual(
      daySlots()
        .filter((s) => s.status === "under")
        .map((s) => ({
          start: s.start,
          expected: s.expected,
          required: s.requiredStaff,
          scheduled: s.countedStaff,
        })),
    );
  });

  it("gives a lead teacher and an auditor no Propose button, and refuses a lead teacher's forged post", async () => {
    for (const role of ["lead_teacher", "auditor"] as const) {
      const { text } = await page(role);
      expect(suggestionIds(text).length, role).toBeGreaterThan(0);
      expect(text, role).not.toContain(">Propose</button>");
      expect(text, role).toContain("A director or assistant director may propose this.");
    }
    const [id] = suggestionIds((await page("lead_teacher")).text);
    const forged = await web.post(
      postPath(),
      { room, date: SANDBOX_DATE, suggestion: id! },
      "lead_teacher",
    );
    expect(forged.status).toBe(403);
    expect(planned()).toEqual([]);
  });

  it("proposes each suggestion once, however often a director presses Propose, and sends nothing", async () => {
    const before = await page("director");
    const ids = suggestionIds(before.text);
    expect(ids.length).toBe(plan.suggestions.filter((s) => s.date === SANDBOX_DATE).length);
    expect(before.text.match(/>Propose<\/button>/g)?.length).toBe(ids.length);
    for (const suggestion of ids) {
      for (const expected of ["proposed", "exists"]) {
        const res = await web.post(
          postPath(),
          { room, date: SANDBOX_DATE, day: SANDBOX_DATE, suggestion },
          "director",
        );
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toContain(`done=${expected}`);
      }
    }
    const rows = planned();
    expect(rows).toHaveLength(ids.length);
    // The sandbox day has a break to move (a task) and a floater someone can be spared for.
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["staff_reassignment", "task"]));
    for (const row of rows) {
      expect(row).toMatchObject({ state: "pending", roomId: room, outboxId: null });
      expect(["staff_reassignment", "task"]).toContain(row.kind);
      const call = row.platformCall as { op: string; roomId?: string; assignedTo?: string };
      if (row.kind === "staff_reassignment") {
        expect(call).toMatchObject({ op: "staff.assign", roomId: room });
      } else {
        expect(call).toMatchObject({ op: "task.create", assignedTo: "director" });
      }
      const audit = searchAudit(t.service.ctx.db, t.sandbox.world.centers[0]!, {
        action: "approval.proposed",
        q: `approval:${row.id}`,
      });
      expect(audit.ok && audit.value.entries.map((e) => e.actor)).toEqual([
        expect.stringMatching(/^user:/),
      ]);
    }

    const after = await page("director");
    expect(after.text).not.toContain(">Propose</button>");
    for (const row of rows) {
      const link = `/centers/${centerId}/approvals/${row.id}`;
      expect(after.text).toContain(`Proposed — <a href="${link}">`);
      expect((await web.get(link, "director")).status).toBe(200);
    }
  });

  it("sends a post naming no suggestion in the plan back with nothing proposed", async () => {
    const count = planned().length;
    const gone = await web.post(
      postPath(),
      { room, date: SANDBOX_DATE, suggestion: `${SANDBOX_DATE}.floater.03:00-04:00` },
      "director",
    );
    expect(gone.headers.get("location")).toContain("done=gone");
    const bad = await web.post(postPath(), { room, date: "soon", suggestion: "x" }, "director");
    expect(bad.headers.get("location")).toContain("done=bad");
    expect(planned()).toHaveLength(count);
  });

  it("names a bad date, and 404s another center's page and post", async () => {
    const bad = await web.get(`/centers/${centerId}/staffing?date=soon`, "director");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("date: &quot;soon&quot; is not a date");
    const other = t.sandbox.world.centers[1]!.id;
    expect((await web.get(`/centers/${other}/staffing`, "assistant_director")).status).toBe(404);
    const post = await web.post(
      `/centers/${other}/staffing/proposals`,
      { room, date: SANDBOX_DATE, suggestion: "x" },
      "assistant_director",
    );
    expect(post.status).toBe(404);
  });
});

describe("the staffing plan against what happened today", () => {
  const planOf = async (roomId: string) => {
    const res = await t.api(
      `/api/centers/${centerId}/staffing?date=${SANDBOX_DATE}&room=${roomId}`,
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { rooms: staffRules.StaffingPlan[] }).rooms[0]!;
  };

  it("names the closed weekend from what is stored and draws no tab for it", async () => {
    const p = await planOf(room);
    const closed = p.days.filter((d) => !d.open).map((d) => d.date);
    expect(closed).toEqual(["2026-11-28", "2026-11-29"]);
    expect(p.slots.some((s) => closed.includes(s.date))).toBe(false);
    const { text } = await page("director");
    expect(text).toContain(
      "Sat 2026-11-28: closed — no staff scheduled and no attendance on the last 4 Saturdays",
    );
    expect(text).toContain(
      "Staff are scheduled at the center from 06:30 to 18:30 (22 shifts scheduled).",
    );
    expect(text).not.toContain("day=2026-11-28");
    expect(text).toContain("day=2026-11-27");
  });

  it("shows each room out of ratio this morning as under-staffed in the slots it was", async () => {
    const until = Date.parse(`${SANDBOX_DATE}T17:00:00Z`); // 09:00 in Los Angeles
    for (let at = Date.parse(t.sandbox.plan.startsAt); at <= until; at += 60_000) {
      for (const d of t.sandbox.advanceTo(new Date(at))) expect((await t.post(d)).status).toBe(200);
      t.settle();
    }
    const center = t.sandbox.world.centers[0]!;
    const violations = listViolations(t.service.ctx.db, centerId);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      const p = await planOf(v.roomId);
      const from = Date.parse(v.startedAt);
      const to = Date.parse(v.endedAt ?? t.sandbox.now().toISOString());
      const slotAt = (time: string) => zonedDateTimeToInstant(SANDBOX_DATE, time, center.timeZone);
      const during = p.slots.filter(
        (s) =>
          s.date === SANDBOX_DATE &&
          slotAt(s.start).getTime() < to &&
          slotAt(s.end).getTime() > from,
      );
      expect(during.length, v.roomId).toBeGreaterThan(0);
      for (const s of during) {
        expect(s, `${v.roomId} ${s.start}`).toMatchObject({
          status: "under",
          observed: "recorded",
        });
        expect(s.reasons[0]).toMatch(/^Recorded today: out of ratio/);
      }
      const res = await web.get(
        `/centers/${centerId}/staffing?room=${v.roomId}&date=${SANDBOX_DATE}`,
        "auditor",
      );
      const html = await res.text();
      for (const s of during) {
        expect(html).toContain(`data-start="${s.start}" data-status="under"`);
      }
      // Nothing is suggested for slots already past.
      expect(
        p.suggestions.filter((x) => x.date === SANDBOX_DATE && "start" in x && x.end <= "09:00"),
      ).toEqual([]);
    }
  }, 120_000);

  it("spares nobody from the infant room between the breaks the third teacher covers", async () => {
    const infants = t.sandbox.world.centers[0]!.rooms.find((r) => r.ageGroup === "infant")!;
    const p = await planOf(infants.id);
    const midday = p.slots.filter(
      (s) => s.date === SANDBOX_DATE && s.start >= "09:30" && s.start < "15:30",
    );
    expect(midday.some((s) => s.countedStaff > s.requiredStaff)).toBe(true);
    expect(midday.filter((s) => s.status === "over")).toEqual([]);
    const covered = midday.filter((s) => s.breakCover !== null);
    expect(covered.length).toBeGreaterThan(0);
    expect(covered[0]!.breakCover).toContain("nobody can be spared");
    const html = await (
      await web.get(
        `/centers/${centerId}/staffing?room=${infants.id}&date=${SANDBOX_DATE}`,
        "auditor",
      )
    ).text();
    expect(html).toContain("Not spare: break cover");
  });
});
