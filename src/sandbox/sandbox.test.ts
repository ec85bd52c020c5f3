import { describe, expect, it } from "vitest";
import { presenceSnapshotSchema } from "../domain/index.js";
import { instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";
import { createSandbox } from "./sandbox.js";
import { worldIndex } from "./world.js";

const DATE = "2026-11-23"; // Monday

describe("createSandbox", () => {
  it("is deterministic: same seed and date give the same deliveries byte for byte", () => {
    const a = createSandbox({ seed: 7, date: DATE }).playDay();
    const b = createSandbox({ seed: 7, date: DATE }).playDay();
    expect(a.length).toBeGreaterThan(300);
    expect(b.map((d) => [d.webhookId, d.eventId, d.body])).toEqual(
      a.map((d) => [d.webhookId, d.eventId, d.body]),
    );
    const c = createSandbox({ seed: 8, date: DATE }).playDay();
    expect(c.map((d) => d.body)).not.toEqual(a.map((d) => d.body));
    expect(c[0]!.webhookId).not.toBe(a[0]!.webhookId);
  });

  it("starts the clock at 06:00 local of the earliest center and never moves it back", () => {
    const sb = createSandbox({ date: DATE });
    // Chicago's 06:00 comes before Los Angeles's.
    expect(sb.now().toISOString()).toBe(
      zonedDateTimeToInstant(DATE, "06:00", "America/Chicago").toISOString(),
    );
    sb.advanceTo(new Date("2026-11-23T15:00:00Z"));
    expect(sb.advanceTo(new Date("2026-11-23T13:00:00Z"))).toEqual([]);
    expect(sb.now().toISOString()).toBe("2026-11-23T15:00:00.000Z");
  });

  it("delivers each event once, in order, only when due", () => {
    const sb = createSandbox({ date: DATE });
    const cut = new Date("2026-11-23T17:00:00Z");
    const first = sb.advanceTo(cut);
    expect(first.every((d) => Date.parse(d.occurredAt) <= cut.getTime())).toBe(true);
    const rest = sb.playDay();
    expect(rest.every((d) => Date.parse(d.occurredAt) > cut.getTime())).toBe(true);
    const all = [...first, ...rest];
    expect(all).toHaveLength(sb.plan.events.length);
    const times = all.map((d) => Date.parse(d.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(sb.playDay()).toEqual([]);
  });

  it("has a non-empty, consistent truth mid-morning and an empty one at the end of the day", () => {
    const sb = createSandbox({ date: DATE });
    const index = worldIndex(sb.world);
    for (const center of sb.world.centers) {
      const at = zonedDateTimeToInstant(DATE, "10:15", center.timeZone);
      const sandbox = createSandbox({ date: DATE });
      const delivered = sandbox.advanceTo(at).filter((d) => d.centerId === center.id);
      const snap = presenceSnapshotSchema.parse(sandbox.truth(center.id));
      expect(snap.asOf).toBe(at.toISOString());
      expect(snap.children.length).toBeGreaterThan(35);
      expect(snap.staff.length).toBeGreaterThanOrEqual(10);
      // Consistent with what was delivered: net check-ins equal the children present.
      const net = delivered.reduce(
        (n, d) =>
          n +
          (d.event.kind === "child.checked_in" ? 1 : d.event.kind === "child.checked_out" ? -1 : 0),
        0,
      );
      expect(snap.children).toHaveLength(net);
      for (const c of snap.children) {
        expect(index.rooms.get(c.roomId)?.centerId).toBe(center.id);
        expect(index.children.get(c.childId)?.centerId).toBe(center.id);
      }
      for (const s of snap.staff) {
        expect(index.staff.get(s.staffId)?.centerId).toBe(center.id);
        if (s.roomId !== null) expect(index.rooms.get(s.roomId)?.centerId).toBe(center.id);
      }
      // School-age children are at school mid-morning.
      const schoolRoom = center.rooms.find((r) => r.ageGroup === "school_age")!.id;
      expect(snap.children.filter((c) => c.roomId === schoolRoom)).toEqual([]);
    }
    sb.playDay();
    for (const center of sb.world.centers) {
      expect(sb.truth(center.id)).toMatchObject({ children: [], staff: [] });
    }
  });

  it("withholds dropped deliveries but still applies their events to the truth", () => {
    const sb = createSandbox({
      date: DATE,
      drop: (d) => d.event.kind === "child.checked_in" && d.centerId === "center_001",
    });
    const at = zonedDateTimeToInstant(DATE, "10:00", "America/Los_Angeles");
    const delivered = sb.advanceTo(at);
    expect(
      delivered.some((d) => d.centerId === "center_001" && d.event.kind === "child.checked_in"),
    ).toBe(false);
    expect(sb.withheld().length).toBeGreaterThan(30);
    // The truth saw every withheld check-in (less the school-age children gone on the bus).
    const busOut = delivered.filter(
      (d) => d.centerId === "center_001" && d.event.kind === "child.checked_out",
    ).length;
    expect(busOut).toBeGreaterThan(0);
    expect(sb.truth("center_001").children.length).toBe(sb.withheld().length - busOut);
    // Switching the filter off resumes deliveries.
    sb.dropWebhooks(null);
    const later = sb.playDay();
    expect(
      later.some((d) => d.centerId === "center_001" && d.event.kind === "child.checked_in"),
    ).toBe(true);
    expect(sb.played().length).toBe(sb.plan.events.length);
  });

  it("moves to the next open day with its own plan, skipping the weekend", () => {
    const sb = createSandbox({ date: "2026-11-27" }); // Friday
    const first = sb.plan;
    const rest = sb.nextDay();
    expect(rest.length).toBe(first.events.length);
    expect(sb.date).toBe("2026-11-30");
    expect(sb.plan.date).toBe("2026-11-30");
    expect(sb.now().toISOString()).toBe(new Date(sb.plan.startsAt).toISOString());
    expect(instantToZoned(sb.now(), "America/Chicago").time).toBe("06:00");
    expect(sb.playDay().length).toBe(sb.plan.events.length);
    // Six per center: the four of every day and the two stretches out of ratio they cause.
    expect(sb.plan.scenarios).toHaveLength(12);
  });

  it("starts a weekend date on the following Monday, when the centers open", () => {
    const sb = createSandbox({ date: "2026-11-28" }); // Saturday
    expect(sb.date).toBe("2026-11-30");
    expect(sb.plan.events.length).toBeGreaterThan(300);
  });

  it("rejects a malformed date", () => {
    expect(() => createSandbox({ date: "23/11/2026" })).toThrow(RangeError);
  });
});
