/**
 * The web app's pages and form posts over HTTP (no browser): who sees what, 404 for another
 * center, the approve / edit / reject / bulk forms carrying id and content hash to the approvals
 * engine and reporting what it said, acknowledging an alert, and settings validation and saving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAlertPolicy, listOpenAlerts } from "../src/storage/alerts.js";
import { getApproval } from "../src/storage/approvals.js";
import { searchAudit } from "../src/storage/audit-page.js";
import { getPolicy } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";
import { CSRF, createWebHarness, seedMorning, type WebHarness } from "./support/web.js";

let t: TestService;
let web: WebHarness;
let seed: Awaited<ReturnType<typeof seedMorning>>;

beforeAll(async () => {
  t = await startTestService();
  seed = await seedMorning(t);
  web = createWebHarness(t);
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const html = async (res: Response) => ({ status: res.status, text: await res.text() });

describe("access", () => {
  it("asks to sign in when nobody is signed in, and 404s a center the person may not see", async () => {
    const other = t.sandbox.world.centers[1]!.id;
    const anon = await html(await web.get(`/centers/${seed.center.id}`));
    expect(anon.status).toBe(401);
    expect(anon.text).toContain('href="/sign-in"');
    for (const path of [
      "",
      "/approvals",
      "/alerts",
      "/timeline",
      "/audit",
      "/settings",
      "/stream",
    ]) {
      const res = await web.get(`/centers/${other}${path}`, "director");
      expect(res.status, path).toBe(404);
    }
    expect((await web.get(`/centers/${other}/approvals/${seed.message.id}`, "admin")).status).toBe(
      404,
    );
    // The admin with a `*` membership sees both centers in the switcher; the director only one.
    const mine = (await html(await web.get(`/centers/${seed.center.id}`, "director"))).text;
    expect(mine).toContain(`<option value="${seed.center.id}" selected`);
    expect(mine).not.toContain(`value="${other}"`);
    const all = (await html(await web.get(`/centers/${seed.center.id}`, "admin"))).text;
    expect(all).toContain(`value="${other}"`);
  });

  it("shows who is signed in with their role, the nav and a sign-out form with the CSRF token", async () => {
    const { text } = await html(await web.get(`/centers/${seed.center.id}`, "lead"));
    expect(text).toContain("Lee Lead · Lead teacher");
    for (const label of ["Board", "Approvals", "Alerts", "Timeline", "Audit", "Settings"]) {
      expect(text).toContain(`>${label}</a>`);
    }
    expect(text).toContain('action="/sign-out"');
    expect(text).toContain(`name="_csrf" value="${CSRF}"`);
  });

  it("switches center keeping the section, and only to a visible one", async () => {
    const other = t.sandbox.world.centers[1]!.id;
    const res = await web.get(`/centers/switch?center=${other}&section=alerts`, "admin");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/centers/${other}/alerts`);
    expect((await web.get(`/centers/switch?center=${other}`, "director")).status).toBe(404);
  });
});

describe("the board", () => {
  it("lists the open alert of the violating room with an Acknowledge form, and acknowledges it", async () => {
    const open = listOpenAlerts(t.service.ctx.db, seed.center.id).find(
      (a) => a.roomId === seed.room.id,
    );
    expect(open).toBeDefined();
    const board = (await html(await web.get(`/centers/${seed.center.id}`, "director"))).text;
    const action = `/centers/${seed.center.id}/alerts/${open!.id}/acknowledge`;
    expect(board).toContain(`action="${action}"`);
    expect(board).toMatch(/Forecast:/);
    // An auditor sees the alert but gets no button, and a post from one is refused.
    const audit = (await html(await web.get(`/centers/${seed.center.id}`, "auditor"))).text;
    expect(audit).toContain(`data-alert="${open!.id}"`);
    expect(audit).not.toContain(`action="${action}"`);
    const refused = await web.post(action, { _csrf: CSRF }, "auditor");
    expect(refused.headers.get("location")).toContain("ack=forbidden");
    expect(
      listOpenAlerts(t.service.ctx.db, seed.center.id).find((a) => a.id === open!.id)
        ?.acknowledgedBy,
    ).toBeNull();

    const res = await web.post(action, { _csrf: CSRF }, "director");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/centers/${seed.center.id}?ack=${open!.id}`);
    const after = listOpenAlerts(t.service.ctx.db, seed.center.id).find((a) => a.id === open!.id);
    expect(after?.acknowledgedBy).toBe("Dana Director");
    const again = (await html(await web.get(`/centers/${seed.center.id}`, "director"))).text;
    expect(again).toContain("acknowledged by Dana Director");
    expect(again).not.toContain(`action="${action}"`);
  });
});

describe("approvals", () => {
  it("lists pending items with kind, room, subject, age and the template badge; filters by kind and room", async () => {
    const { text } = await html(await web.get(`/centers/${seed.center.id}/approvals`, "director"));
    for (const row of [seed.message, seed.log, seed.note, seed.task]) {
      expect(text).toContain(`data-approval="${row.id}"`);
    }
    expect(text.match(/data-template/g)).toHaveLength(1);
    expect(text).toContain(seed.room.name);
    // Bulk checkboxes only for low-risk kinds: the log, the note and the task, not the message.
    expect(text).toContain(`value="${seed.log.id}:${seed.log.contentHash}"`);
    expect(text).not.toContain(`value="${seed.message.id}:${seed.message.contentHash}"`);

    const byKind = (
      await html(await web.get(`/centers/${seed.center.id}/approvals?kind=task`, "director"))
    ).text;
    expect(byKind).toContain(`data-approval="${seed.task.id}"`);
    expect(byKind).not.toContain(`data-approval="${seed.note.id}"`);
    const byRoom = (
      await html(
        await web.get(`/centers/${seed.center.id}/approvals?room=${seed.room.id}`, "director"),
      )
    ).text;
    expect(byRoom).toContain(`data-approval="${seed.note.id}"`);
    expect(byRoom).not.toContain(`data-approval="${seed.task.id}"`);
  });

  it("shows an item with the draft, an editable copy, the exact platform call, the facts and provenance", async () => {
    const path = `/centers/${seed.center.id}/approvals/${seed.message.id}`;
    const { status, text } = await html(await web.get(path, "director"));
    expect(status).toBe(200);
    expect(text).toContain('name="edit.body"');
    expect(text).toContain('name="edit.subject"');
    expect(text).toContain(`name="contentHash" value="${seed.message.contentHash}"`);
    expect(text).toContain(`name="approvalId" value="${seed.message.id}"`);
    expect(text).toContain("message.send");
    expect(text).toContain("minutesLate");
    expect(text).toContain("late-pickup-message v3");
    expect(text).toContain("run_test_1");
    // An auditor reads it but is offered no decision.
    const auditor = (await html(await web.get(path, "auditor"))).text;
    expect(auditor).not.toContain('data-form="approve"');
    expect(auditor).toContain("can read this item but not decide it");
  });

  it("reports the engine's refusal when a lead teacher tries to approve a family message", async () => {
    const path = `/centers/${seed.center.id}/approvals/${seed.message.id}`;
    const res = await web.post(
      `${path}/decision`,
      {
        _csrf: CSRF,
        approvalId: String(seed.message.id),
        contentHash: seed.message.contentHash,
        decision: "approve",
      },
      "lead",
    );
    expect(res.headers.get("location")).toBe(`${path}?result=forbidden`);
    expect(getApproval(t.service.ctx.db, seed.message.id)?.state).toBe("pending");
    const page = (await html(await web.get(`${path}?result=forbidden`, "lead"))).text;
    expect(page).toContain("Your role may not decide this item.");
  });

  it("refuses a decision on content that changed since the page was shown", async () => {
    const path = `/centers/${seed.center.id}/approvals/${seed.note.id}`;
    const res = await web.post(
      `${path}/decision`,
      {
        _csrf: CSRF,
        approvalId: String(seed.note.id),
        contentHash: "0".repeat(64),
        decision: "approve",
      },
      "director",
    );
    expect(res.headers.get("location")).toBe(`${path}?result=changed`);
    expect(getApproval(t.service.ctx.db, seed.note.id)?.state).toBe("pending");
    const page = (await html(await web.get(`${path}?result=changed`, "director"))).text;
    expect(page).toContain("This item changed since you opened it; review it again.");
  });

  it("requires a reason to reject, then rejects with it", async () => {
    const path = `/centers/${seed.center.id}/approvals/${seed.note.id}`;
    const form = {
      _csrf: CSRF,
      approvalId: String(seed.note.id),
      contentHash: seed.note.contentHash,
      decision: "reject",
    };
    const empty = await web.post(`${path}/decision`, { ...form, reason: "  " }, "director");
    expect(empty.headers.get("location")).toBe(`${path}?result=reason_required`);
    expect(getApproval(t.service.ctx.db, seed.note.id)?.state).toBe("pending");
    const res = await web.post(`${path}/decision`, { ...form, reason: "Wrong child" }, "director");
    expect(res.headers.get("location")).toBe(`${path}?result=rejected`);
    const row = getApproval(t.service.ctx.db, seed.note.id);
    expect(row?.state).toBe("rejected");
    expect(row?.decisionReason).toBe("Wrong child");
  });

  it("approves with edits, sending the whole edited draft, and shows a platform failure with its error", async () => {
    web.fake.failing.add(seed.message.id);
    const path = `/centers/${seed.center.id}/approvals/${seed.message.id}`;
    const res = await web.post(
      `${path}/decision`,
      {
        _csrf: CSRF,
        approvalId: String(seed.message.id),
        contentHash: seed.message.contentHash,
        decision: "approve_with_edits",
        "edit.subject": "Late pick-up today",
        "edit.body": "Hello,\r\nthe fee is $20.",
      },
      "director",
    );
    expect(res.headers.get("location")).toBe(`${path}?result=failed`);
    const last = web.fake.calls.at(-1)!;
    expect(last.principal).toBe("user:u_dir");
    expect(last.decision).toEqual({
      decision: "approve_with_edits",
      approvalId: seed.message.id,
      contentHash: seed.message.contentHash,
      edited: { subject: "Late pick-up today", body: "Hello,\nthe fee is $20." },
    });
    const page = (await html(await web.get(`${path}?result=failed`, "director"))).text;
    expect(page).toContain("Approved, but the platform refused it.");
    expect(page).toContain("family fam_x has no messaging contact");
  });

  it("bulk-approves low-risk items only, reporting each", async () => {
    const queue = `/centers/${seed.center.id}/approvals`;
    const res = await web.post(
      `${queue}/bulk`,
      {
        _csrf: CSRF,
        item: [
          `${seed.log.id}:${seed.log.contentHash}`,
          `${seed.task.id}:${seed.task.contentHash}`,
          `${seed.message.id}:${seed.message.contentHash}`,
        ],
      },
      "director",
    );
    const location = res.headers.get("location")!;
    expect(decodeURIComponent(location)).toBe(
      `${queue}?bulk=${seed.log.id}:executed,${seed.task.id}:executed,${seed.message.id}:forbidden`,
    );
    expect(web.fake.calls.at(-1)?.decision).toEqual({ bulk: [seed.log.id, seed.task.id] });
    expect(getApproval(t.service.ctx.db, seed.log.id)?.state).toBe("executed");
    const page = (await html(await web.get(location, "director"))).text;
    expect(page.match(/data-result="executed"/g)).toHaveLength(2);
    expect(page).toContain('data-result="forbidden"');
  });
});

describe("alert history, timeline, audit", () => {
  it("lists the day's alerts with their sends", async () => {
    const { text } = await html(
      await web.get(`/centers/${seed.center.id}/alerts?room=${seed.room.id}`, "auditor"),
    );
    expect(text).toMatch(/data-alerts="[1-9]/);
    expect(text).toContain('data-send="in_app"');
    expect(text).toContain("Dana Director at");
    const bad = await web.get(`/centers/${seed.center.id}/alerts?date=2026-02-30`, "auditor");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("date: expected a day as YYYY-MM-DD");
  });

  it("draws the room's day with bands, count lines and the violation with its rule", async () => {
    const path = `/centers/${seed.center.id}/rooms/${seed.room.id}/timeline?date=${t.sandbox.date}`;
    const { status, text } = await html(await web.get(path, "director"));
    expect(status).toBe(200);
    expect(text).toContain('data-band="ok"');
    expect(text).toMatch(/data-band="(violation|critical)"/);
    expect(text).toContain('data-series="children"');
    expect(text).toContain('data-violations="1"');
    expect(text).toMatch(/state US-[A-Z]{2}: .* 1:\d+/);
    expect(text).toContain("<desc");
    // The hour labels are the center's wall clock.
    expect(text).toContain(">06:00</text>");
    expect(
      (await web.get(`/centers/${seed.center.id}/rooms/nope/timeline`, "director")).status,
    ).toBe(404);
  });

  it("searches the audit log and links the export", async () => {
    const { text } = await html(
      await web.get(`/centers/${seed.center.id}/audit?q=LATE%20PICK-UP`, "auditor"),
    );
    expect(text).toContain("approval.proposed");
    expect(text).toContain(`href="/api/centers/${seed.center.id}/audit?format=csv"`);
    const rows = searchAudit(t.service.ctx.db, { centerId: seed.center.id, q: "100%_" });
    expect(rows).toEqual([]);
  });
});

describe("settings", () => {
  it("is read-only for everyone but the director", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const lead = (await html(await web.get(path, "lead"))).text;
    expect(lead).toContain("Read-only");
    expect(lead).not.toContain("Save ratios");
    const res = await web.post(`${path}/alerts`, { _csrf: CSRF, shadowMode: "on" }, "lead");
    expect(res.status).toBe(403);
  });

  it("refuses a looser ratio naming the field, stores nothing, then saves a stricter one and audits it", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const page = (await html(await web.get(path, "director"))).text;
    const band = /name="band\.([^".]+)\.ratio"/.exec(page)![1]!;
    const loose = await web.post(
      `${path}/ratios`,
      { _csrf: CSRF, [`band.${band}.ratio`]: "99" },
      "director",
    );
    expect(loose.status).toBe(400);
    const body = await loose.text();
    expect(body).toContain("would loosen the pack");
    expect(body).toContain(`data-error-for="band.${band}.ratio"`);
    expect(getPolicy(t.service.ctx.db, seed.center.id)).toBeUndefined();

    const ok = await web.post(
      `${path}/ratios`,
      { _csrf: CSRF, [`band.${band}.ratio`]: "2", violationCriticalAfterMinutes: "3" },
      "director",
    );
    expect(ok.status).toBe(303);
    expect(getPolicy(t.service.ctx.db, seed.center.id)).toEqual({
      bands: { [band]: { ratio: 2, maxGroup: null } },
      violationCriticalAfterMinutes: 3,
    });
    const audit = searchAudit(t.service.ctx.db, {
      centerId: seed.center.id,
      q: "settings.ratios_updated",
    });
    expect(audit[0]?.actor).toBe("user:u_dir");
  });

  it("edits the alert policy: shadow mode, channels, escalation minutes", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const bad = await web.post(
      `${path}/alerts`,
      {
        _csrf: CSRF,
        escalateAfterMinutes: "0",
        coolDownMinutes: "2",
        "rules.approaching.channels": "in_app",
        "rules.violation.channels": "slack",
        "rules.critical.channels": "sms",
      },
      "director",
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Escalate after (minutes) must be at least 1");
    const ok = await web.post(
      `${path}/alerts`,
      {
        _csrf: CSRF,
        shadowMode: "on",
        escalateAfterMinutes: "15",
        coolDownMinutes: "2",
        "rules.approaching.channels": "in_app",
        "rules.violation.channels": ["in_app", "slack"],
        "rules.critical.channels": ["in_app", "sms"],
      },
      "director",
    );
    expect(ok.status).toBe(303);
    const stored = getAlertPolicy(t.service.ctx.db, seed.center.id) as Record<string, unknown>;
    expect(stored.shadowMode).toBe(true);
    expect(stored.escalateAfterMinutes).toBe(15);
    expect((stored.rules as { approaching: { channels: string[] } }).approaching.channels).toEqual([
      "in_app",
    ]);
  });
});
