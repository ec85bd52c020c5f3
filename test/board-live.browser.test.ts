/**
 * @module
 * Issue 18, the director's moment of risk, on the signed-in room board in a real browser (Debian's
 * Chromium) against the real service on the sandbox day, on a desktop and on a 390×844 phone:
 * sign-in lands in the app; the board keeps refreshing while focus is inside a card (a rule's ▸
 * open, or on Acknowledge) and says when it last heard the server; trouble comes first (a
 * one-line summary, the room out of ratio on top, every status in words and a shape); a room
 * going out of ratio and a pick-up hold change the tab title, beep and are announced; a suggested
 * move becomes a `staff_reassignment` approval from the board; and when the service goes away the
 * board says so within seconds. Screenshots go to test/output/board/ (gitignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DomainEvent, RoomState } from "../src/domain/index.js";
import { applyEvents } from "../src/live/apply.js";
import { roomStates } from "../src/live/index.js";
import { listApprovals } from "../src/storage/approvals.js";
import { inTransaction } from "../src/storage/db.js";
import { listPickupHolds } from "../src/storage/door.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, playUntil, violationScenario, type WebHarness } from "./support/web.js";

const SHOTS = join(import.meta.dirname, "output", "board");
/** Counts Web Audio beeps without touching the page's own code. */
const countBeeps = `
  window.__beeps = 0;
  const make = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__beeps++; return make.call(this); };
`;

let t: TestService;
let web: WebHarness;
let browser: Browser;
let desktop: BrowserContext;
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

const boardPath = () => `/centers/${scenario.center.id}`;

