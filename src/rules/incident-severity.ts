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
  { severity: "high", label: "fracture", words: ["fracture*", "dislocat*"] },
  { severity: "high", label: "poison control", words: ["poison control"] },
  { severity: "medium", label: "bite", words: ["bite", "bit", "bitten", "biting"] },
  { severity: "medium", label: "sting", words: ["sting", "stung", "stinger"] },
  { severity: "medium", label: "burn", words: ["burn", "burned", "burnt", "sunburn*", "scald*"] },
  {
    severity: "medium",
    label: "illness symptoms",
    words: ["fever", "temperature", "vomit*", "threw up", "diarrh*"],
  },
  { severity: "medium", label: "nosebleed", words: ["nosebleed", "nose bleed"] },
  { severity: "medium", label: "scratch", words: ["scratch", "scratched"] },
  { severity: "medium", label: "fall", words: ["fell", "fall", "tripped", "slipped"] },
  { severity: "medium", label: "bruise or swelling", words: ["bruise", "bruised", "swelling"] },
];

const bodyPart =
  "(?:arm|wrist|elbow|shoulder|collarbone|leg|ankle|knee|hip|foot|feet|toes?|hand|fingers?|thumb|nose|jaw|rib|ribs|bones?|tooth|teeth)";

/**
 * Phrases a licensing inspector treats as reportable whatever injury words appear: a child out of
 * supervision, released to the wrong adult, given the wrong medication, or hurt in the eye. Each
 * is a pattern rather than a word because the single words ("missing", "broken", "eye") are too
 * common in harmless reports ("missing mitten", "broken glasses", "eye contact").
 */
const phraseRules: { severity: Exclude<Severity, "low">; label: string; pattern: RegExp }[] = [
  {
    severity: "high",
    label: "child unaccounted for",
    pattern:
      /\b(?:unaccounted|(?:could ?not|couldn't|cannot|can't|did not|didn't) (?:find|locate)|left behind|wandered (?:off|away)|eloped|elopement|(?:headcount|head count|count)\b[^.]*\bshort|one (?:child )?short|(?:child|he|she) was missing|missing child)/,
  },
  {
    severity: "high",
    label: "unauthorized pick-up",
    pattern:
      /\b(?:unauthori[sz]ed|not authori[sz]ed|not on the (?:authori[sz]ed )?(?:pick-?up|pickup|release) list)/,
  },
  {
    severity: "high",
    label: "medication error",
    pattern:
      /\b(?:wrong (?:dose|dosage|medication|medicine|child)|meant for another child|double dose|extra dose|overdose|\d+(?:\.\d+)? ?(?:ml|mg|tablets?|puffs?)\b[^.]*\binstead of)/,
  },
  {
    severity: "medium",
    label: "missed or unauthorized medication",
    pattern:
      /\b(?:(?:dose|medication|medicine|inhaler) (?:was |were )?(?:missed|not given|late)|missed (?:a |her |his |the )?(?:dose|medication)|without (?:written |signed |parent(?:al)? )?(?:permission|authori[sz]ation|consent))/,
  },
  {
    severity: "high",
    label: "eye exposure",
    pattern:
      /\b(?:in|into) (?:his|her|their|the|both|one|an) eyes?\b|\beyes? (?:was |were )?(?:flushed|rinsed)|\b(?:chemical|bleach|sanitizer|cleaning product)s?\b/,
  },
  {
    severity: "high",
    label: "fracture",
    pattern: new RegExp(
      `\\b(?:broken|broke|breaks?) (?:(?:his|her|their|a|the|one) )?${bodyPart}\\b|\\b${bodyPart} (?:is |was |may be |might be |looks |seems )?broken\\b`,
    ),
  },
  {
    severity: "high",
    label: "bite broke the skin",
    pattern: /\bskin (?:was |is )?broken\b|\bbroke (?:the |his |her )?skin\b|\bbroken skin\b/,
  },
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

/**
 * A word right after a negation ("no bleeding", "no history of allergy", "denies pain", "no child
 * fell") does not count. One word may sit between the negation and the keyword, no more, so a
 * negation far back in the sentence never hides a later injury.
 */
const negated =
  /(^|[^a-z])(no|not|without|never|denies|denied|no history of|no sign of|no signs of|no evidence of|no known|negative for)\s+([a-z]+\s+)?$/;

function matches(text: string, word: string): boolean {
  const stem = word.endsWith("*");
  const body = escapeRegExp(stem ? word.slice(0, -1) : word);
  const pattern = new RegExp(`(^|[^a-z0-9])${body}${stem ? "" : "(?=$|[^a-z0-9])"}`, "g");
  for (const hit of text.matchAll(pattern)) {
    const before = text.slice(0, (hit.index ?? 0) + hit[1]!.length);
    if (!negated.test(before)) return true;
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
  for (const rule of phraseRules) {
    const hit = rule.pattern.exec(text);
    if (hit) raise(rule.severity, `${rule.label} ("${hit[0]}")`);
  }
  if (injury?.medicalCare) raise("high", "injury field: medical care");
  if (injury?.bodyPart && /head|face|eye|neck/.test(injury.bodyPart.toLowerCase())) {
    raise("high", `injury field: body part ${injury.bodyPart}`);
  }
  if (injury?.firstAid) raise("medium", "injury field: first aid given");
  return { floor, because };
}
