/**
 * @module approvals/expiry
 * When a draft stops being worth sending. Time-bound drafts — "should we expect Sofia later
 * today?", a late pick-up note, a ratio-impact notice — lapse at the end of the local day they
 * are about, so yesterday's question can never be approved today. Per drafting job, as data;
 * `APPROVAL_EXPIRY` overrides it (`job=end_of_day|none`, comma-separated). Pure.
 */
import { z } from "zod";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { AppError, err, ok, type Result } from "../errors/index.js";

export const expiryRuleSchema = z.enum(["end_of_day", "none"]);
export type ExpiryRule = z.infer<typeof expiryRuleSchema>;
export type ExpiryRules = Readonly<Record<string, ExpiryRule>>;

/** The drafting jobs whose drafts are about one day. Anything not listed does not expire. */
export const defaultExpiryRules: ExpiryRules = {
  "absence-follow-up": "end_of_day",
  "late-pickup": "end_of_day",
  "ratio-impact": "end_of_day",
};

/** `absence-follow-up=none,late-pickup=end_of_day` over the defaults; a bad entry names itself. */
export function parseExpiryRules(text: string): Result<ExpiryRules> {
  const rules: Record<string, ExpiryRule> = { ...defaultExpiryRules };
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [job, rule] = part.split("=").map((s) => s.trim());
    const parsed = expiryRuleSchema.safeParse(rule);
    if (!job || !parsed.success) {
      return err(
        new AppError("bad_request", `APPROVAL_EXPIRY: "${part}" is not job=end_of_day|none`),
      );
    }
    rules[job] = parsed.data;
  }
  return ok(rules);
}

/**
 * When a draft of `job` about the local `aboutDate` expires: midnight at the start of the next
 * local day (DST-correct), or null when the job's drafts do not expire.
 */
export function expiryFor(
  rules: ExpiryRules,
  job: string | null,
  aboutDate: string,
  timeZone: string,
): string | null {
  if (job === null || (rules[job] ?? "none") === "none") return null;
  return zonedDateTimeToInstant(addDays(aboutDate, 1), "00:00", timeZone).toISOString();
}

let configured: ExpiryRules = defaultExpiryRules;

/** Set once at start-up from the configuration; proposals read it. */
export function useExpiryRules(rules: ExpiryRules): void {
  configured = rules;
}

export const currentExpiryRules = (): ExpiryRules => configured;
