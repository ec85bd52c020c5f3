/**
 * @module evals/suites/drafting-mistakes/mistakes
 * The known drafting mistakes, each as a change to what a job's template would propose: the
 * scripted model proposes that instead. Pure: clear text in, clear text out (the runner masks it
 * into the run's tokens before the model "writes" it).
 */
import { z } from "zod";

export const mistakeSchema = z.enum([
  "wrong_family",
  "other_child_named",
  "made_up_token",
  "fee_from_snapshot",
  "minutes_off_by_one",
  "raw_report",
  "staff_remark_quoted",
  "doubled_article",
  "twenty_four_hour",
  "fee_arithmetic",
  "negative_days",
  "no_shift_figures",
  "invented_amount",
  "missing_fee",
  "missing_time",
  "invented_date",
  "log_other_child",
]);
export type Mistake = z.infer<typeof mistakeSchema>;

export interface Proposal {
  tool: string;
  input: Record<string, unknown>;
}

export interface MistakeWorld {
  otherFamilyId: string;
  otherChildId: string;
  otherChildName: string;
  /** The job's own description (incident report), for the mistakes that paste it. */
  description: string;
  arithmetic: string;
}

type Body = { subject: string; body: string; familyId: string; childId: string | null };

/** The family-facing part of a proposal: the message itself, or an incident's family note. */
const facing = (p: Proposal): Body =>
  (p.tool === "submit_incident_triage" ? p.input.familyNote : p.input) as Body;

const withBody = (p: Proposal, change: (b: Body) => Body): Proposal =>
  p.tool === "submit_incident_triage"
    ? { ...p, input: { ...p.input, familyNote: change(facing(p)) } }
    : { ...p, input: change(facing(p)) as unknown as Record<string, unknown> };

const edit = (p: Proposal, f: (body: string) => string) =>
  withBody(p, (b) => ({ ...b, body: f(b.body) }));

const summary = (p: Proposal, f: (s: string) => string): Proposal => ({
  ...p,
  input: { ...p.input, summary: f(String(p.input.summary)) },
});

export function applyMistake(m: Mistake, p: Proposal, w: MistakeWorld): Proposal {
  switch (m) {
    case "wrong_family":
      return withBody(p, (b) => ({ ...b, familyId: w.otherFamilyId, childId: w.otherChildId }));
    case "other_child_named":
      return edit(p, (b) => `${b}\n\n${w.otherChildName} was in the same group today.`);
    case "made_up_token":
      return edit(p, (b) => `${b}\n\nYou can also reach us on PHONE_3.`);
    case "fee_from_snapshot":
      return {
        tool: "propose_family_message",
        input: {
          familyId: String(p.input.familyId ?? ""),
          childId: null,
          subject: "Late pick-up",
          body: `Our records show the pick-up at 7:45 PM, 105 minutes after our 6:00 PM close. A late fee of $60.00 applies.`,
        },
      };
    case "minutes_off_by_one":
      return edit(p, (b) =>
        b.replace(
          /(\d{1,2}):(\d{2}) PM, (\d+) minutes after/,
          (_, h, mm, n) => `${h}:${String(Number(mm) - 1).padStart(2, "0")} PM, ${n} minutes after`,
        ),
      );
    case "raw_report":
      return edit(p, () => `Dear family,\n\nOur teacher's report:\n\n${w.description}`);
    case "staff_remark_quoted":
      return edit(p, (b) => `${b}\n\nFrom the report: ${w.description}`);
    case "doubled_article":
      return edit(p, (b) => b.replace(/^Dear (.+?),/, "Dear The $1,"));
    case "twenty_four_hour":
      return edit(p, (b) =>
        b.replace(/\b(\d{1,2}):(\d{2}) PM\b/g, (_, h, mm) => `${(Number(h) % 12) + 12}:${mm}`),
      );
    case "fee_arithmetic":
      return edit(p, (b) => `${b}\n\n${w.arithmetic}`);
    case "negative_days":
      return summary(p, (s) => s.replace(/\(3 days ago\)/, "(-3 days)"));
    case "no_shift_figures":
      return summary(p, (s) => `${s} Punctuality: 0 planned shifts, 0 on time, 0 late.`);
    case "invented_amount":
      return edit(p, (b) => b.replace(/\$\d+\.\d{2}/, "$25.00"));
    case "missing_fee":
      return edit(p, (b) => b.replace(/A late fee of [^.]*\./, ""));
    case "missing_time":
      return edit(p, (b) => b.replace(/at \d{1,2}:\d{2} [AP]M/, "this morning"));
    case "invented_date":
      return edit(p, (b) => `${b}\n\nWe also noticed a late pick-up on November 14.`);
    case "log_other_child":
      return { ...p, input: { ...p.input, childId: w.otherChildId } };
  }
}
