import { describe, expect, it } from "vitest";
import { defaultAlertPolicy } from "../alerts/policy.js";
import { getRulePack } from "../rules/packs/index.js";
import {
  alertPolicyFromForm,
  centerHoursFromForm,
  centerPolicyFromForm,
  packBands,
} from "./settings-form.js";

const pack = getRulePack("US-CA")!;
const [first, second] = packBands(pack);

describe("centerPolicyFromForm", () => {
  it("keeps only the bands given, stricter than the pack, with max group optional", () => {
    const result = centerPolicyFromForm(pack, {
      [`band.${first!.id}.ratio`]: String(first!.ratio - 1),
      [`band.${second!.id}.ratio`]: "",
      [`band.${second!.id}.maxGroup`]: "",
      violationCriticalAfterMinutes: "10",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        bands: { [first!.id]: { ratio: first!.ratio - 1, maxGroup: null } },
        violationCriticalAfterMinutes: 10,
      },
    });
  });

  it("refuses a looser ratio or group, a max group without a ratio, and non-numbers, naming each field", () => {
    const result = centerPolicyFromForm(pack, {
      [`band.${first!.id}.ratio`]: String(first!.ratio + 1),
      [`band.${second!.id}.maxGroup`]: "3",
      violationCriticalAfterMinutes: "soon",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[`band.${first!.id}.ratio`]).toBe(
      `${first!.label}: 1:${first!.ratio + 1} would loosen the pack's 1:${first!.ratio}; a center may only tighten`,
    );
    expect(result.errors[`band.${second!.id}.ratio`]).toContain("give a ratio too");
    expect(result.errors.violationCriticalAfterMinutes).toBe(
      "Minutes before a violation is critical must be a whole number",
    );
    const withGroup = packBands(pack).find((b) => b.maxGroup !== null)!;
    const group = centerPolicyFromForm(pack, {
      [`band.${withGroup.id}.ratio`]: "1",
      [`band.${withGroup.id}.maxGroup`]: String(withGroup.maxGroup! + 1),
    });
    expect(group.ok ? {} : group.errors).toEqual({
      [`band.${withGroup.id}.maxGroup`]: `${withGroup.label}: a group of ${withGroup.maxGroup! + 1} would loosen the pack's ${withGroup.maxGroup}; a center may only tighten`,
    });
    const fraction = centerPolicyFromForm(pack, { [`band.${first!.id}.ratio`]: "1.5" });
    expect(fraction.ok ? {} : fraction.errors).toEqual({
      [`band.${first!.id}.ratio`]: `${first!.label} ratio must be a whole number`,
    });
  });
});

describe("alertPolicyFromForm", () => {
  const form = {
    shadowMode: "on",
    escalateAfterMinutes: "20",
    coolDownMinutes: "3",
    "rules.approaching.channels": "in_app",
    "rules.violation.channels": ["in_app", "slack"],
    "rules.critical.channels": ["sms"],
    slackWebhookUrl: "",
  };

  it("applies the form over the current policy, keeping roles and recipients", () => {
    const current = {
      ...defaultAlertPolicy,
      recipients: { director: [{ phone: "+15550100001" }] },
    };
    const result = alertPolicyFromForm(current, form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.shadowMode).toBe(true);
    expect(result.value.escalateAfterMinutes).toBe(20);
    expect(result.value.coolDownMinutes).toBe(3);
    expect(result.value.rules.critical).toEqual({
      channels: ["sms"],
      roles: defaultAlertPolicy.rules.critical.roles,
    });
    expect(result.value.recipients).toEqual(current.recipients);
    expect(result.value.slackWebhookUrl).toBeUndefined();
    // Unticked shadow mode turns it off.
    const off = alertPolicyFromForm(current, { ...form, shadowMode: "" });
    expect(off.ok && off.value.shadowMode).toBe(false);
  });

  it("names every bad field: no channel, an unknown channel, minutes out of range, a bad URL", () => {
    const result = alertPolicyFromForm(defaultAlertPolicy, {
      ...form,
      escalateAfterMinutes: "0",
      coolDownMinutes: "61",
      "rules.approaching.channels": [],
      "rules.violation.channels": ["pigeon"],
      slackWebhookUrl: "not a url",
    });
    expect(result.ok ? {} : result.errors).toEqual({
      escalateAfterMinutes: "Escalate after (minutes) must be at least 1",
      coolDownMinutes: "Cool-down (minutes) must be at most 60",
      "rules.approaching.channels": "approaching: pick at least one channel",
      "rules.violation.channels": "violation: unknown channel pigeon",
      slackWebhookUrl: "Slack webhook: expected a URL such as https://hooks.slack.com/services/…",
    });
  });
});

describe("centerHoursFromForm", () => {
  it("reads each weekday's hours; a day left blank is closed", () => {
    const parsed = centerHoursFromForm({
      "hours.mon.opensAt": "06:30",
      "hours.mon.closesAt": "18:00",
      "hours.sat.opensAt": " 08:00 ",
      "hours.sat.closesAt": "12:00",
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        mon: { opensAt: "06:30", closesAt: "18:00" },
        tue: null,
        wed: null,
        thu: null,
        fri: null,
        sat: { opensAt: "08:00", closesAt: "12:00" },
        sun: null,
      },
    });
  });

  it("names each bad field in the director's words", () => {
    const parsed = centerHoursFromForm({
      "hours.mon.opensAt": "6.30",
      "hours.mon.closesAt": "18:00",
      "hours.tue.opensAt": "18:00",
      "hours.tue.closesAt": "06:00",
      "hours.wed.opensAt": "07:00",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      "hours.mon.opensAt": "Monday: opening time as HH:MM, e.g. 06:30",
      "hours.tue.closesAt": "Tuesday: closes at 06:00, before it opens at 18:00",
      "hours.wed.closesAt": "Wednesday: closing time as HH:MM, e.g. 18:00",
    });
  });
});
