/**
 * @module
 * Issue 6's walk through the director's day in a real browser (Debian's Chromium) against the
 * real service on the sandbox: sign in through the /sign-in form, watch a room go out of ratio on
 * the live board, edit and approve a family message and see the sandbox platform receive it
 * exactly once (a resubmitted form sends nothing), reject another with a reason, then sign in as
 * the lead teacher and find no way to approve a family message (a forged post is refused).
 * Screenshots of the main pages go to test/output/approvals-browser/ (gitignored).
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { centerFacts, proposal } from "../src/approvals/fixtures.js";
import { proposeApproval } from "../src/approvals/index.js";
import { type ApprovalRow, getApproval } from "../src/storage/approvals.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, playUntil, violationScenario, type WebHarness } from "./support/web.js";

const SHOTS = "test/output/approvals-browser";

let t: TestService;
let web: WebHarness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let scenario: ReturnType<typeof violationScenario>;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  scenario = violationScenario(t);
  // The morning up to shortly before the room goes out of ratio.
  await playUntil(t, Date.parse(scenario.scenario.at) - 5 * 60_000);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const centerPath = (path = "") => `/centers/${scenario.center.id}${path}`;
const messagesSent = () => t.sandbox.outbox().filter((e) => e.kind === "message");

async function signInAs(role: "director" | "lead_teacher") {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const user = web.user(role);
  await page.goto(`${web.url}${centerPath()}`);
  // Not signed in: the app sends the browser to the sign-in form, and back after it.
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password as string);
  await Promise.all([
    page.waitForURL((url) => url.pathname === centerPath()),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  expect(await page.locator(".who").innerText()).toContain(user.name);
}

function propose(title: string): ApprovalRow {
  const row = proposeApproval(
    t.service.ctx.db,
    proposal("family_message", centerFacts(t.sandbox, 0), { title, roomId: scenario.room.id }),
    t.service.ctx.wallClock().toISOString(),
  ).row;
  // What the drafting runtime does after a job proposes: the open queue pages refresh.
  t.service.ctx.events.emit("approvals", { centerId: row.centerId, approvalIds: [row.id] });
  return row;
}

let approveMe: ApprovalRow;
let rejectMe: ApprovalRow;

describeInBrowser("approving as the director, and not as a lead teacher", () => {
  it("signs the director in through the form and shows the room going out of ratio live", async () => {
    await signInAs("director");
    await expect.poll(() => page.locator("#live").textContent(), { timeout: 5_000 }).toBe("live");
    const status = page.locator(`[data-room="${scenario.room.id}"] [data-status]`).first();
    expect(await status.getAttribute("data-status")).not.toMatch(/violation|critical/);
    await page.evaluate("window.__noReload = true");
    await playUntil(t, Date.parse(scenario.scenario.at) + 6 * 60_000, 60_000);
    await expect
      .poll(() => status.getAttribute("data-status"), { timeout: 10_000 })
      .toMatch(/violation|critical/);
    expect(await page.evaluate("window.__noReload")).toBe(true);
    await page.screenshot({ path: `${SHOTS}/board.png`, fullPage: true });
  }, 60_000);

  it("sees new family messages arrive in the open queue", async () => {
    await page.goto(`${web.url}${centerPath("/approvals")}`);
    await expect.poll(() => page.locator("#live").textContent(), { timeout: 5_000 }).toBe("live");
    approveMe = propose("Late pick-up fee (to approve)");
    rejectMe = propose("Late pick-up fee (to reject)");
    for (const row of [approveMe, rejectMe]) {
      await expect
        .poll(() => page.locator(`[data-approval="${row.id}"]`).count(), { timeout: 5_000 })
        .toBe(1);
    }
    await page.screenshot({ path: `${SHOTS}/approvals-queue.png`, fullPage: true });
  });

  it("edits and approves one; the sandbox receives it exactly once, a resubmit sends nothing", async () => {
    await page.locator(`[data-approval="${approveMe.id}"] a`).click();
    await page.waitForURL((url) => url.pathname === centerPath(`/approvals/${approveMe.id}`));
    await page.screenshot({ path: `${SHOTS}/approval-item.png`, fullPage: true });
    const body = "Hello, pick-up today was at 18:20. Per our policy a $20 late fee applies.";
    await page.locator("#edit-body").fill(body);
    await Promise.all([
      page.waitForURL(/result=/),
      page.getByRole("button", { name: "Approve with edits" }).click(),
    ]);
    expect(await page.locator("[data-result]").getAttribute("data-result")).toBe("executed");
    const sent = messagesSent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ body });
    expect(getApproval(t.service.ctx.db, approveMe.id)?.state).toBe("executed");

    // Back to the form as it was shown, and submit it again: refused, nothing sent twice.
    await page.goBack();
    expect(await page.locator("#edit-body").inputValue()).toBe(body);
    await Promise.all([
      page.waitForURL(/result=/),
      page.getByRole("button", { name: "Approve with edits" }).click(),
    ]);
    expect(await page.locator("[data-result]").getAttribute("data-result")).toBe("decided");
    await t.service.alerting.outbox.runDue();
    expect(messagesSent()).toHaveLength(1);
  });

  it("rejects the other with a reason, sending nothing", async () => {
    await page.goto(`${web.url}${centerPath(`/approvals/${rejectMe.id}`)}`);
    await page.locator("#reject-reason").fill("The family already paid at pick-up.");
    await Promise.all([
      page.waitForURL(/result=/),
      page.getByRole("button", { name: "Reject" }).click(),
    ]);
    expect(await page.locator("[data-result]").getAttribute("data-result")).toBe("rejected");
    const row = getApproval(t.service.ctx.db, rejectMe.id);
    expect(row?.state).toBe("rejected");
    expect(row?.decisionReason).toBe("The family already paid at pick-up.");
    expect(messagesSent()).toHaveLength(1);
  });

  it("saves screenshots of alerts, timeline, audit and settings", async () => {
    const pages = [
      { name: "alerts", path: `/alerts?date=${t.sandbox.date}`, expect: "Alert history" },
      {
        name: "timeline",
        path: `/rooms/${scenario.room.id}/timeline?date=${t.sandbox.date}`,
        expect: "Violations",
      },
      { name: "audit", path: "/audit?action=approval.", expect: "approval edited and approved" },
      { name: "settings", path: "/settings", expect: "Alert policy" },
    ];
    for (const p of pages) {
      const res = await page.goto(`${web.url}${centerPath(p.path)}`);
      expect(res?.status(), p.name).toBe(200);
      expect(await page.locator("main").innerText(), p.name).toContain(p.expect);
      await page.screenshot({ path: `${SHOTS}/${p.name}.png`, fullPage: true });
    }
  });

  it("gives the lead teacher no approve control for a family message and refuses a forged post", async () => {
    const pending = propose("Late pick-up fee (lead teacher)");
    await signInAs("lead_teacher");
    await page.goto(`${web.url}${centerPath(`/approvals/${pending.id}`)}`);
    expect(await page.locator("main").innerText()).toContain(
      "can read this item but not decide it",
    );
    expect(await page.getByRole("button", { name: /^Approve/ }).count()).toBe(0);
    expect(await page.locator("textarea[name^='edit.']").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/approval-item-lead-teacher.png`, fullPage: true });

    // The same form the director gets, forged from this signed-in page with its CSRF token.
    const csrf = await page.locator("input[name=_csrf]").first().inputValue();
    const forged = await page.request.post(
      `${web.url}${centerPath(`/approvals/${pending.id}/decision`)}`,
      {
        form: { _csrf: csrf, contentHash: pending.contentHash, decision: "approve" },
        headers: { origin: web.url },
        maxRedirects: 0,
      },
    );
    expect(forged.status()).toBe(303);
    expect(forged.headers().location).toContain("result=forbidden");
    expect(getApproval(t.service.ctx.db, pending.id)?.state).toBe("pending");
    await t.service.alerting.outbox.runDue();
    expect(messagesSent()).toHaveLength(1);
  });

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
