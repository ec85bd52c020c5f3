/**
 * @module
 * The staff page in a real browser (Debian's Chromium), signed in as the sandbox director: the
 * matrix with its training columns fits a phone without sideways scroll (the table scrolls inside
 * its own box), and the "Record training" form is filled and submitted with the keyboard alone.
 * Screenshots under test/output/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listTraining } from "../src/storage/staff-records.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, type WebHarness } from "./support/web.js";

const SHOTS = "test/output/screenshots";
const PHONE = { width: 375, height: 812 };

let t: TestService;
let web: WebHarness;
let browser: Browser;
let page: Page;
let centerId: string;

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  centerId = t.sandbox.world.centers[1]!.id;
  const { cookie } = await web.session("director");
  const [name, value] = cookie.split("=") as [string, string];
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: PHONE });
  await context.addCookies([{ name, value, url: web.url }]);
  page = await context.newPage();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describeInBrowser("the staff page", () => {
  it("fits a phone, and records a training entry by keyboard alone", async () => {
    const res = await page.goto(`${web.url}/centers/${centerId}/staff`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("main").innerText()).toContain("Upcoming reviews");
    const sideways = await page.evaluate(
      "document.documentElement.scrollWidth > document.documentElement.clientWidth",
    );
    expect(sideways).toBe(false);
    await page.screenshot({ path: `${SHOTS}/staff-phone.png`, fullPage: true });

    const staffId = await page.locator("#t-staff").inputValue();
    const before = listTraining(t.service.ctx.db, centerId, staffId).length;
    await page.locator("#t-staff").focus();
    const typeInto = async (text: string) => {
      await page.keyboard.press("Tab");
      await page.keyboard.type(text);
    };
    await typeInto("Safe sleep practices");
    await typeInto("2");
    // A date input takes its parts as typed digits in the locale's order (month, day, year).
    await page.keyboard.press("Tab");
    await page.keyboard.type("11022026");
    // Tab walks the date's own parts (month, day, year) before leaving it.
    const tabTo = async (id: string) => {
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press("Tab");
        if ((await page.evaluate("document.activeElement?.id")) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo("t-provider");
    await page.keyboard.type("Keyboard Training Co");
    await typeInto("KB-1");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate("document.activeElement?.textContent?.trim() ?? ''");
    expect(focused).toBe("Record training");
    await Promise.all([page.waitForURL(/saved=training/), page.keyboard.press("Enter")]);
    expect(await page.locator("[data-saved]").innerText()).toContain("Saved the training record");
    const records = listTraining(t.service.ctx.db, centerId, staffId);
    expect(records).toHaveLength(before + 1);
    expect(records.find((r) => r.reference === "KB-1")).toMatchObject({
      topic: "Safe sleep practices",
      hours: 2,
      completedOn: "2026-11-02",
      provider: "Keyboard Training Co",
      source: "form",
    });
  }, 60_000);
});
