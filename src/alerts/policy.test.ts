import { describe, expect, it } from "vitest";
import { alertPolicySchema, defaultAlertPolicy, kindOf, severityRank } from "./policy.js";

describe("alert policy", () => {
  it("defaults to the issue's routing", () => {
    expect(defaultAlertPolicy.rules).toEqual({
      approaching: { channels: ["in_app", "task"], roles: ["lead_teacher"] },
      violation: { channels: ["in_app", "slack"], roles: ["director"] },
      critical: { channels: ["in_app", "sms"], roles: ["director", "assistant_director"] },
    });
    expect(defaultAlertPolicy.escalateAfterMinutes).toBe(10);
    expect(defaultAlertPolicy.shadowMode).toBe(false);
    expect(defaultAlertPolicy.escalation.violation).toEqual({
      channels: ["sms"],
      roles: ["director"],
    });
  });

  it("refuses phone numbers that are not E.164 and unknown channels", () => {
    const bad = alertPolicySchema.safeParse({ recipients: { director: [{ phone: "555-1234" }] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["recipients", "director", 0, "phone"]);
    const channel = alertPolicySchema.safeParse({
      rules: {
        approaching: { channels: ["pager"] },
        violation: { channels: ["slack"] },
        critical: { channels: ["sms"] },
      },
    });
    expect(channel.success).toBe(false);
  });

  it("maps statuses to kinds and ranks", () => {
    expect(kindOf("critical")).toBe("out_of_ratio");
    expect(kindOf("approaching")).toBe("approaching");
    expect(kindOf("ok")).toBeNull();
    expect(severityRank("critical")).toBeGreaterThan(severityRank("violation"));
    expect(severityRank(null)).toBe(0);
  });
});
