import { describe, expect, it } from "vitest";
import { createRng, hashSeed, rngFor } from "./prng.js";

describe("prng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it("keeps int() within its inclusive bounds and reaches both ends", () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("derives independent streams from labels", () => {
    expect(hashSeed(42, "day", "center_001")).not.toBe(hashSeed(42, "day", "CTR_002"));
    expect(rngFor(42, "x").next()).toBe(rngFor(42, "x").next());
  });

  it("shuffles without losing or inventing items, and weights picks", () => {
    const rng = createRng(3);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    let heavy = 0;
    for (let i = 0; i < 1000; i++) {
      if (
        rng.weighted([
          ["a", 9],
          ["b", 1],
        ]) === "a"
      )
        heavy++;
    }
    expect(heavy).toBeGreaterThan(820);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
