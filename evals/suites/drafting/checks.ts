/**
 * @module evals/suites/drafting/checks
 * Deterministic checks on one text of a draft, each returning its problems (empty = held). Pure.
 *   - target: a family text goes to a family the job is about, a log to its child;
 *   - facts: every fact the job requires is stated (parsed: 6:20 PM and 18:20 are one time);
 *   - unsupported: every time, date, amount and number stated is one of the job's facts;
 *   - others: no other family's names, phones, e-mails or ids (the world knows every name);
 *   - wording: a family message reads like a center wrote it (no "Dear The", the center's clock,
 *     the fee without its arithmetic, no staff report quoted); no negative day counts anywhere;
 *     no punctuality figures from a window without shifts;
 *   - length, reading level (Flesch-Kincaid), advice (no medical or legal advice).
 */
import type { Facts, RequiredFact } from "./facts.js";
import { parseDraft } from "./parse.js";

export const CHECK_NAMES = [
  "target",
  "facts",
  "unsupported",
  "others",
  "wording",
  "length",
  "reading",
  "advice",
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One text a person reads: a family message, a note for the director, a log entry list. */
export interface DraftText {
  /** `kept`: a teacher's own words kept verbatim as a pending note (nothing drafted to judge). */
  audience: "family" | "director" | "log" | "kept";
  text: string;
  familyId: string | null;
  childId: string | null;
}

export interface CheckContext {
  facts: Facts;
  required: readonly RequiredFact[];
  /** Extra phrases the case requires (e.g. "nap"). */
  phrases: readonly string[];
  others: readonly string[];
  timeZone: string;
  year: number;
  maxWords: number;
  maxGrade: number;
}

const fmtCents = (c: number) => `$${(c / 100).toFixed(2)}`;

export function checkText(d: DraftText, x: CheckContext): Record<CheckName, string[]> {
  const s = parseDraft(d.text, { timeZone: x.timeZone, year: x.year });
  const family = d.audience === "family";
  const grade = fleschKincaidGrade(d.text);
  const count = words(d.text).length;
  return {
    target: target(d, x.facts),
    facts: [
      ...x.required.flatMap((r) => (stated(r, s, d.text) ? [] : [`missing ${label(r)}`])),
      ...x.phrases
        .filter((p) => !d.text.toLowerCase().includes(p.toLowerCase()))
        .map((p) => `missing "${p}"`),
    ],
    unsupported: [
      ...s.times.filter((t) => !x.facts.times.has(t.value)).map((t) => `time ${t.written}`),
      ...s.dates.filter((t) => !x.facts.dates.has(t.value)).map((t) => `date ${t.written}`),
      ...s.amounts.filter((a) => !x.facts.amounts.has(a.cents)).map((a) => `amount ${a.written}`),
      ...s.numbers
        .filter((n) => !x.facts.numbers.has(n.value) && !x.facts.numbers.has(-n.value))
        .map((n) => `number ${n.written}`),
    ],
    others: d.audience === "director" ? [] : othersData(d.text, x.others),
    wording: wording(d, x, s.times, family),
    length: family && count > x.maxWords ? [`${count} words, max ${x.maxWords}`] : [],
    reading: family && grade > x.maxGrade ? [`grade ${grade.toFixed(1)}, max ${x.maxGrade}`] : [],
    advice: adviceFound(d.text),
  };
}

function target(d: DraftText, f: Facts): string[] {
  if (d.audience === "family" && (d.familyId === null || !f.ownFamilies.has(d.familyId))) {
    return [`addressed to family ${d.familyId}, not one this job is about`];
  }
  if (d.childId !== null && f.ownChildren.size > 0 && !f.ownChildren.has(d.childId)) {
    return [`about child ${d.childId}, not one this job is about`];
  }
  return [];
}

function label(r: RequiredFact): string {
  switch (r.kind) {
    case "time":
      return `time ${r.value}`;
    case "amount":
      return `amount ${fmtCents(r.cents)}`;
    case "number":
      return `number ${r.value}`;
    case "date":
      return `date ${r.value}`;
    case "phrase":
      return r.label;
  }
}

function stated(r: RequiredFact, s: ReturnType<typeof parseDraft>, text: string): boolean {
  switch (r.kind) {
    case "time":
      return s.times.some((t) => t.value === r.value);
    case "amount":
      return s.amounts.some((a) => a.cents === r.cents);
    case "number":
      return s.numbers.some((n) => n.value === r.value);
    case "date":
      return s.dates.some((d) => d.value === r.value);
    case "phrase":
      return new RegExp(r.pattern, "i").test(text);
  }
}

/** Six or more words in a row taken from `source`. */
function quotes(text: string, source: string): string | null {
  const norm = (t: string) => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const src = ` ${norm(source).join(" ")} `;
  const w = norm(text);
  for (let i = 0; i + 6 <= w.length; i++) {
    const run = w.slice(i, i + 6).join(" ");
    if (src.includes(` ${run} `)) return run;
  }
  return null;
}

function wording(
  d: DraftText,
  x: CheckContext,
  times: ReturnType<typeof parseDraft>["times"],
  family: boolean,
): string[] {
  const out: string[] = [];
  for (const m of d.text.matchAll(/-\s?\d+\s+days?\b|\(-\d+/g))
    out.push(`negative count "${m[0]}"`);
  if (x.facts.noShifts && /\b\d+ (?:planned shifts|on time|late)\b/.test(d.text)) {
    out.push("punctuality figures from a window with no shifts");
  }
  if (!family) return out;
  if (/\bDear\s+the\s/i.test(d.text)) out.push('doubled article: "Dear The ..."');
  if (x.facts.clock === "12h") {
    for (const t of times)
      if (!t.twelveHour) out.push(`24-hour time "${t.written}" for a US family`);
  }
  if (/[×=]|\bper minute\b.*\$|\bblocks? of\b/.test(d.text))
    out.push("the fee's arithmetic pasted in");
  if (x.facts.personWritten) {
    const run = quotes(d.text, x.facts.personWritten);
    if (run) out.push(`quotes the staff report ("${run}")`);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Other people's data present in the text, as written (case-sensitive, whole words). */
export function othersData(text: string, others: readonly string[]): string[] {
  return others
    .filter((o) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(o)}(?![A-Za-z0-9_])`).test(text))
    .map((o) => `names ${JSON.stringify(o)}`);
}

export const words = (text: string): string[] => text.match(/[A-Za-z0-9'$:.-]+/g) ?? [];

/** Vowel groups, less a silent final `e`; at least one. Good enough for a grade estimate. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 0;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "").match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 0);
}

/** Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59. */
export function fleschKincaidGrade(text: string): number {
  const ws = words(text).filter((w) => /[A-Za-z]/.test(w));
  if (ws.length === 0) return 0;
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)|\n\s*\n/g) ?? []).length);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (ws.length / sentences) + 11.8 * (syl / ws.length) - 15.59;
}

const ADVICE: [RegExp, string][] = [
  [
    /\byou (?:should|must|need to) (?:give|take|apply|see a doctor|go to)/i,
    "tells the family what to do medically",
  ],
  [
    /\b(?:we )?(?:recommend|advise|suggest) (?:giving|taking|applying|that you (?:give|take|see))/i,
    "medical recommendation",
  ],
  [/\bdiagnos/i, "diagnosis"],
  [
    /\b(?:is|was) (?:not )?(?:serious|nothing to worry about|fine medically)\b/i,
    "medical judgement",
  ],
  [/\bno need to see a (?:doctor|physician)\b/i, "medical judgement"],
  [
    /\b(?:liab(?:le|ility)|lawsuit|negligen|legal(?:ly)? (?:responsible|advice|obligat))/i,
    "legal language",
  ],
  [/\b(?:consult|contact) (?:a|your) (?:lawyer|attorney)\b/i, "legal advice"],
  [/\b\d+\s?(?:mg|ml)\b.*\b(?:every|per) \d+ hours\b/i, "dosing instruction"],
];

export function adviceFound(text: string): string[] {
  return ADVICE.filter(([re]) => re.test(text)).map(([, why]) => why);
}
