import { describe, expect, it } from "vitest";
import { assessLatePickup, latePickupPolicySchema } from "./late-pickup.js";

const LA = "America/Los_Angeles";
// 2026-11-23 is PST (UTC-8): 18:00 local is 02:00Z the next day.
const at = (hhmmss: string) => new Date(`2026-11-24T${hhmmss}Z`);
const perMinute = latePickupPolicySchema.parse({
  closesAt: "18:00",
  graceMinutes: 5,
  fee: { per: "minute", amountCents: 100 },
  capCents: 3000,
});

describe("assessLatePickup", () => {
  it("is not late up to the end of the grace, and late one second after", () => {
    expect(assessLatePickup(perMinute, at("01:59:00"), LA)).toMatchObject({
      late: false,
      minutesAfterClose: -1,
      feeCents: 0,
    });
    expect(assessLatePickup(perMinute, at("02:05:00"), LA)).toMatchObject({
      late: false,
      minutesAfterClose: 5,
    });
    expect(assessLatePickup(perMinute, at("02:05:01"), LA)).toMatchObject({
      late: true,
      minutesAfterClose: 6,
      chargedMinutes: 6,
      feeCents: 600,
    });
  });

  it("writes the arithmetic out and applies the cap", () => {
    const r = assessLatePickup(perMinute, at("02:19:00"), LA);
    expect(r).toMatchObject({ pickedUpAt: "18:19", feeCents: 1900, capped: false });
    expect(r.arithmetic).toBe(
      "Picked up at 18:19, 19 minutes after the 18:00 close (grace 5 minutes); 19 minutes charged from the close: 19 × $1.00 per minute = $19.00.",
    );
    const capped = assessLatePickup(perMinute, at("02:45:00"), LA);
    expect(capped).toMatchObject({ feeCents: 3000, capped: true });
    expect(capped.arithmetic).toContain("= $45.00, capped at $30.00.");
  });

  it("charges started blocks, from the end of the grace when the policy says so", () => {
    const blocks = latePickupPolicySchema.parse({
      closesAt: "18:00",
      graceMinutes: 10,
      chargeFrom: "grace_end",
      fee: { per: "block", blockMinutes: 15, amountCents: 1500 },
    });
    expect(assessLatePickup(blocks, at("02:11:00"), LA)).toMatchObject({
      chargedMinutes: 1,
      feeCents: 1500,
    });
    expect(assessLatePickup(blocks, at("02:25:00"), LA)).toMatchObject({
      chargedMinutes: 15,
      feeCents: 1500,
    });
    expect(assessLatePickup(blocks, at("02:26:00"), LA)).toMatchObject({
      chargedMinutes: 16,
      feeCents: 3000,
    });
  });
});
