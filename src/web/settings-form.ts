/**
 * @module web/settings-form
 * Center settings forms → validated policies, with one message per bad field (named as the form
 * names it) so the page can show it beside the input. Pure: nothing is stored here.
 */
import { z } from "zod";
import {
  type AlertPolicy,
  type AlertSeverity,
  alertPolicySchema,
  alertSeveritySchema,
} from "../alerts/policy.js";
import { dayHoursSchema, WEEKDAYS, type WeeklyHours } from "../domain/hours.js";
import type { Weekday } from "../domain/index.js";
import { type CenterPolicy, centerPolicySchema, type RulePack } from "../rules/pack.js";

export type FormValues = Record<string, string | File | (string | File)[]>;
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const one = (form: FormValues, key: string): string => {
  const v = form[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first.trim() : "";
};
const many = (form: FormValues, key: string): string[] => {
  const v = form[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
};

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);

/** Every band of every program of the pack, once (band ids are unique across a pack). */
export function packBands(pack: RulePack) {
  return pack.programs.flatMap((p) => p.bands.map((b) => ({ ...b, program: p.label })));
}

/**
 * The center's ratio policy from the form: `band.<id>.ratio` and `band.<id>.maxGroup` per band
 * (both blank: the pack applies), `violationCriticalAfterMinutes`. A number looser than the pack's
 * is refused: a center may only tighten.
 */
export function centerPolicyFromForm(pack: RulePack, form: FormValues): Parsed<CenterPolicy> {
  const errors: FieldErrors = {};
  const bands: CenterPolicy["bands"] = {};
  for (const band of packBands(pack)) {
    const ratioField = `band.${band.id}.ratio`;
    const groupField = `band.${band.id}.maxGroup`;
    const ratioText = one(form, ratioField);
    const groupText = one(form, groupField);
    if (ratioText === "" && groupText === "") continue;
    if (ratioText === "") {
      errors[ratioField] =
        `${band.label}: give a ratio too (a center policy applies whole), or clear max group`;
      continue;
    }
    const ratio = wholeNumber(`${band.label} ratio`, 1, band.ratio).safeParse(ratioText);
    if (!ratio.success) {
      const loosens = Number(ratioText) > band.ratio;
      errors[ratioField] = loosens
        ? `${band.label}: 1:${ratioText} would loosen the pack's 1:${band.ratio}; a center may only tighten`
        : (ratio.error.issues[0]?.message ?? "invalid");
    }
    let maxGroup: number | null = null;
    if (groupText !== "") {
      const limit = band.maxGroup ?? 500;
      const group = wholeNumber(`${band.label} max group`, 1, limit).safeParse(groupText);
      if (!group.success) {
        errors[groupField] =
          band.maxGroup !== null && Number(groupText) > band.maxGroup
            ? `${band.label}: a group of ${groupText} would loosen the pack's ${band.maxGroup}; a center may only tighten`
            : (group.error.issues[0]?.message ?? "invalid");
      } else {
        maxGroup = group.data;
      }
    }
    if (ratio.success) bands[band.id] = { ratio: ratio.data, maxGroup };
  }
  const minutes = wholeNumber("Minutes before a violation is critical", 1, 240).safeParse(
    one(form, "violationCriticalAfterMinutes") || "5",
  );
  if (!minutes.success) {
    errors.violationCriticalAfterMinutes = minutes.error.issues[0]?.message ?? "invalid";
  }
  if (Object.keys(errors).length > 0 || !minutes.success) return { ok: false, errors };
  return {
    ok: true,
    value: centerPolicySchema.parse({ bands, violationCriticalAfterMinutes: minutes.data }),
  };
}

/** The channels a severity may notify from this page (`platform` is for approved actions). */
export const ruleChannels = ["in_app", "slack", "sms", "task"] as const;

/**
 * The alert policy from the form, applied over the center's current one (recipients and roles
 * are kept as they are): `shadowMode`, `escalateAfterMinutes`, `coolDownMinutes`,
 * `rules.<severity>.channels` (checkboxes), `slackWebhookUrl` (blank: the service default).
 */
export function alertPolicyFromForm(current: AlertPolicy, form: FormValues): Parsed<AlertPolicy> {
  const errors: FieldErrors = {};
  const number = (field: string, label: string, min: number, max: number) => {
    const parsed = wholeNumber(label, min, max).safeParse(one(form, field));
    if (!parsed.success) errors[field] = parsed.error.issues[0]?.message ?? "invalid";
    return parsed.success ? parsed.data : undefined;
  };
  const escalateAfterMinutes = number(
    "escalateAfterMinutes",
    "Escalate after (minutes)",
    1,
    24 * 60,
  );
  const coolDownMinutes = number("coolDownMinutes", "Cool-down (minutes)", 0, 60);
  const rules = { ...current.rules };
  for (const severity of alertSeveritySchema.options as AlertSeverity[]) {
    const field = `rules.${severity}.channels`;
    const chosen = many(form, field);
    const unknown = chosen.filter((c) => !(ruleChannels as readonly string[]).includes(c));
    if (unknown.length > 0) errors[field] = `${severity}: unknown channel ${unknown.join(", ")}`;
    else if (chosen.length === 0) errors[field] = `${severity}: pick at least one channel`;
    else
      rules[severity] = {
        ...current.rules[severity],
        channels: chosen as AlertPolicy["rules"][AlertSeverity]["channels"],
      };
  }
  const slack = one(form, "slackWebhookUrl");
  const { slackWebhookUrl: _previous, ...rest } = current;
  const candidate = {
    ...rest,
    rules,
    shadowMode: one(form, "shadowMode") === "on",
    escalateAfterMinutes: escalateAfterMinutes ?? current.escalateAfterMinutes,
    coolDownMinutes: coolDownMinutes ?? current.coolDownMinutes,
    ...(slack ? { slackWebhookUrl: slack } : {}),
  };
  const parsed = alertPolicySchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".");
      errors[field] ??=
        field === "slackWebhookUrl"
          ? "Slack webhook: expected a URL such as https://hooks.slack.com/services/…"
          : `${field}: ${issue.message}`;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export const weekdayNames: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const localTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The center's opening hours from the form: `hours.<weekday>.opensAt` and `.closesAt` as HH:MM
 * (both blank: closed that day). One message per bad field, in the director's words.
 */
export function centerHoursFromForm(form: FormValues): Parsed<WeeklyHours> {
  const errors: FieldErrors = {};
  const hours: WeeklyHours = {};
  for (const day of WEEKDAYS) {
    const name = weekdayNames[day];
    const opensField = `hours.${day}.opensAt`;
    const closesField = `hours.${day}.closesAt`;
    const opens = one(form, opensField);
    const closes = one(form, closesField);
    if (opens === "" && closes === "") {
      hours[day] = null;
      continue;
    }
    if (!localTime.test(opens)) errors[opensField] = `${name}: opening time as HH:MM, e.g. 06:30`;
    if (!localTime.test(closes)) errors[closesField] = `${name}: closing time as HH:MM, e.g. 18:00`;
    if (errors[opensField] || errors[closesField]) continue;
    const parsed = dayHoursSchema.safeParse({ opensAt: opens, closesAt: closes });
    if (!parsed.success)
      errors[closesField] = `${name}: closes at ${closes}, before it opens at ${opens}`;
    else hours[day] = parsed.data;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: hours };
}
