/**
 * @module rules/incident-category
 * The category the template path gives an incident report when there is no model, from its words
 * and the labels that set its severity floor. Same enum as submit_incident_triage. Pure.
 */
import { z } from "zod";

export const incidentCategorySchema = z.enum([
  "injury",
  "illness",
  "allergy",
  "behavior",
  "property",
  "other",
]);
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;

const illness =
  /\b(?:fever|temperature|vomit\w*|threw up|diarrh\w*|rash|seizure|sick|ill|illness|medication|medicine|dose|inhaler|prescri\w*|tylenol|amoxicillin)\b/;
const person = "(?:classmates?|peers?|friends?|child|children|teachers?|others)";
// The child did it to someone: "he bit two classmates", "pushed a friend", not "she hit her head".
const behavior = new RegExp(
  `(?:^|\\b(?:he|she|they) (?:has |have )?)(?:bit|hit|pushed|kicked|threw|scratched|punched|shoved)(?:\\s+(?:and|a|two|three|another|the|other|\\w+ed))*\\s+${person}\\b|\\btantrum|\\baggressi\\w*`,
);
const property =
  /\b(?:glasses|blanket|stroller|toy|jacket|coat|shoes?|belongings|item|wheel|window|equipment)\b[^.]*\b(?:broken|broke|lost|damaged|came off|missing|stolen)\b|\b(?:broken|lost|damaged|missing|stolen) (?:\w+ )?(?:glasses|blanket|stroller|toy|jacket|coat|belongings|item|equipment)\b/;
const injury =
  /\b(?:scrape\w*|splinter|cut|bump\w*|sunburn\w*|burn\w*|sting|stung|tooth|bruise\w*|injur\w*|hurt|eye|scratch\w*|nosebleed|fell|fall|tripped|slipped)\b/;
const nonInjuryFloor = /^(?:child unaccounted|unauthorized pick-up|missed or unauthorized)/;

/** `floorBecause` is `SeverityFloor.because`: an allergy label or an injury label decides first. */
export function incidentCategory(
  description: string,
  floorBecause: readonly string[],
): IncidentCategory {
  // "no vomiting" after a head bump is not an illness.
  const text = description.toLowerCase().replace(/\b(?:no|not|without)\s+\w+/g, "");
  if (floorBecause.some((b) => b.startsWith("allergic"))) return "allergy";
  if (floorBecause.some((b) => b.startsWith("medication error")) || illness.test(text))
    return "illness";
  if (behavior.test(text)) return "behavior";
  const injuryFloor = floorBecause.filter((b) => !nonInjuryFloor.test(b));
  if (injuryFloor.length === 0 && property.test(text)) return "property";
  if (injuryFloor.length > 0 || injury.test(text)) return "injury";
  return "other";
}
