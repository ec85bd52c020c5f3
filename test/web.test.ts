/**
 * The web app's pages and form posts over HTTP (no browser), signed in as the sandbox's users
 * through the real sign-in: who sees what, 404 for another center, the approve / edit / reject /
 * bulk forms deciding through the real approvals engine and executing once against the sandbox,
 * acknowledging an alert, audit search, and settings validation and saving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centerFacts, proposal } from "../src/approvals/fixtures.js";
import { proposeApproval } from "../src/approvals/index.js";
import { searchAudit } from "../src/audit/index.js";
import { getAlertPolicy, listOpenAlerts } from "../src/storage/alerts.js";
import { type ApprovalRow, getApproval } from "../src/storage/approvals.js";
import { getCenterHours } from "../src/storage/center-hours.js";
import { getPolicy } from "../src/storage/ratio.js";
import { getUserByEmail } from "../src/storage/users.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, seedMorning, type WebHarness } from "./support/web.js";

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
  it("sends nobody to sign in, and 404s a center the person may not see", async () => {
    const other = t.sandbox.world.centers[1]!.id;
    const anon = await web.get(`/centers/${seed.center.id}`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toMatch(/^\/sign-in\?next=/);
    for (const path of [
      "",
      "/approvals",
      "/alerts",
      "/timeline",
      "/audit",
      "/settings",
      "/stream",
    ]) {
      const res = await web.get(`/centers/${other}${path}`, "assistant_director");
      expect(res.status, path).toBe(404);
    }
    // Seen through the other center's path, even the director of both gets a 404.
    const elsewhere = `/centers/${other}/approvals/${seed.message.id}`;
    expect((await web.get(elsewhere, "director")).status).toBe(404);
    // The director of every sandbox center has both in the switcher; the assistant only one.
    const mine = (await html(await web.get(`/centers/${seed.center.id}`, "assistant_director")))
      .text;
    expect(mine).toContain(`<option value="${seed.center.id}" selected`);
    expect(mine).not.toContain(`value="${other}"`);
    const all = (await html(await web.get(`/centers/${seed.center.id}`, "director"))).text;
    expect(all).toContain(`value="${other}"`);
  });

  it("shows who is signed in with their role, the nav and a sign-out form with the CSRF token", async () => {
    const { text } = await html(await web.get(`/centers/${seed.center.id}`, "lead_teacher"));
    expect(text).toContain(`${web.user("lead_teacher").name} · Lead teacher`);
    for (const label of ["Board", "Approvals", "Alerts", "Timeline", "Audit", "Settings"]) {
      expect(text).toContain(`>${label}</a>`);
    }
    expect(text).toContain('action="/sign-out"');
    const { csrfToken } = await web.session("lead_teacher");
    expect(text).toContain(`name="_csrf" value="${csrfToken}"`);
  });

  it("switches center keeping the section, and only to a visible one", async () => {
    const other = t.sandbox.world.centers[1]!.id;
    const res = await web.get(`/centers/switch?center=${other}&section=alerts`, "director");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/centers/${other}/alerts`);
    expect((await web.get(`/centers/switch?center=${other}`, "assistant_director")).status).toBe(
      404,
    );
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
    const refused = await web.post(action, {}, "auditor");
    expect(refused.headers.get("location")).toContain("ack=forbidden");
    expect(
      listOpenAlerts(t.service.ctx.db, seed.center.id).find((a) => a.id === open!.id)
        ?.acknowledgedBy,
    ).toBeNull();

    // A form without the session's CSRF token is refused before it does anything.
    const forged = await web.post(action, { _csrf: "not-the-token" }, "director");
    expect(forged.status).toBe(403);
    const res = await web.post(action, {}, "director");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/centers/${seed.center.id}?ack=${open!.id}`);
    const after = listOpenAlerts(t.service.ctx.db, seed.center.id).find((a) => a.id === open!.id);
    // The actor, as the API records it, with the person's name for people reading the history.
    const director = web.user("director").name;
    expect(after?.acknowledgedBy).toMatch(new RegExp(`^user:\\S+ \\(${director}\\)$`));
    const again = (await html(await web.get(`/centers/${seed.center.id}`, "director"))).text;
    expect(again).toContain(`(${director})`);
    expect(again).not.toContain(`action="${action}"`);
  });
});

const userId = async (role: "director") =>
  getUserByEmail(t.service.ctx.db, web.user(role).email)!.id;

/** What the sandbox's platform received for family messages. */
const messagesSent = () => t.sandbox.outbox().filter((e) => e.kind === "message");

