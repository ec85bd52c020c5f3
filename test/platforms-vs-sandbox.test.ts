/**
 * The real Procare and Kangarootime clients against the sandbox's fake APIs, served through msw:
 * the adapters read the same roster and the same "who is where" that the sandbox plays, so the
 * demo, the tests and the adapters agree on one fake.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdapter } from "../src/platforms/index.js";
import { createSandbox } from "../src/sandbox/index.js";
import { sandboxHandlers } from "../src/sandbox/msw.js";

const sb = createSandbox({ date: "2026-11-23" });
const server = setupServer(...sandboxHandlers(sb, "http://platform.test"));
const client = (provider: "procare" | "kangarootime") =>
  getAdapter(provider).createClient({
    baseUrl: `http://platform.test/sandbox/${provider}`,
    apiKey: sb.apiKey,
    sleep: async () => {},
  });

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  sb.advanceTo(new Date("2026-11-23T17:30:00Z"));
});
afterAll(() => server.close());

const byId = <T extends { childId?: string; staffId?: string }>(a: T, b: T) =>
  (a.childId ?? a.staffId ?? "").localeCompare(b.childId ?? b.staffId ?? "");

describe.each(["procare", "kangarootime"] as const)("%s client against the sandbox", (provider) => {
  const simCenter = () => sb.world.centers.find((c) => c.provider === provider)!;

  it("lists the provider's centers and their whole directory across pages", async () => {
    const c = client(provider);
    const centers = await c.listCenters();
    expect(centers.map((x) => x.id)).toEqual([simCenter().id]);
    const dir = await c.fetchDirectory(simCenter().id);
    expect(dir.rooms).toHaveLength(5);
    expect(dir.children).toHaveLength(simCenter().children.length);
    expect(dir.staff).toHaveLength(simCenter().staff.length);
    expect(dir.children.length).toBeGreaterThan(50);
    expect(dir.center.jurisdiction).toBe(simCenter().jurisdiction);
  });

  it("reads presence equal to the sandbox's truth for staff in rooms and every child", async () => {
    const c = client(provider);
    const roomIds = simCenter().rooms.map((r) => r.id);
    const snapshot = await c.fetchPresence(simCenter().id, roomIds);
    const truth = sb.truth(simCenter().id);
    expect([...snapshot.children].sort(byId)).toEqual([...truth.children].sort(byId));
    // Staff clocked in without a room (the director) appear on no room roster.
    expect([...snapshot.staff].sort(byId)).toEqual(
      truth.staff.filter((s) => s.roomId !== null).sort(byId),
    );
    expect(new Date(snapshot.asOf).getTime()).toBeLessThanOrEqual(sb.now().getTime());
  });

  it("fetches the day's shifts", async () => {
    const shifts = await client(provider).fetchShifts(simCenter().id, "2026-11-23");
    expect(shifts.length).toBe(simCenter().staff.length);
    expect(shifts.every((s) => s.date === "2026-11-23")).toBe(true);
  });
});
