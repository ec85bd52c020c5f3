import { describe, expect, it } from "vitest";
import { startSandboxRunner } from "./runner.js";
import { createSandbox } from "./sandbox.js";
import type { SandboxDelivery } from "./webhooks.js";

const DATE = "2026-11-27"; // a Friday, so the next day is Monday

/** A manual timer and real clock: each `step` advances real time and runs one tick to the end. */
function harness() {
  const timers: (() => void)[] = [];
  let real = 0;
  return {
    setTimer: (fn: () => void) => {
      timers.push(fn);
      return () => {
        const i = timers.indexOf(fn);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    realNow: () => real,
    pending: () => timers.length,
    async step(ms: number) {
      real += ms;
      const fn = timers.shift();
      if (!fn) throw new Error("no tick scheduled");
      fn();
      // The runner schedules its next tick only when this one has finished.
      for (let i = 0; i < 10_000 && timers.length === 0; i++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

describe("startSandboxRunner", () => {
  it("advances the sim clock by real time × speed and delivers due events in order", async () => {
    const sandbox = createSandbox({ date: DATE });
    const reference = createSandbox({ date: DATE });
    const h = harness();
    const got: SandboxDelivery[] = [];
    const runner = startSandboxRunner({
      sandbox,
      speed: 3600, // one real second is one sim hour
      deliver: async (d) => {
        got.push(d);
      },
      setTimer: h.setTimer,
      realNow: h.realNow,
    });
    const start = sandbox.now().getTime();
    await h.step(2000);
    expect(sandbox.now().getTime()).toBe(start + 2 * 3600_000);
    const expected = reference.advanceTo(new Date(start + 2 * 3600_000));
    expect(expected.length).toBeGreaterThan(20);
    expect(got.map((d) => d.body)).toEqual(expected.map((d) => d.body));
    await runner.stop();
    expect(h.pending()).toBe(0);
  });

  it("finishes the day, hands over everything in order, then starts the next open day", async () => {
    const sandbox = createSandbox({ date: DATE });
    const whole = createSandbox({ date: DATE }).playDay();
    const h = harness();
    const got: SandboxDelivery[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const runner = startSandboxRunner({
      sandbox,
      speed: 72,
      deliver: async (d) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        got.push(d);
        inFlight--;
      },
      setTimer: h.setTimer,
      realNow: h.realNow,
    });
    await h.step(5 * 60_000); // 6 sim hours
    await h.step(15 * 60_000); // past the end of the day
    expect(got.map((d) => d.webhookId)).toEqual(whole.map((d) => d.webhookId));
    expect(maxInFlight).toBe(1);
    expect(sandbox.date).toBe("2026-11-30");
    expect(sandbox.now().toISOString()).toBe(new Date(sandbox.plan.startsAt).toISOString());
    await h.step(60_000);
    expect(got.length).toBeGreaterThan(whole.length);
    expect(got.at(-1)!.event.id).toContain("2026-11-30");
    await runner.stop();
  });

  it("keeps going when a delivery fails, and stop() waits for the one in flight", async () => {
    const sandbox = createSandbox({ date: DATE });
    const h = harness();
    let calls = 0;
    let release: () => void = () => {};
    const runner = startSandboxRunner({
      sandbox,
      speed: 3600,
      deliver: async () => {
        calls++;
        if (calls === 1) throw new Error("receiver down");
        if (calls === 3) await new Promise<void>((resolve) => (release = resolve));
      },
      setTimer: h.setTimer,
      realNow: h.realNow,
    });
    // Fire a tick without waiting: the third delivery blocks until released.
    const tick = h.step(3000);
    for (let i = 0; i < 100 && calls < 3; i++) await new Promise((r) => setImmediate(r));
    expect(calls).toBe(3);
    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    // Stopped: the rest of that tick's deliveries were not handed over.
    expect(calls).toBe(3);
    void tick;
  });
});
