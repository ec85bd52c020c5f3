/**
 * @module
 * A pick-up hold in a real browser (Debian's Chromium), signed in as the sandbox director, on a
 * desktop and on a 390×844 phone: a signed webhook reports someone not on the child's list at the
 * door; the critical banner appears on the open board without a reload (SSE), and on the Alerts
 * page and another page; the Alerts page lists the hold as a critical alert with its sends; the
 * director picks the outcome by clicking the label's words and releases the hold; the banner
 * leaves the board without a reload. The door and Alerts pages pass an axe-core scan with no
 * serious or critical violation. Screenshots are kept under test/output/holds/.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { instantToZoned } from "../src/domain/time.js";
import { roomStates } from "../src/live/index.js";
import { toDelivery } from "../src/sandbox/index.js";
import { listPickupHolds } from "../src/storage/door.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, playUntil, type WebHarness } from "./support/web.js";

const SHOTS = "test/output/holds";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The open board refreshes over SSE at once; 10 s is far above that and below any poll. */
const LIVE_MS = 10_000;

let t: TestService;
let web: WebHarness;
let browser: Browser;
let cookie: { name: string; value: string };
const pageErrors: string[] = [];
const usedChildren = new Set<string>();

beforeAll(async () => {
  t = await startTestService();
  const center = t.sandbox.world.centers[0]!;
  // The morning: children have arrived, and the day's own scripted pick-up attempt is hours away.
  await playUntil(t, Date.parse(t.sandbox.plan.startsAt) + 4 * 3_600_000, 20 * 60_000);
  expect(listPickupHolds(t.service.ctx.db, center.id)).toHaveLength(0);
  web = createWebHarness(t);
  const session = await web.session("director");
  const [name, value] = session.cookie.split("=") as [string, string];
  cookie = { name, value };
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const center = () => t.sandbox.world.centers[0]!;
const centerUrl = (path = "") => `${web.url}/centers/${center().id}${path}`;
const localTime = (iso: string) => instantToZoned(new Date(iso), center().timeZone).time;

/** A present child not used yet, with their room. */
function presentChild() {
  for (const room of roomStates(t.service.ctx.db, center().id)) {
    for (const c of room.children) {
      if (usedChildren.has(c.id)) continue;
      usedChildren.add(c.id);
      const child = center().children.find((x) => x.id === c.id)!;
      return { child, room };
    }
  }
  throw new Error("no child present in the first center");
}

/** The platform reports `personName` at the door for a present child, through a signed webhook. */
async function pickupAttempt(personName: string) {
  const { child, room } = presentChild();
  const at = `${t.sandbox.now().toISOString().slice(0, 19)}Z`;
  const delivery = toDelivery(t.sandbox.world, {
    id: `${center().id}:hold-test:${child.id}`,
    seq: 90_000 + usedChildren.size,
    centerId: center().id,
    at,
    kind: "child.pickup_attempted",
    childId: child.id,
    roomId: room.id,
    personName,
  });
  expect((await t.post(delivery)).status).toBe(200);
  await expect
    .poll(() => listPickupHolds(t.service.ctx.db, center().id).find((h) => h.childId === child.id))
    .toBeDefined();
  const hold = listPickupHolds(t.service.ctx.db, center().id).find((h) => h.childId === child.id)!;
  return { child, room, hold, at };
}

/** axe-core's serious and critical findings on the page as it is now. */
async function axeFindings(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(
    "axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))",
  )) as { id: string; impact: string | null; help: string; nodes: string[] }[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const scrollsSideways = (page: Page) =>
  page.evaluate(
    "document.documentElement.scrollWidth > document.documentElement.clientWidth",
  ) as Promise<boolean>;

async function walk(name: "desktop" | "phone", viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ ...cookie, url: web.url }]);
  const board = await context.newPage();
  const other = await context.newPage();
  for (const p of [board, other])
    p.on("pageerror", (e) => pageErrors.push(`${name}: ${e.message}`));

  await board.goto(centerUrl());
  await expect.poll(() => board.locator("#live").textContent(), { timeout: LIVE_MS }).toBe("live");
  expect(await board.locator("[data-banner-hold]").count()).toBe(0);

  const person = name === "desktop" ? "Zed Nobody" : "Quinn Stranger";
  const { child, room, hold, at } = await pickupAttempt(person);
  const first = child.firstName;

  // The open board shows the banner without a reload.
  const banner = board.locator(`[data-banner-hold="${hold.id}"]`);
  await banner.waitFor({ timeout: LIVE_MS });
  const text = await banner.innerText();
  expect(text).toContain(`${first} in ${room.name} at ${localTime(at)}`);
  expect(text).toContain(`${person} asked to collect ${first}`);
  expect(text).toContain(`${first} stays in care and counted`);
  const link = banner.getByRole("link", { name: `Release ${first}’s hold at the door` });
  expect(await link.getAttribute("href")).toBe(`/centers/${center().id}/door#hold-${hold.id}`);
  // Above the fold, even on a phone: nobody has to scroll to learn a child is held.
  const box = await banner.boundingBox();
  expect(box!.y + box!.height).toBeLessThan(viewport.height);
  expect(await board.locator(".hold-banner [role=alert]").count()).toBe(1);
  await board.screenshot({ path: `${SHOTS}/board-${name}.png` });

  // The Alerts page: the banner, and the hold as a critical alert with its sends.
  await t.service.alerting.whenIdle();
  await other.goto(centerUrl("/alerts"));
  expect(await other.locator(`.hold-banner [data-banner-hold="${hold.id}"]`).count()).toBe(1);
  const row = other.locator(`tr[data-hold-alert="${hold.id}"]`);
  expect(await row.locator(".badge.critical").innerText()).toBe("critical");
  expect(await row.innerText()).toContain(`${person} asked to collect ${first}`);
  const sends = await row
    .locator("[data-send]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-send")));
  expect(new Set(sends)).toEqual(new Set(["in_app", "slack", "sms", "task"]));
  expect(await row.locator('[data-send="in_app"]').innerText()).toContain("sent");
  await other.screenshot({ path: `${SHOTS}/alerts-${name}.png`, fullPage: true });
  expect(await scrollsSideways(other), `alerts on ${name}`).toBe(false);
  expect(await axeFindings(other), "alerts page").toEqual([]);

  // Another page has it in its header too.
  await other.goto(centerUrl("/staff"));
  expect(await other.locator(`.hold-banner [data-banner-hold="${hold.id}"]`).count()).toBe(1);

  // The link leads to the hold's release form; the label's words pick the outcome.
  await other.goto(centerUrl("/alerts"));
  await other
    .locator(".hold-banner")
    .getByRole("link", { name: `Release ${first}’s hold` })
    .click();
  await other.waitForURL(`**/door#hold-${hold.id}`);
  const card = other.locator(`[data-hold="${hold.id}"]`);
  expect(await axeFindings(other), "door page").toEqual([]);
  expect(await scrollsSideways(other), `door on ${name}`).toBe(false);
  const left = card.getByRole("radio", {
    name: `I confirmed this person; ${first} left with them`,
  });
  const stayed = card.getByRole("radio", { name: `${first} stayed with us` });
  expect(await stayed.isChecked()).toBe(true);
  await card.getByText(`I confirmed this person; ${first} left with them`).click();
  expect(await left.isChecked()).toBe(true);
  await card.getByText(`${first} stayed with us`).click();
  expect(await stayed.isChecked()).toBe(true);
  expect(await left.isChecked()).toBe(false);
  expect(await card.getByRole("group", { name: `Where is ${first} now?` }).count()).toBe(1);
  await card.getByLabel("Reason (recorded)").fill("Turned away at the door; a parent was called");
  await card.screenshot({ path: `${SHOTS}/release-form-${name}.png` });
  await Promise.all([
    other.waitForURL(/done=released/),
    card.getByRole("button", { name: "Release hold" }).click(),
  ]);
  expect(await other.locator(".notice").innerText()).toContain("Hold released and recorded.");
  expect(await other.locator("[data-banner-hold]").count()).toBe(0);
  expect(
    listPickupHolds(t.service.ctx.db, center().id).find((h) => h.id === hold.id),
  ).toMatchObject({ state: "released", outcome: "not_handed_over" });

  // The open board drops the banner without a reload.
  await expect
    .poll(() => board.locator("[data-banner-hold]").count(), { timeout: LIVE_MS })
    .toBe(0);
  await board.screenshot({ path: `${SHOTS}/board-after-${name}.png` });
  await context.close();
}

describeInBrowser("a pick-up hold is impossible to miss", () => {
  it("on a desktop: banner live on the board, on Alerts and elsewhere; released by the form", async () => {
    await walk("desktop", DESKTOP);
  }, 60_000);

  it("on a 390×844 phone, the same", async () => {
    await walk("phone", PHONE);
  }, 60_000);

  it("raised no script error on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
