/**
 * @module
 * An axe-core scan (the maintained engine, injected from node_modules) of every signed-in page
 * (each section, an approval item, the quick log) in Chromium, on a desktop and on a 390×844
 * phone, during the sandbox morning's call-out violation with a pick-up hold open: no serious or
 * critical violation, and on the phone no page wider than the screen. And the board under a deuteranopia simulation: `violation` and `approaching` differ
 * in shape and border, not only in colour. Screenshots go to test/output/a11y/ (gitignored).
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { roomsWithRatio } from "../src/compliance/index.js";
import type { DomainEvent } from "../src/domain/index.js";
import { applyEvents } from "../src/live/apply.js";
import { roomStates } from "../src/live/index.js";
import { inTransaction } from "../src/storage/db.js";
import { listChildren } from "../src/storage/directory.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import {
  createWebHarness,
  playUntil,
  proposePending,
  violationScenario,
  type WebHarness,
} from "./support/web.js";

const SHOTS = join(import.meta.dirname, "output", "a11y");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let t: TestService;
let web: WebHarness;
let browser: Browser;
let scenario: ReturnType<typeof violationScenario>;
let seeded: ReturnType<typeof proposePending>;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  scenario = violationScenario(t);
  await playUntil(t, Date.parse(scenario.scenario.at) + 2 * 60_000);
  // A pick-up hold, so the door page and the board's summary have one to show.
  const db = t.service.ctx.db;
  const child = roomStates(db, scenario.center.id).find((r) => r.children.length > 0)!.children[0]!;
  const event: DomainEvent = {
    type: "child.checked_out",
    centerId: scenario.center.id,
    occurredAt: t.service.ctx.clock().toISOString(),
    childId: child.id,
    pickedUpBy: "Zed Nobody",
  };
  inTransaction(db, (tx) =>
    applyEvents(
      tx,
      { source: "webhook", provider: scenario.center.provider, sourceEventId: "a11y-hold-1" },
      [event],
      new Date().toISOString(),
    ),
  );
  fillARoom(t);
  seeded = proposePending(t, scenario.room.id);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

/**
 * Checks absent children into a room that is in ratio until it can take no more, so the board has
 * an `approaching` ("at limit") room beside the violation.
 */
function fillARoom(t: TestService) {
  const db = t.service.ctx.db;
  const centerId = scenario.center.id;
  const present = new Set(roomStates(db, centerId).flatMap((r) => r.children.map((c) => c.id)));
  const absent = listChildren(db, centerId).filter((c) => !present.has(c.id));
  const room = roomsWithRatio(db, centerId).find(
    (r) =>
      r.ratio?.status === "ok" &&
      r.ratio.canTake > 0 &&
      absent.filter((c) => c.homeRoomId === r.id).length >= r.ratio.canTake,
  );
  if (!room?.ratio) throw new Error("no room in ratio with enough absent children to fill it");
  const at = t.service.ctx.clock().toISOString();
  const events: DomainEvent[] = absent
    .filter((c) => c.homeRoomId === room.id)
    .slice(0, room.ratio.canTake)
    .map((c) => ({
      type: "child.checked_in",
      centerId,
      occurredAt: at,
      childId: c.id,
      roomId: room.id,
    }));
  inTransaction(db, (tx) =>
    applyEvents(
      tx,
      { source: "webhook", provider: scenario.center.provider, sourceEventId: "a11y-fill-1" },
      events,
      new Date().toISOString(),
    ),
  );
  t.service.evaluateNow();
}

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const user = web.user("director");
  await page.goto(`${web.url}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password as string);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return page;
}

/** axe's serious and critical findings on the page as it is now. */
async function scan(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(`
    axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
      })),
    )
  `)) as Finding[];
  return result.filter((f) => f.impact === "serious" || f.impact === "critical");
}

/** Every signed-in page of a center (the approval item and the quick log are added per run). */
const sectionPages = {
  board: "",
  approvals: "/approvals",
  alerts: "/alerts",
  door: "/door",
  patterns: "/patterns",
  timeline: "/timeline",
  audit: "/audit",
  staff: "/staff",
  staffing: "/staffing",
  reports: "/reports",
  drills: "/drills",
  settings: "/settings",
} as const;

function everyPage(): Record<string, string> {
  const { message, log } = seeded;
  return {
    ...sectionPages,
    "approval-message": `/approvals/${message.id}`,
    "approval-log": `/approvals/${log.id}`,
    "quick-log": `/rooms/${encodeURIComponent(scenario.room.id)}/quick-log`,
  };
}

/** How far the page is wider than the viewport: a phone must never scroll the whole page sideways. */
const sideways = (page: Page) =>
  page.evaluate(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  ) as Promise<number>;

describeInBrowser("accessibility of every signed-in page", () => {
  for (const [device, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`reports no serious or critical axe violation on a ${device}`, async () => {
      const page = await signedIn(viewport);
      const found: Record<string, Finding[]> = {};
      const wide: Record<string, number> = {};
      const pages = everyPage();
      for (const [name, path] of Object.entries(pages)) {
        const res = await page.goto(`${web.url}/centers/${scenario.center.id}${path}`);
        expect(res?.status(), name).toBe(200);
        await page.screenshot({ path: join(SHOTS, `${device}-${name}.png`), fullPage: true });
        found[name] = await scan(page);
        wide[name] = await sideways(page);
      }
      const none = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
      expect(found).toEqual(none);
      if (device === "phone") {
        expect(wide).toEqual(Object.fromEntries(Object.keys(pages).map((k) => [k, 0])));
      }
      await page.context().close();
    }, 180_000);
  }

  it("tells violation from approaching without colour (deuteranopia simulation)", async () => {
    const page = await signedIn({ width: 1280, height: 900 });
    await page.goto(`${web.url}/centers/${scenario.center.id}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setEmulatedVisionDeficiency", { type: "deuteranopia" });
    await page.screenshot({ path: join(SHOTS, "deuteranopia-board.png"), fullPage: true });
    const look = (status: string) =>
      page
        .locator(`.room.${status}`)
        .first()
        .evaluate((card) => {
          const badge = card.querySelector(".status");
          return {
            icon: badge?.querySelector(".icon")?.textContent,
            word: badge?.querySelector("strong")?.textContent,
            border: (
              globalThis as unknown as {
                getComputedStyle(el: unknown): { borderLeftStyle: string };
              }
            ).getComputedStyle(card).borderLeftStyle,
          };
        });
    const violation = await look("violation");
    const approaching = await look("approaching");
    expect(violation).toEqual({ icon: "✖", word: "Out of ratio", border: "solid" });
    expect(approaching).toEqual({ icon: "▲", word: "At limit", border: "dashed" });
    await page.context().close();
  });
});
