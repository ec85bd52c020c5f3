/**
 * @module
 * The live room board (`GET /`) in a real browser (Debian's Chromium): it renders every sandbox
 * center with its rooms, goes live over SSE, and, without a reload, shows signed webhook deliveries
 * within seconds, with the counts the API reports and the sandbox's own truth. Nothing it loads
 * leaves the service's origin.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RoomState } from "../src/domain/index.js";
import { zonedDateTimeToInstant } from "../src/domain/time.js";
import type { Sandbox, SandboxDelivery } from "../src/sandbox/index.js";
import type { RunningService } from "../src/service.js";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";

const SCREENSHOT = "/tmp/board-test.png";
/** The board also refreshes every 10 s; an SSE-driven update must beat that easily. */
const SSE_DEADLINE_MS = 5_000;

let t: TestService;
let service: RunningService;
let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
const requested: string[] = [];
const pageErrors: string[] = [];
/** Fragment fetches (`/board/centers/:center`) the page made, in order. */
const fragmentFetches: string[] = [];
let fragmentsFinished = 0;
/** What arrived on the page's EventSource, seen through the DevTools protocol (page untouched). */
const sseEvents: { event: string; data: string }[] = [];

beforeAll(async () => {
  t = await startTestService();
  service = t.service;
  sandbox = t.sandbox;
  browser = await launchBrowser();
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
  await t?.stop();
});

/** One room card as a viewer reads it: who is listed and what the counts say. */
interface RoomView {
  room: string;
  children: number;
  staff: number;
  childNames: string[];
  staffNames: string[];
}

/** The slice of the DOM's Node that `boardRooms` reads (this project compiles without lib.dom). */
interface TextHolder {
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
}

/** The center's room cards on the page, in page order. */
function boardRooms(centerId: string): Promise<RoomView[]> {
  return page.locator(`[data-center="${centerId}"] [data-room]`).evaluateAll((cards) =>
    cards.map((card) => {
      // A name is the item's own text; role and "on break" are in <small>s beside it.
      const names = (selector: string) =>
        Array.from(card.querySelectorAll(selector) as ArrayLike<TextHolder>, (li) =>
          Array.from(li.childNodes)
            .filter((n) => n.nodeType === 3 /* text */)
            .map((n) => n.textContent)
            .join("")
            .trim(),
        );
      return {
        room: card.getAttribute("data-room") ?? "",
        children: Number(card.querySelector('[data-count="children"]')?.textContent),
        staff: Number(card.querySelector('[data-count="staff"]')?.textContent),
        childNames: names("ul.children li"),
        staffNames: names(".people section:first-child li"),
      };
    }),
  );
}

/** The same, as `GET /api/centers/:center/rooms` reports it. */
async function apiRooms(centerId: string): Promise<RoomView[]> {
  const res = await t.api(`/api/centers/${encodeURIComponent(centerId)}/rooms`);
  expect(res.status).toBe(200);
  const { rooms } = (await res.json()) as { rooms: RoomState[] };
  return rooms.map((r) => ({
    room: r.id,
    children: r.counts.children,
    staff: r.counts.staffPresent,
    childNames: r.children.map((k) => `${k.firstName} ${k.lastName}`),
    staffNames: r.staff.map((k) => `${k.firstName} ${k.lastName}`),
  }));
}

/** The sandbox's own record of who is where: counts per room, every room listed. */
function truthCounts(centerId: string): { room: string; children: number; staff: number }[] {
  const center = sandbox.world.centers.find((c) => c.id === centerId)!;
  const truth = sandbox.truth(centerId);
  return center.rooms.map((room) => ({
    room: room.id,
    children: truth.children.filter((c) => c.roomId === room.id).length,
    staff: truth.staff.filter((s) => s.roomId === room.id && !s.onBreak).length,
  }));
}

