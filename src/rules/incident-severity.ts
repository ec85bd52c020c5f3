/**
 * @module rules/incident-severity
 * The lowest severity an incident report can be given, from words in the report and the injury
 * fields, with the words that set it. The model may raise a severity, never lower it below this
 * floor; a high floor notifies the director at once, whatever the model later says. Pure.
 */
import { z } from "zod";

export const severitySchema = z.enum(["low", "medium", "high"]);
export type Severity = z.infer<typeof severitySchema>;

const rank: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

export function severityAtLeast(a: Severity, floor: Severity): boolean {
  return rank[a] >= rank[floor];
}

/**
 * Whole words, so `bit` never matches "bitter" and `er` never matches "water"; a trailing `*`
 * marks a stem that takes any ending (`anaphyla*`: anaphylaxis, anaphylactic).
 */
const keywordSets: { severity: Exclude<Severity, "low">; label: string; words: string[] }[] = [
  {
    severity: "high",
    label: "head injury",
    words: ["head", "forehead", "concussion", "skull", "temple"],
  },
  { severity: "high", label: "bleeding", words: ["bleeding", "bled", "blood", "stitches"] },
  {
    severity: "high",
    label: "loss of consciousness",
    words: ["unconscious", "passed out", "fainted", "unresponsive", "seizure"],
  },
  {
    severity: "high",
    label: "allergic reaction",
    words: ["allergic", "allergy", "anaphyla*", "epipen", "epi-pen", "hives", "swelling of"],
  },
  {
    severity: "high",
    label: "emergency care",
    words: ["er", "emergency", "911", "ambulance", "hospital", "urgent care", "paramedic"],
  },
  { severity: "high", label: "breathing", words: ["choking", "choked", "not breathing"] },
  { severity: "high", label: "fracture", words: ["broken", "fracture", "dislocat*"] },
  { severity: "medium", label: "bite", words: ["bite", "bit", "bitten", "biting"] },
  { severity: "medium", label: "scratch", words: ["scratch", "scratched"] },
  { severity: "medium", label: "fall", words: ["fell", "fall", "tripped", "slipped"] },
  { severity: "medium", label: "bruise or swelling", words: ["bruise", "bruised", "swelling"] },
];

export const injuryFieldsSchema = z.object({
  bodyPart: z.string().nullable().default(null),
  firstAid: z.boolean().default(false),
  /** Sent to a doctor, urgent care, the ER, or an ambulance was called. */
  medicalCare: z.boolean().default(false),
});
export type InjuryFields = z.infer<typeof injuryFieldsSchema>;

export interface SeverityFloor {
  floor: Severity;
  /** What set the floor, e.g. `head injury ("forehead")`; empty for a low floor. */
  because: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A word right after "no", "not" or "without" ("no bleeding") does not count. */
function matches(text: string, word: string): boolean {
  const stem = word.endsWith("*");
  const body = escapeRegExp(stem ? word.slice(0, -1) : word);
  const pattern = new RegExp(`(^|[^a-z0-9])${body}${stem ? "" : "(?=$|[^a-z0-9])"}`, "g");
  for (const hit of text.matchAll(pattern)) {
    const before = text.slice(0, (hit.index ?? 0) + hit[1]!.length);
    if (!/(^|[^a-z])(no|not|without)\s+$/.test(before)) return true;
  }
  return false;
}

export function incidentSeverityFloor(
  description: string,
  injury: InjuryFields | null = null,
): SeverityFloor {
  const text = description.toLowerCase();
  const because: string[] = [];
  let floor: Severity = "low";
  const raise = (to: Severity, why: string) => {
    if (rank[to] > rank[floor]) {
      floor = to;
      because.length = 0;
    }
    if (to === floor) because.push(why);
  };
  for (const set of keywordSets) {
    const hits = set.words.filter((w) => matches(text, w));
    if (hits.length > 0)
      raise(
        set.severity,
        `${set.label} (${hits.map((h) => `"${h.replace("*", "")}"`).join(", ")})`,
      );
  }
  if (injury?.medicalCare) raise("high", "injury field: medical care");
  if (injury?.bodyPart && /head|face|eye|neck/.test(injury.bodyPart.toLowerCase())) {
    raise("high", `injury field: body part ${injury.bodyPart}`);
  }
  if (injury?.firstAid) raise("medium", "injury field: first aid given");
  return { floor, because };
}