const decisionForm = (row: ApprovalRow, decision: string, more: Record<string, string> = {}) => ({
  contentHash: row.contentHash,
  decision,
  ...more,
});
const itemPath = (row: ApprovalRow) => `/centers/${seed.center.id}/approvals/${row.id}`;

describe("approvals", () => {
  it("lists pending items with kind, room, subject, age and the template badge; filters by kind and room", async () => {
    const { text } = await html(await web.get(`/centers/${seed.center.id}/approvals`, "director"));
    for (const row of [seed.message, seed.log, seed.note, seed.task]) {
      expect(text).toContain(`data-approval="${row.id}"`);
    }
    expect(text.match(/data-template/g)).toHaveLength(1);
    expect(text).toContain(seed.room.name);
    // Bulk checkboxes only for the policy's low-risk kinds (the log and the note).
    expect(text).toContain(`value="${seed.log.id}:${seed.log.contentHash}"`);
    expect(text).toContain(`value="${seed.note.id}:${seed.note.contentHash}"`);
    expect(text).not.toContain(`value="${seed.task.id}:${seed.task.contentHash}"`);
    expect(text).not.toContain(`value="${seed.message.id}:${seed.message.contentHash}"`);
    // The auditor reads the queue but is offered no bulk approval.
    const auditor = (await html(await web.get(`/centers/${seed.center.id}/approvals`, "auditor")))
      .text;
    expect(auditor).toContain(`data-approval="${seed.log.id}"`);
    expect(auditor).not.toContain('name="item"');

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

  it("shows an item with the draft, an editable copy of the allowed words, the call, the facts and provenance", async () => {
    const { status, text } = await html(await web.get(itemPath(seed.message), "director"));
    expect(status).toBe(200);
    // A family message lets the reviewer change its words, never who it goes to.
    expect(text).toContain('name="edit.body"');
    expect(text).toContain('name="edit.subject"');
    expect(text).not.toContain('name="edit.familyId"');
    expect(text).toContain(`name="contentHash" value="${seed.message.contentHash}"`);
    expect(text).toContain("message.send");
    expect(text).toContain("minutesLate");
    expect(text).toContain("late-pickup-message v3");
    expect(text).toContain("run_test_1");
    expect(text).toContain("evt_checkout_1");
    expect(text).toContain('data-draft-source="model"');
    // A template draft says so, in the badge and in the provenance.
    const log = (await html(await web.get(itemPath(seed.log), "director"))).text;
    expect(log).toContain("data-template");
    expect(log).toContain('data-draft-source="template"');
    expect(log).toContain('name="entry.0.start"');
    expect(log).not.toContain('name="edit.entries"');
    // An auditor reads it but is offered no decision, with the engine's reason.
    const auditor = (await html(await web.get(itemPath(seed.message), "auditor"))).text;
    expect(auditor).not.toContain('data-form="approve"');
    expect(auditor).toContain("can read this item but not decide it");
  });

  it("offers a lead teacher no decision on a family message, and refuses a forged one", async () => {
    const page = (await html(await web.get(itemPath(seed.message), "lead_teacher"))).text;
    expect(page).not.toContain('data-form="approve"');
    expect(page).not.toContain('data-form="edit"');
    expect(page).toContain("lead_teacher may not decide on a family_message");
    const res = await web.post(
      `${itemPath(seed.message)}/decision`,
      decisionForm(seed.message, "approve"),
      "lead_teacher",
    );
    expect(res.headers.get("location")).toBe(`${itemPath(seed.message)}?result=forbidden`);
    expect(getApproval(t.service.ctx.db, seed.message.id)?.state).toBe("pending");
    expect(messagesSent()).toHaveLength(0);
    const shown = (
      await html(await web.get(`${itemPath(seed.message)}?result=forbidden`, "lead_teacher"))
    ).text;
    expect(shown).toContain("Your role may not decide this item.");
  });

  it("refuses a decision on content that changed since the page was shown", async () => {
    const res = await web.post(
      `${itemPath(seed.note)}/decision`,
      { contentHash: "0".repeat(64), decision: "approve" },
      "director",
    );
    expect(res.headers.get("location")).toBe(`${itemPath(seed.note)}?result=changed`);
    expect(getApproval(t.service.ctx.db, seed.note.id)?.state).toBe("pending");
    const page = (await html(await web.get(`${itemPath(seed.note)}?result=changed`, "director")))
      .text;
    expect(page).toContain("This item changed since you opened it; review it again.");
  });

  it("requires a reason to reject, then rejects with it and sends nothing", async () => {
    const path = `${itemPath(seed.task)}/decision`;
    const empty = await web.post(
      path,
      decisionForm(seed.task, "reject", { reason: "  " }),
      "director",
    );
    expect(empty.headers.get("location")).toBe(
      `${itemPath(seed.task)}?result=reason_required&field=reason`,
    );
    expect(getApproval(t.service.ctx.db, seed.task.id)?.state).toBe("pending");
    const res = await web.post(
      path,
      decisionForm(seed.task, "reject", { reason: "Already restocked" }),
      "director",
    );
    expect(res.headers.get("location")).toBe(`${itemPath(seed.task)}?result=rejected`);
    const row = getApproval(t.service.ctx.db, seed.task.id);
    expect(row?.state).toBe("rejected");
    expect(row?.decisionReason).toBe("Already restocked");
    const restock = t.sandbox.outbox().filter((e) => JSON.stringify(e.body).includes("Restock"));
    expect(restock).toHaveLength(0);
  });

  it("approves with edits, executes the edited message once against the sandbox, and a second submit sends nothing", async () => {
    const path = `${itemPath(seed.message)}/decision`;
    const form = decisionForm(seed.message, "approve_with_edits", {
      "edit.subject": "Late pick-up today",
      "edit.body": "Hello,\r\npick-up was at 18:20; the late fee is $20.",
      // Not an editable field of a message: the form ignores it and the engine would refuse it.
      "edit.familyId": "fam_someone_else",
    });
    const res = await web.post(path, form, "director");
    expect(res.headers.get("location")).toBe(`${itemPath(seed.message)}?result=executed`);
    const row = getApproval(t.service.ctx.db, seed.message.id)!;
    expect(row.state).toBe("executed");
    expect(row.decidedBy).toBe(`user:${await userId("director")}`);
    expect(row.edited).toEqual({
      subject: "Late pick-up today",
      body: "Hello,\npick-up was at 18:20; the late fee is $20.",
    });
    const sent = messagesSent();
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.body)).toContain("the late fee is $20.");
    expect(JSON.stringify(sent[0]!.body)).not.toContain("fam_someone_else");

    const again = await web.post(path, form, "director");
    expect(again.headers.get("location")).toBe(`${itemPath(seed.message)}?result=decided`);
    expect(messagesSent()).toHaveLength(1);
    const page = (await html(await web.get(`${itemPath(seed.message)}?result=decided`, "director")))
      .text;
    expect(page).toContain("already decided; nothing was decided or sent again");
    expect(page).toContain("As approved with edits");
  });

  it("refuses an edit the kind's rules do not accept, naming the field", async () => {
    const res = await web.post(
      `${itemPath(seed.log)}/decision`,
      decisionForm(seed.log, "approve_with_edits", {
        "entry.0.type": "nap",
        "entry.0.start": "half past noon",
      }),
      "director",
    );
    expect(res.headers.get("location")).toBe(
      `${itemPath(seed.log)}?result=bad_request&field=${encodeURIComponent("entry 1: from")}`,
    );
    expect(getApproval(t.service.ctx.db, seed.log.id)?.state).toBe("pending");
  });

  it("says an expired item expired, and decides nothing", async () => {
    const expired = proposeApproval(
      t.service.ctx.db,
      proposal("family_message", centerFacts(t.sandbox, 0), {
        expiresAt: new Date(t.service.ctx.clock().getTime() - 60_000).toISOString(),
      }),
      t.service.ctx.wallClock().toISOString(),
    ).row;
    const res = await web.post(
      `${itemPath(expired)}/decision`,
      decisionForm(expired, "approve"),
      "director",
    );
    expect(res.headers.get("location")).toBe(`${itemPath(expired)}?result=expired`);
    expect(getApproval(t.service.ctx.db, expired.id)?.state).toBe("pending");
  });

  it("bulk-approves low-risk items through the engine, refusing the rest, reporting each", async () => {
    const message = proposeApproval(
      t.service.ctx.db,
      proposal("family_message", centerFacts(t.sandbox, 0)),
      t.service.ctx.wallClock().toISOString(),
    ).row;
    const queue = `/centers/${seed.center.id}/approvals`;
    const res = await web.post(
      `${queue}/bulk`,
      {
        item: [
          `${seed.log.id}:${seed.log.contentHash}`,
          `${seed.note.id}:${seed.note.contentHash}`,
          `${message.id}:${message.contentHash}`,
        ],
      },
      "director",
    );
    const location = res.headers.get("location")!;
    expect(decodeURIComponent(location)).toBe(
      `${queue}?bulk=${seed.log.id}:executed,${seed.note.id}:executed,${message.id}:forbidden`,
    );
    expect(getApproval(t.service.ctx.db, seed.log.id)?.state).toBe("executed");
    expect(getApproval(t.service.ctx.db, message.id)?.state).toBe("pending");
    expect(t.sandbox.outbox().filter((e) => e.kind === "daily_log")).toHaveLength(1);
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
    expect(text).toContain(`${web.user("director").name} at`);
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

  it("searches the audit log by text, actor and action, and links the export", async () => {
    const audit = `/centers/${seed.center.id}/audit`;
    const { text } = await html(await web.get(`${audit}?q=LATE%20PICK-UP`, "auditor"));
    expect(text).toContain("approval.proposed");
    expect(text).toContain(`href="/api/centers/${seed.center.id}/audit?format=csv"`);
    const byAction = (await html(await web.get(`${audit}?action=approval.`, "auditor"))).text;
    expect(byAction).toContain("approval.proposed");
    expect(byAction).not.toContain("alert.opened");
    const byActor = (await html(await web.get(`${audit}?actor=nobody%3Ahere`, "auditor"))).text;
    expect(byActor).toContain('data-audit="0"');
    const backwards = await web.get(`${audit}?from=2026-11-23&to=2026-11-22`, "auditor");
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("is before from");
    const none = searchAudit(t.service.ctx.db, seed.center, { q: "100%_" });
    expect(none.ok && none.value.entries).toEqual([]);
  });
});

describe("settings", () => {
  it("is read-only for everyone but the director", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const lead = (await html(await web.get(path, "lead_teacher"))).text;
    expect(lead).toContain("Read-only");
    expect(lead).not.toContain("Save ratios");
    const res = await web.post(`${path}/alerts`, { shadowMode: "on" }, "lead_teacher");
    expect(res.status).toBe(403);
  });

  it("refuses a looser ratio naming the field, stores nothing, then saves a stricter one and audits it", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const page = (await html(await web.get(path, "director"))).text;
    const band = /name="band\.([^".]+)\.ratio"/.exec(page)![1]!;
    const loose = await web.post(`${path}/ratios`, { [`band.${band}.ratio`]: "99" }, "director");
    expect(loose.status).toBe(400);
    const body = await loose.text();
    expect(body).toContain("would loosen the pack");
    expect(body).toContain(`data-error-for="band.${band}.ratio"`);
    expect(getPolicy(t.service.ctx.db, seed.center.id)).toBeUndefined();

    const ok = await web.post(
      `${path}/ratios`,
      { [`band.${band}.ratio`]: "2", violationCriticalAfterMinutes: "3" },
      "director",
    );
    expect(ok.status).toBe(303);
    expect(getPolicy(t.service.ctx.db, seed.center.id)).toEqual({
      bands: { [band]: { ratio: 2, maxGroup: null } },
      violationCriticalAfterMinutes: 3,
    });
    // Applied, not just stored: the rooms' evaluation now cites the center's stricter policy.
    t.service.evaluateNow();
    const rooms = await (await t.api(`/api/centers/${seed.center.id}/rooms`)).text();
    expect(rooms).toContain("Center policy for");
    const audit = searchAudit(t.service.ctx.db, seed.center, { action: "settings.ratios_updated" });
    expect(audit.ok && audit.value.entries[0]?.actor).toBe(`user:${await userId("director")}`);
  });

  it("stores the director's opening hours per weekday, refusing a bad time naming the day", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const before = getCenterHours(t.service.ctx.db, seed.center.id);
    const bad = await web.post(
      `${path}/hours`,
      { "hours.mon.opensAt": "18:00", "hours.mon.closesAt": "06:00" },
      "director",
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Monday: closes at 06:00, before it opens at 18:00");
    expect(getCenterHours(t.service.ctx.db, seed.center.id)).toEqual(before);
    expect((await web.post(`${path}/hours`, {}, "lead_teacher")).status).toBe(403);

    const ok = await web.post(
      `${path}/hours`,
      { "hours.mon.opensAt": "06:30", "hours.mon.closesAt": "18:00" },
      "director",
    );
    expect(ok.status).toBe(303);
    const stored = getCenterHours(t.service.ctx.db, seed.center.id);
    expect(stored).toMatchObject({
      source: "director",
      hours: { mon: { opensAt: "06:30", closesAt: "18:00" }, tue: null, sun: null },
    });
    const page = (await html(await web.get(path, "director"))).text;
    expect(page).toContain('value="06:30"');
    const audit = searchAudit(t.service.ctx.db, seed.center, { action: "settings.hours_updated" });
    expect(audit.ok && audit.value.entries.length).toBe(1);
  });

  it("edits the alert policy: shadow mode, channels, escalation minutes", async () => {
    const path = `/centers/${seed.center.id}/settings`;
    const bad = await web.post(
      `${path}/alerts`,
      {
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