async function deliver(d: SandboxDelivery): Promise<{ status: number; body: unknown }> {
  const headers = sandbox.signDelivery(d, t.secrets[d.provider], Math.floor(Date.now() / 1000));
  const res = await fetch(`${service.url}/webhooks/${d.provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: d.body,
  });
  return { status: res.status, body: await res.json() };
}

describeInBrowser("the live room board", () => {
  it("renders both sandbox centers with five empty rooms each, then goes live", async () => {
    expect(sandbox.world.centers).toHaveLength(2);
    await page.goto(`${service.url}/`);
    // Signed out, the board sends the browser to sign in; signing in lands in the app (the
    // director has two centers: their list), which links back to this board.
    await expect.poll(() => page.title()).toBe("Sign in — Centerline");
    const director = t.users.find((u) => u.role === "director")!;
    await page.fill("#email", director.email);
    await page.fill("#password", director.password!);
    await page.press("#password", "Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/centers");
    await page.getByRole("link", { name: "Open room board of every center" }).click();
    await expect.poll(() => page.title()).toBe("Centerline — live room board");
    // The open board links into the app, one center at a time.
    expect(
      await page
        .locator(".open-links a")
        .evaluateAll((els) => els.map((a) => a.getAttribute("href"))),
    ).toEqual(sandbox.world.centers.map((c) => `/centers/${c.id}`));

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
      const empty = center.rooms.map((r) => ({
        room: r.id,
        children: 0,
        staff: 0,
        childNames: [],
        staffNames: [],
      }));
      expect(await boardRooms(center.id)).toEqual(empty);
      expect(await apiRooms(center.id)).toEqual(empty);
    }

    await expect.poll(() => page.locator("#live").textContent(), { timeout: 10_000 }).toBe("live");
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
    const truth = centers.map((c) => truthCounts(c.id));
    for (const [i, rooms] of truth.entries()) {
      expect(
        rooms.some((r) => r.children > 0),
        centers[i]!.id,
      ).toBe(true);
    }
    // The service projects accepted deliveries just after answering them: wait for the API to agree
    // with the sandbox, then for the page to agree with the API.
    const api = () => Promise.all(centers.map((c) => apiRooms(c.id)));
    await expect
      .poll(
        async () =>
          (await api()).map((rooms) =>
            rooms.map(({ room, children, staff }) => ({ room, children, staff })),
          ),
        { timeout: 2_000, interval: 50 },
      )
      .toEqual(truth);
    // The board lists rooms by trouble, the API by directory: compare room by room.
    const byRoom = (rooms: RoomView[]) => [...rooms].sort((a, b) => a.room.localeCompare(b.room));
    const expected = (await api()).map(byRoom);
    // The whole board catches up well inside the 10 s poll: the stream is what carried it.
    await expect
      .poll(async () => (await Promise.all(centers.map((c) => boardRooms(c.id)))).map(byRoom), {
        timeout: SSE_DEADLINE_MS,
        interval: 100,
      })
      .toEqual(expected);
    expect(Date.now() - posted).toBeLessThan(SSE_DEADLINE_MS);

    // The stream said which centers changed, and the page fetched their fragments because of it.
    const changed = new Set(
      sseEvents
        .filter((e) => e.event === "rooms")
        .map((e) => (JSON.parse(e.data) as { centerId: string }).centerId),
    );
    expect(changed).toEqual(new Set(centers.map((c) => c.id)));
    const later = fragmentFetches.slice(fetchesBefore).map((u) => new URL(u).pathname);
    expect(new Set(later)).toEqual(
      new Set(centers.map((c) => `/board/centers/${encodeURIComponent(c.id)}`)),
    );
    expect(sseEvents.filter((e) => e.event === "hello")).toHaveLength(1);
    expect(await page.evaluate("window.__noReload")).toBe(true);
    expect(await page.locator("#live").textContent()).toBe("live");

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
    for (const center of centers) {
      for (const view of await boardRooms(center.id)) {
        expect(view.childNames, view.room).toHaveLength(view.children);
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
