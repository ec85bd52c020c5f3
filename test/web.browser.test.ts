/**
 * @module
 * The director's web app in a real browser (Debian's Chromium), signed in as the sandbox director
 * (a real session): every page renders its key content, nothing scrolls sideways on a phone, the
 * keyboard reaches and presses Approve, the timeline's SVG has its status bands, the approvals
 * queue updates live over SSE, and screenshots of the main pages are saved for review under
 * test/output/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { proposeApproval } from "../src/approvals/propose.js";
import { getApproval } from "../src/storage/approvals.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, seedMorning, type WebHarness } from "./support/web.js";

const SHOTS = "test/output/screenshots";
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

let t: TestService;
let web: WebHarness;
let seed: Awaited<ReturnType<typeof seedMorning>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await startTestService();
  seed = await seedMorning(t);
  web = createWebHarness(t);
  const { cookie } = await web.session("director");
  const [name, value] = cookie.split("=") as [string, string];
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: DESKTOP });
  await context.addCookies([{ name, value, url: web.url }]);
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const centerUrl = (path = "") => `${web.url}/centers/${seed.center.id}${path}`;

/** Whether the page is wider than the viewport (a sideways scroll on a phone). */
const scrollsSideways = () =>
  page.evaluate(
    "document.documentElement.scrollWidth > document.documentElement.clientWidth",
  ) as Promise<boolean>;

describeInBrowser("the director's web app", () => {
  it("renders every page with its key content, on a desktop and on a phone without sideways scroll", async () => {
    const pages: { name: string; path: string; expect: string; phoneShot?: boolean }[] = [
      { name: "board", path: "", expect: seed.room.name, phoneShot: true },
      { name: "approvals", path: "/approvals", expect: seed.message.title, phoneShot: true },
      {
        name: "approval-item",
        path: `/approvals/${seed.message.id}`,
        expect: "What approval does",
        phoneShot: true,
      },
      { name: "alerts", path: `/alerts?date=${t.sandbox.date}`, expect: "Alert history" },
      {
        name: "timeline",
        path: `/rooms/${seed.room.id}/timeline?date=${t.sandbox.date}`,
        expect: "Violations",
      },
      { name: "audit", path: "/audit", expect: "approval proposed" },
      { name: "settings", path: "/settings", expect: "Alert policy" },
      { name: "staffing", path: "/staffing?room=room_105", expect: "Suggestions", phoneShot: true },
      { name: "staff", path: "/staff", expect: "Record training" },
      {
        name: "quick-log",
        path: `/rooms/${seed.room.id}/quick-log`,
        expect: "What happened",
        phoneShot: true,
      },
    ];
    for (const p of pages) {
      await page.setViewportSize(DESKTOP);
      const res = await page.goto(centerUrl(p.path));
      expect(res?.status(), p.name).toBe(200);
      expect(await page.locator("main").innerText(), p.name).toContain(p.expect);
      expect(await page.locator(".who").innerText()).toContain(
        `${web.user("director").name} · Director`,
      );
      await page.screenshot({ path: `${SHOTS}/${p.name}-desktop.png`, fullPage: true });
      await page.setViewportSize(PHONE);
      expect(await scrollsSideways(), `${p.name} on a phone`).toBe(false);
      if (p.phoneShot)
        await page.screenshot({ path: `${SHOTS}/${p.name}-phone.png`, fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
  }, 60_000);

  it("draws the timeline's status bands with a legend and a text alternative", async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(centerUrl(`/rooms/${seed.room.id}/timeline?date=${t.sandbox.date}`));
    const svg = page.locator("svg[data-timeline]");
    expect(await svg.getAttribute("role")).toBe("img");
    const bands = await svg
      .locator("rect[data-band]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-band")));
    expect(bands).toContain("ok");
    expect(bands.some((b) => b === "violation" || b === "critical")).toBe(true);
    expect(await svg.locator("desc").textContent()).toMatch(/ok \d\d:\d\d–\d\d:\d\d/);
    expect(await page.locator(".legend li").count()).toBe(7);
    // The bands are wide enough to see: the chart spans the page width.
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(800);
  });

  it("reaches Approve with the keyboard, with a visible focus ring, and approves", async () => {
    await page.goto(centerUrl(`/approvals/${seed.note.id}`));
    let focused = "";
    for (let i = 0; i < 60 && focused !== "Approve"; i++) {
      await page.keyboard.press("Tab");
      focused = (await page.evaluate(
        "document.activeElement?.textContent?.trim() ?? ''",
      )) as string;
    }
    expect(focused).toBe("Approve");
    const outline = (await page.evaluate(
      "getComputedStyle(document.activeElement).outlineStyle",
    )) as string;
    expect(outline).not.toBe("none");
    await Promise.all([page.waitForURL(/result=executed/), page.keyboard.press("Enter")]);
    expect(await page.locator("[data-result]").innerText()).toContain("Approved and done");
    expect(getApproval(t.service.ctx.db, seed.note.id)?.state).toBe("executed");
    const notes = t.sandbox.outbox().filter((e) => e.kind === "note");
    expect(notes.filter((e) => e.idempotencyKey === seed.note.idempotencyKey)).toHaveLength(1);
  });

  it("adds a new pending item to the open queue without a reload", async () => {
    await page.goto(centerUrl("/approvals"));
    await expect.poll(() => page.locator("#live").textContent(), { timeout: 5_000 }).toBe("live");
    await page.evaluate("window.__noReload = true");
    const { row } = proposeApproval(
      t.service.ctx.db,
      {
        kind: "task",
        centerId: seed.center.id,
        roomId: null,
        subject: null,
        title: "Check the fire drill log",
        draftSource: "template",
        draft: { title: "Check the fire drill log" },
        platformCall: null,
        context: {},
        dedupeKey: "test:live",
        agentRunId: null,
        promptId: null,
        promptVersion: null,
        triggerEventId: null,
        expiresAt: null,
        actor: "system:test",
      },
      new Date().toISOString(),
    );
    t.service.ctx.events.emit("approvals", { centerId: seed.center.id, approvalIds: [row.id] });
    await expect
      .poll(() => page.locator(`[data-approval="${row.id}"]`).count(), { timeout: 5_000 })
      .toBe(1);
    expect(await page.evaluate("window.__noReload")).toBe(true);
  });

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
