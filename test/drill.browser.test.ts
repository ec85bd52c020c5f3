/**
 * @module
 * The emergency drill page in a real browser on a phone viewport: the Start button and every name
 * are large tap targets, nothing scrolls sideways, taps are recorded in the background (the list
 * does not reload and the counter moves), and End lands on the reconciliation, which names the
 * people never tapped. Screenshots go to test/output/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listPresence } from "../src/storage/presence.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, seedMorning, type WebHarness } from "./support/web.js";

const SHOTS = "test/output/screenshots";
const PHONE = { width: 375, height: 812 };

let t: TestService;
let web: WebHarness;
let centerId: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await startTestService();
  centerId = (await seedMorning(t)).center.id;
  web = createWebHarness(t);
  const { cookie } = await web.session("director");
  const [name, value] = cookie.split("=") as [string, string];
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await context.addCookies([{ name, value, url: web.url }]);
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const scrollsSideways = () =>
  page.evaluate(
    "document.documentElement.scrollWidth > document.documentElement.clientWidth",
  ) as Promise<boolean>;

describeInBrowser("the drill page on a phone", () => {
  it("starts, records taps in the background, and ends on the reconciliation", async () => {
    const present = listPresence(t.service.ctx.db, centerId).filter((p) => p.present);
    expect(present.length).toBeGreaterThan(10);

    await page.goto(`${web.url}/centers/${centerId}/drills`);
    const start = page.getByRole("button", { name: "Start drill" });
    expect((await start.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    expect(await scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/drill-start-phone.png`, fullPage: true });
    await start.tap();
    await page.waitForSelector("[data-drill]");

    const names = page.locator("form.tap button");
    expect(await names.count()).toBe(present.length);
    for (const box of await names.evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().height),
    )) {
      expect(box).toBeGreaterThanOrEqual(44);
    }
    expect(await scrollsSideways()).toBe(false);
    const url = page.url();
    for (let i = 1; i < present.length; i++) {
      await names.nth(i).tap();
      await expect
        .poll(() => names.nth(i).getAttribute("aria-pressed"), { timeout: 5000 })
        .toBe("true");
    }
    expect(page.url()).toBe(url);
    expect(await page.locator("#accounted").textContent()).toBe(String(present.length - 1));
    await page.screenshot({ path: `${SHOTS}/drill-running-phone.png`, fullPage: false });
    const missing = (await names.nth(0).textContent())!.trim();

    await page.getByRole("button", { name: "End drill" }).tap();
    await page.waitForURL(/\/reports\?from=.*#drills$/);
    const report = page.locator("[data-drill-report]");
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.locator("[data-missing]").getAttribute("data-missing")).toBe("1");
    expect(await report.textContent()).toContain(`Missing: ${missing}`);
    await page.screenshot({ path: `${SHOTS}/drill-report-phone.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
