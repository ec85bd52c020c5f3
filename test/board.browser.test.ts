/**
 * @module
 * The live room board (`GET /`) in a real browser (Debian's Chromium): it renders every sandbox
 * center with its rooms, goes live over SSE, and, without a reload, shows signed webhook deliveries
 * within seconds, with the counts the API reports and the sandbox's own truth. Nothing it loads
 * leaves the service's origin.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/index.js";
import type { RoomState } from "../src/domain/index.js";
import { zonedDateTimeToInstant } from "../src/domain/time.js";
import { generateSecret } from "../src/ingest/standard-webhooks.js";
import { silentLogger } from "../src/logging/index.js";
import type { Sandbox, SandboxDelivery } from "../src/sandbox/index.js";
import { type RunningService, startService } from "../src/service.js";

const SCREENSHOT = "/tmp/board-test.png";
/** The board polls every 10 s when the stream is down; an SSE-driven update must beat it easily. */
const SSE_DEADLINE_MS = 5_000;

let dir: string;
let service: RunningService;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
const secrets = { procare: generateSecret(), kangarootime: generateSecret() };
const requested: string[] = [];
const pageErrors: string[] = [];
/** Fragment fetches (`/board/centers/:center`) the page made, in order. */
const fragmentFetches: string[] = [];
let fragmentsFinished = 0;
/** What arrived on the page's EventSource, seen through the DevTools protocol (page untouched). */
const sseEvents: { event: string; data: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "centerline-board-"));
  service = await startService({
    config: loadConfig({
      PORT: "0",
      DATABASE_PATH: join(dir, "centerline.db"),
      SANDBOX_DATE: "2026-11-23",
      RECONCILE_INTERVAL_SECONDS: "0",
      DIRECTORY_SYNC_INTERVAL_SECONDS: "0",
      LOG_LEVEL: "silent",
      PROCARE_WEBHOOK_SECRETS: secrets.procare,
      KANGAROOTIME_WEBHOOK_SECRETS: secrets.kangarootime,
    }),
    logger: silentLogger,
    // The test delivers webhooks itself, so it knows exactly what the board should show.
    runSandbox: false,
  });
  sandbox = service.sandbox!;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // Chromium's own background traffic would otherwise hit this machine's closed network.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (request) => {
    requested.push(request.url());
    if (new URL(request.url()).pathname.startsWith("/board/centers/")) {
      fragmentFetches.push(request.url());
    }
  });
  page.on("requestfinished", (request) => {
    if (new URL(request.url()).pathname.startsWith("/board/centers/")) fragmentsFinished++;
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  cdp = await page.context().newCDPSession(page);
  cdp.on("Network.eventSourceMessageReceived", (message) => {
    sseEvents.push({ event: message.eventName, data: message.data });
  });
  await cdp.send("Network.enable");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function apiRooms(centerId: string): Promise<RoomState[]> {
  const res = await fetch(`${service.url}/api/centers/${encodeURIComponent(centerId)}/rooms`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { rooms: RoomState[] }).rooms;
}

/** Child counts per room as the page shows them, in page order. */
function boardCounts(centerId: string): Promise<{ room: string; children: number }[]> {
  return page.locator(`[data-center="${centerId}"] [data-room]`).evaluateAll((cards) =>
    cards.map((card) => ({
      room: card.getAttribute("data-room") ?? "",
      children: Number(card.querySelector('[data-count="children"]')?.textContent),
    })),
  );
}

/** The sandbox's own record of who is where: children per room, every room listed. */
function truthCounts(centerId: string): { room: string; children: number }[] {
  const center = sandbox.world.centers.find((c) => c.id === centerId)!;
  const children = sandbox.truth(centerId).children;
  return center.rooms.map((room) => ({
    room: room.id,
    children: children.filter((c) => c.roomId === room.id).length,
  }));
}

async function deliver(d: SandboxDelivery): Promise<{ status: number; body: unknown }> {
  const headers = sandbox.signDelivery(d, secrets[d.provider], Math.floor(Date.now() / 1000));
  const res = await fetch(`${service.url}/webhooks/${d.provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: d.body,
  });
  return { status: res.status, body: await res.json() };
}

describe("the live room board", { timeout: 60_000 }, () => {
  it("renders both sandbox centers with five empty rooms each, then goes live", async () => {
    expect(sandbox.world.centers).toHaveLength(2);
    await page.goto(`${service.url}/`);
    await expect.poll(() => page.title()).toBe("Centerline — live room board");

    for (const center of sandbox.world.centers) {
      const section = page.locator(`[data-center="${center.id}"]`);
      expect(await section.locator("h2").textContent()).toContain(center.name);
      const cards = section.locator("[data-room]");
      expect(await cards.count()).toBe(5);
      // Same rooms, same order as the platform's directory.
      expect(
        await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-room"))),
      ).toEqual(center.rooms.map((r) => r.id));
      for (const room of center.rooms) {
        expect(await section.locator(`[data-room="${room.id}"] h3`).textContent()).toBe(room.name);
      }
      // No event has been delivered: nobody is anywhere, on the page or in the API.
      expect((await boardCounts(center.id)).map((r) => r.children)).toEqual([0, 0, 0, 0, 0]);
      expect(await section.locator("ul.children li").count()).toBe(0);
      expect((await apiRooms(center.id)).map((r) => r.counts.children)).toEqual([0, 0, 0, 0, 0]);
    }

    await expect
      .poll(() => page.locator("#live").textContent(), { timeout: 10_000 })
      .toBe("live: updates as events arrive");
    // Going live refreshes every center once; let that settle so later fetches are the stream's.
    await expect
      .poll(() => new Set(fragmentFetches).size, { timeout: 10_000 })
      .toBe(sandbox.world.centers.length);
    await expect.poll(() => fragmentsFinished, { timeout: 10_000 }).toBe(fragmentFetches.length);
    expect(sseEvents.filter((e) => e.event === "hello")).toHaveLength(1);
  });

  it("shows delivered webhooks within seconds over SSE, as the API and the sandbox truth say", async () => {
    // A marker the page loses if it reloads: the update must come from swapping fragments in.
    await page.evaluate("window.__noReload = true");
    const fetchesBefore = fragmentFetches.length;
    const [first, second] = sandbox.world.centers;
    // Opening hour: 08:00 at the first center (10:00 at the second) has children and staff in.
    const deliveries = sandbox.advanceTo(
      zonedDateTimeToInstant(sandbox.date, "08:00", first!.timeZone),
    );
    expect(new Set(deliveries.map((d) => d.provider))).toEqual(
      new Set(["procare", "kangarootime"]),
    );

    for (const d of deliveries) {
      const { status, body } = await deliver(d);
      expect({ status, body }, `${d.provider} ${d.event.kind} ${d.webhookId}`).toMatchObject({
        status: 200,
        body: { status: "accepted" },
      });
    }
    const posted = Date.now();

    const centers = [first!, second!];
    const expected = centers.map((c) => truthCounts(c.id));
    for (const [i, counts] of expected.entries()) {
      expect(
        counts.some((r) => r.children > 0),
        centers[i]!.id,
      ).toBe(true);
    }
    // The whole board catches up well inside the 10 s poll: the stream is what carried it.
    await expect
      .poll(() => Promise.all(centers.map((c) => boardCounts(c.id))), {
        timeout: SSE_DEADLINE_MS,
        interval: 100,
      })
      .toEqual(expected);
    expect(Date.now() - posted).toBeLessThan(SSE_DEADLINE_MS);
    for (const [i, center] of centers.entries()) {
      const api = await apiRooms(center.id);
      expect(api.map((r) => ({ room: r.id, children: r.counts.children }))).toEqual(expected[i]);
    }

    // The stream said which centers changed, and the page fetched their fragments because of it.
    const changed = new Set(
      sseEvents
        .filter((e) => e.event === "rooms")
        .map((e) => (JSON.parse(e.data) as { centerId: string }).centerId),
    );
    expect(changed).toEqual(new Set([first!.id, second!.id]));
    const later = fragmentFetches.slice(fetchesBefore).map((u) => new URL(u).pathname);
    expect(new Set(later)).toEqual(
      new Set([first!.id, second!.id].map((id) => `/board/centers/${encodeURIComponent(id)}`)),
    );
    expect(sseEvents.filter((e) => e.event === "hello")).toHaveLength(1);
    expect(await page.evaluate("window.__noReload")).toBe(true);
    expect(await page.locator("#live").textContent()).toBe("live: updates as events arrive");

    // A child the truth has in a room is listed in that room's card, and in no other.
    const inRoom = sandbox.truth(first!.id).children[0]!;
    const child = first!.children.find((c) => c.id === inRoom.childId)!;
    const name = `${child.firstName} ${child.lastName}`;
    const section = page.locator(`[data-center="${first!.id}"]`);
    const listed = (roomId: string) =>
      section.locator(`[data-room="${roomId}"] ul.children li`).allInnerTexts();
    expect(await listed(inRoom.roomId)).toContain(name);
    for (const room of first!.rooms.filter((r) => r.id !== inRoom.roomId)) {
      expect(await listed(room.id), room.id).not.toContain(name);
    }
    // Every count matches the names listed under it.
    for (const center of [first!, second!]) {
      for (const { room, children } of await boardCounts(center.id)) {
        const names = await page
          .locator(`[data-center="${center.id}"] [data-room="${room}"] ul.children li`)
          .count();
        expect(names, room).toBe(children);
      }
    }
    // The swapped-in fragment carries the sandbox clock too: 08:00 local at the first center.
    expect(await section.locator(".clock").textContent()).toContain(`${sandbox.date} 08:00`);
  });

  it("raised no page errors and made no request outside the service's origin", async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const origin = new URL(service.url).origin;
    const outside = requested.filter(
      (url) =>
        !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
    );
    expect(requested).toContain(`${service.url}/board/stream`);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
