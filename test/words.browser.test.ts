/**
 * @module
 * Issue 19 in a browser, as a director: the approvals queue and item speak in names, rooms and
 * local times (ids only behind "Details"); a draft about yesterday has expired and offers no
 * Approve; a daily log's entries are edited in 12-hour local time and stored as those instants;
 * the audit log finds the director's own decision by name; the Reports page carries the
 * licensing ratio report. Screenshots go to test/output/words/ (gitignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { centerFacts, proposal } from "../src/approvals/fixtures.js";
import { proposeApproval } from "../src/approvals/index.js";
import { addDays, instantToZoned } from "../src/domain/time.js";
import { getApproval } from "../src/storage/approvals.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, type WebHarness } from "./support/web.js";

const SHOTS = join(import.meta.dirname, "output", "words");

let t: TestService;
let web: WebHarness;
let browser: Browser;
let page: Page;
let centerId: string;
let timeZone: string;
let logId: number;
let expiredId: number;

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  const db = t.service.ctx.db;
  const facts = centerFacts(t.sandbox, 0);
  centerId = facts.centerId;
  timeZone = t.sandbox.world.centers[0]!.timeZone;
  const now = t.service.ctx.wallClock().toISOString();
  const today = instantToZoned(t.service.ctx.clock(), timeZone).date;
  logId = proposeApproval(db, proposal("structured_log", facts, { title: "Nap log" }), now).row.id;
  expiredId = proposeApproval(
    db,
    proposal("family_message", facts, {
      title: "Absent without notice: expected 07:45",
      context: {
        job: "absence-follow-up",
        facts: { date: addDays(today, -1), childId: facts.childId },
      },
      dedupeKey: "words-expired-absence",
    }),
    now,
  ).row.id;
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  const user = web.user("director");
  await page.goto(`${web.url}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password as string);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const shot = (name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const visibleText = () =>
  page.locator("main").evaluate((m) => (m as { innerText: string }).innerText);

describeInBrowser("the director's paperwork in a director's words", () => {
  it("the queue names who each item is about and until when, with no internal ids", async () => {
    await page.goto(`${web.url}/centers/${centerId}/approvals`);
    await shot("queue");
    const child = t.sandbox.world.centers[0]!.children[0]!;
    const text = await visibleText();
    expect(text).toContain(`${child.firstName} ${child.lastName}`);
    expect(text).not.toMatch(/child_\d|fam_\d|emp_\d|evt_/i);
    expect(text).toContain("Until");
  });

  it("a draft about yesterday has expired: the item says so and offers no Approve", async () => {
    await page.goto(`${web.url}/centers/${centerId}/approvals/${expiredId}`);
    await shot("expired-item");
    await expect(page.locator("[data-expired]").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
    // The facts read as a table; the raw JSON only behind the details toggle.
    await expect(page.locator("[data-context] table").count()).resolves.toBe(1);
    await expect(page.locator("pre:visible", { hasText: '"childId"' }).count()).resolves.toBe(0);
    await expect(page.locator("pre", { hasText: '"childId"' }).count()).resolves.toBeGreaterThan(0);
  });

  it("a daily log's entries are edited in 12-hour local time and stored as those instants", async () => {
    await page.goto(`${web.url}/centers/${centerId}/approvals/${logId}`);
    await shot("log-item");
    await page.locator("#entry-0-start").fill("12:30 PM");
    await page.locator("#entry-0-end").fill("2:05 PM");
    await page.locator("#entry-1-type").selectOption("meal");
    await page.locator("#entry-1-start").fill("11:15 am");
    await page.locator("#entry-1-detail").fill("ate all of lunch");
    await Promise.all([
      page.waitForURL(/result=/),
      page.getByRole("button", { name: "Approve with edits" }).click(),
    ]);
    await shot("log-approved");
    const row = getApproval(t.service.ctx.db, logId)!;
    const entries = (
      row.edited as { entries: { type: string; start: string; end: string | null }[] }
    ).entries;
    const local = (iso: string | null) =>
      iso ? instantToZoned(new Date(iso), timeZone).time.slice(0, 5) : null;
    expect(entries.map((e) => [e.type, local(e.start), local(e.end)])).toEqual([
      ["nap", "12:30", "14:05"],
      ["meal", "11:15", null],
    ]);
  });

  it("the audit log finds the director's decision by the director's name", async () => {
    const name = page.locator("[data-principal]");
    const who = ((await name.textContent()) ?? "").split("·")[0]!.trim();
    await page.goto(
      `${web.url}/centers/${centerId}/audit?q=${encodeURIComponent(who.split(" ")[0]!)}`,
    );
    await shot("audit-by-name");
    const rows = page.locator("tr[data-seq]");
    expect(await rows.count()).toBeGreaterThan(0);
    const actors = await page.locator("td[data-actor]").allTextContents();
    expect(actors).toContain(who);
  });

  it("the Reports page carries the licensing ratio report with its PDF and CSV", async () => {
    await page.goto(`${web.url}/centers/${centerId}/reports`);
    await shot("reports");
    const section = page.locator("[data-report=ratio]");
    await expect(
      section.getByRole("link", { name: /PDF for the inspector/ }).count(),
    ).resolves.toBe(1);
    const href = await section.getByRole("link", { name: "CSV" }).getAttribute("href");
    const res = await page.request.get(`${web.url}${href}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/^section,room,/);
  });
});