async function signIn(context: BrowserContext, role: "director" | "assistant_director") {
  const p = await context.newPage();
  p.on("pageerror", (e) => pageErrors.push(e.message));
  const user = web.user(role);
  await p.goto(`${web.url}/sign-in`);
  await p.getByLabel("Email").fill(user.email);
  await p.getByLabel("Password").fill(user.password as string);
  await Promise.all([
    p.waitForURL((url) => url.pathname !== "/sign-in"),
    p.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return p;
}

/** Children, staff per room card as shown, in page order. */
function shownCounts(p: Page) {
  return p.locator("[data-room]").evaluateAll((cards) =>
    cards.map((card) => ({
      room: card.getAttribute("data-room") ?? "",
      children: Number(card.querySelector('[data-count="children"]')?.textContent),
      staff: Number(card.querySelector('[data-count="staff"]')?.textContent),
    })),
  );
}

async function apiCounts() {
  const res = await t.api(`/api/centers/${scenario.center.id}/rooms`);
  const { rooms } = (await res.json()) as { rooms: RoomState[] };
  return rooms.map((r) => ({
    room: r.id,
    children: r.counts.children,
    staff: r.counts.staffPresent,
  }));
}

const byRoom = <T extends { room: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.room.localeCompare(b.room));
const activeId = (p: Page) => p.evaluate("document.activeElement && document.activeElement.id");

describeInBrowser("the director's moment of risk on the room board", () => {
  it("signs in to the app: the director of two centers gets the list, one center its board", async () => {
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await desktop.addInitScript({ content: countBeeps });
    page = await signIn(desktop, "director");
    expect(new URL(page.url()).pathname).toBe("/centers");
    const listed = page.locator("[data-center-link]");
    expect(await listed.count()).toBe(2);
    expect(await listed.first().innerText()).toContain(scenario.center.name);
    expect(await listed.first().locator(".summary").innerText()).toMatch(/in ratio|at limit/);

    const single = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const assistant = await signIn(single, "assistant_director");
    expect(new URL(assistant.url()).pathname).toBe(boardPath());
    await single.close();

    // The all-centers board links into the app.
    await page.goto(`${web.url}/`);
    expect(await page.locator(".open-links a").first().getAttribute("href")).toBe(boardPath());

    await page.goto(`${web.url}${boardPath()}`);
    await expect.poll(() => page.locator("#live").textContent(), { timeout: 10_000 }).toBe("live");
    expect(await page.locator("#live-updated").textContent()).toMatch(/^updated \d\d:\d\d:\d\d$/);
  });

  it("refreshes while a rule's ▸ is open and focused, keeping focus and the open rule", async () => {
    await page.evaluate("window.__noReload = true");
    const first = page.locator("[data-room]").first();
    const roomId = (await first.getAttribute("data-room")) as string;
    await first.locator("summary").click();
    expect(await activeId(page)).toBe(`rule-${roomId}-summary`);
    const before = await shownCounts(page);

    await playUntil(t, Date.parse(scenario.scenario.at) + 2 * 60_000, 60_000);
    const expected = await apiCounts();
    expect(byRoom(expected)).not.toEqual(byRoom(before));
    await expect
      .poll(async () => byRoom(await shownCounts(page)), { timeout: 10_000, interval: 200 })
      .toEqual(byRoom(expected));
    // Focus and the open rule survived the swap, and the page never reloaded.
    expect(await activeId(page)).toBe(`rule-${roomId}-summary`);
    expect(await page.locator(`#rule-${roomId}`).getAttribute("open")).not.toBeNull();
    expect(await page.evaluate("window.__noReload")).toBe(true);
    await page.screenshot({ path: join(SHOTS, "desktop-focus-kept.png"), fullPage: true });
  });

  it("puts trouble first: the summary line, the room out of ratio on top, words and shapes", async () => {
    const room = scenario.room;
    await expect
      .poll(() => page.locator("[data-room]").first().getAttribute("data-room"), {
        timeout: 10_000,
      })
      .toBe(room.id);
    const summary = await page.locator(".summary").innerText();
    expect(summary).toMatch(/^✖ 1 room out of ratio( · \d+ rooms? at limit)?$/);
    const card = page.locator(`[data-room="${room.id}"]`);
    expect(await card.locator(".status").first().innerText()).toMatch(
      /^✖ Out of ratio \(violation\)/,
    );
    // Every status carries a word and a shape; no two states share a shape.
    const looks = await page.locator(".status[data-status]").evaluateAll((els) =>
      els.map((el) => ({
        status: el.getAttribute("data-status"),
        icon: el.querySelector(".icon")?.textContent,
        word: el.querySelector("strong")?.textContent,
      })),
    );
    const shapes = new Map(looks.map((l) => [l.status, l.icon]));
    expect(new Set(shapes.values()).size).toBe(shapes.size);
    for (const l of looks) expect(l.word?.length, JSON.stringify(l)).toBeGreaterThan(3);
  });

  it("notices a room going out of ratio: tab title, a beep, and an announcement", async () => {
    await expect
      .poll(() => page.title(), { timeout: 10_000 })
      .toMatch(new RegExp(`^\\(1\\) ${scenario.room.name}: out of ratio — Room board`));
    expect(await page.evaluate("window.__beeps")).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => page.locator("#live-alert").textContent())
      .toContain(`${scenario.room.name}: out of ratio`);
    expect(await page.locator("#live-alert").getAttribute("aria-live")).toBe("assertive");
  });

  it("keeps focus on Acknowledge through an update, and notices a pick-up hold", async () => {
    const ack = page.locator(`[data-room="${scenario.room.id}"] .ack button`).first();
    await ack.focus();
    const ackId = (await ack.getAttribute("id")) as string;
    const beeps = Number(await page.evaluate("window.__beeps"));

    // Someone not on the list collects a child: the check-out is held at the door.
    const db = t.service.ctx.db;
    const withChild = roomStates(db, scenario.center.id).find((r) => r.children.length > 0)!;
    const child = withChild.children[0]!;
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
        { source: "webhook", provider: scenario.center.provider, sourceEventId: "board-hold-1" },
        [event],
        new Date().toISOString(),
      ),
    );
    expect(listPickupHolds(db, scenario.center.id).filter((h) => h.state === "open")).toHaveLength(
      1,
    );
    await expect
      .poll(() => page.locator(".summary").innerText(), { timeout: 10_000 })
      .toContain("1 pick-up hold");
    expect(await page.locator(".summary a").getAttribute("href")).toBe(`${boardPath()}/door`);
    expect(await activeId(page)).toBe(ackId);
    expect(await page.title()).toMatch(/^\(2\) Pick-up hold: /);
    expect(Number(await page.evaluate("window.__beeps"))).toBeGreaterThan(beeps);
    await expect
      .poll(() => page.locator("#live-alert").textContent())
      .toContain(`Pick-up hold: ${child.firstName} ${child.lastName} at the door`);
    // Acting on the page counts as having seen it.
    await page.keyboard.press("Shift");
    expect(await page.title()).toBe(`Room board — ${scenario.center.name} · Centerline`);
  });

  it("turns the suggested move into a staff_reassignment approval, refusing a stale one", async () => {
    const db = t.service.ctx.db;
    const card = page.locator(`[data-room="${scenario.room.id}"]`);
    const staffId = (await card.locator("[data-coverage]").getAttribute("data-coverage")) as string;
    const moves = () =>
      listApprovals(db, { centerIds: [scenario.center.id], kinds: ["staff_reassignment"] });
    expect(moves()).toEqual([]);

    // "Approve now" names the content it showed: other content is refused, and nothing is stored.
    const forged = await web.post(
      `${boardPath()}/board/moves`,
      { room: scenario.room.id, staff: staffId, hash: "0".repeat(64), action: "approve" },
      "director",
    );
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe(`${boardPath()}?move=changed`);
    expect(moves()).toEqual([]);

    await Promise.all([
      page.waitForURL((url) => url.searchParams.has("move")),
      card.getByRole("button", { name: /^Approve now/ }).click(),
    ]);
    const [row] = moves();
    expect(row).toMatchObject({
      kind: "staff_reassignment",
      roomId: scenario.room.id,
      subject: staffId,
      platformCall: { op: "staff.assign", staffId, roomId: scenario.room.id },
    });
    expect(["approved", "executed"]).toContain(row!.state);
    expect(new URL(page.url()).searchParams.get("approval")).toBe(String(row!.id));
    expect(await page.locator("[data-move-result]").innerText()).toMatch(/^Move approved/);
    await expect
      .poll(() => page.locator(`[data-room="${scenario.room.id}"] [data-proposed]`).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await page.screenshot({ path: join(SHOTS, "desktop-after-approve.png"), fullPage: true });
  });

  it("on a 390×844 phone, the summary and the first room are above the fold", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const p = await signIn(phone, "director");
    await p.goto(`${web.url}${boardPath()}`);
    await expect.poll(() => p.locator("#live").textContent(), { timeout: 10_000 }).toBe("live");
    // Measured in one go: a live swap between two measurements would detach the first.
    const [summary, firstRoom, firstStatus, nav, holdSlot] = (await p.evaluate(`
      [".summary", "[data-room]", "[data-room] .status", "nav.sections", ".hold-slot"].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { y: r.y, height: r.height };
      })
    `)) as { y: number; height: number }[];
    if (!summary || !firstRoom || !firstStatus || !nav || !holdSlot)
      throw new Error("the board is missing a part");
    // Header and section nav: one row each (the nav scrolls sideways), not half the screen. An open
    // pick-up hold's banner (an earlier test here makes one) sits between them and rightly comes first.
    expect(nav.y + nav.height - holdSlot.height).toBeLessThan(140);
    expect(summary.y + summary.height).toBeLessThan(844);
    expect(firstStatus.y + firstStatus.height).toBeLessThan(844);
    // The header and section nav take well under half the screen now (the hold banner aside).
    expect(firstRoom.y).toBeLessThan(844);
    expect(firstRoom.y - holdSlot.height).toBeLessThan(844 / 2);
    // Nothing is wider than the phone.
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(SHOTS, "phone-board.png") });
    await p.screenshot({ path: join(SHOTS, "phone-board-full.png"), fullPage: true });
    await phone.close();
  });

  it("says plainly when the connection is lost, with the time of the data shown, and recovers", async () => {
    // The browser loses the network: fragments fail, whatever the open stream still says.
    await desktop.setOffline(true);
    await expect
      .poll(() => page.locator("#live").textContent(), { timeout: 20_000, interval: 500 })
      .toMatch(/^connection lost — showing data from \d\d:\d\d:\d\d$/);
    const text = (await page.locator("#live").textContent()) as string;
    expect(await page.locator("#live-updated").textContent()).toBe(`updated ${text.slice(-8)}`);
    // Announced a moment later: the region is emptied first so a screen reader hears the change.
    await expect
      .poll(() => page.locator("#live-polite").textContent(), { timeout: 5_000 })
      .toContain("connection lost");
    await page.screenshot({ path: join(SHOTS, "desktop-connection-lost.png") });

    await desktop.setOffline(false);
    await expect
      .poll(() => page.locator("#live").textContent(), { timeout: 30_000, interval: 500 })
      .toBe("live");
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
