/**
 * @module drafting/quick-log
 * The template reading of a teacher's quick log, for when there is no model: the common
 * phrasings of meals with amounts ("ate all of his lunch", "had half her snack at 3"),
 * diapers and toileting ("wet diaper", "diaper 2pm dirty", "used the potty at 10"), naps with
 * times ("napped 12:10-1:40", "slept from 1 until 2:30") and activities ("playing with blocks")
 * become daily-log entries. Anything else is kept word for word for a person: the job turns it
 * into a pending note, so no part of a log is lost. Pure: the date, zone and the time the log
 * was written are parameters.
 */
import type { LogEntry } from "../approvals/index.js";
import { zonedDateTimeToInstant } from "../domain/time.js";

export interface QuickLogParse {
  entries: LogEntry[];
  /** Clauses no pattern placed, in the teacher's own words. */
  unparsed: string[];
}

interface Clock {
  date: string;
  timeZone: string;
  /** When the log was written (used for entries without a time). */
  writtenAt: Date;
}

/**
 * `12:10`, `1:40`, `2pm`, `2:15 pm`, `noon` → minutes after midnight. A bare hour from 1 to 6
 * without am/pm is read as afternoon: a center's day runs from morning to early evening.
 */
function minutesOf(text: string, afterMinutes = 0): number | null {
  const t = text.trim().toLowerCase();
  if (t === "noon") return 12 * 60;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = m[3]?.startsWith("p") ? "pm" : m[3] ? "am" : undefined;
  if (hour > 23 || minute > 59) return null;
  if (suffix && (hour < 1 || hour > 12)) return null;
  if (suffix === "pm" && hour < 12) hour += 12;
  else if (suffix === "am" && hour === 12) hour = 0;
  else if (!suffix && hour >= 1 && hour <= 6) hour += 12;
  let total = hour * 60 + minute;
  if (!suffix && total < afterMinutes && total + 12 * 60 < 24 * 60) total += 12 * 60;
  return total;
}

function instant(clock: Clock, minutes: number): string {
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return zonedDateTimeToInstant(clock.date, hhmm, clock.timeZone).toISOString();
}

const TIME = String.raw`(?:noon|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?)`;
/** "at 2pm", "around 11:30", "@ 10" — an optional time at the end of a clause. */
const AT = String.raw`(?:\s+(?:at|around|about|@|by)\s+(${TIME}))?`;
const POSSESSIVE = String.raw`(?:(?:of\s+)?(?:his|her|their|the|my)\s+|of\s+)?`;

/** A clause's optional time: the instant, or the time written with a note that none was given. */
function when(clock: Clock, text: string | undefined): { start: string; untimed: boolean } | null {
  if (!text) return { start: clock.writtenAt.toISOString(), untimed: true };
  const at = minutesOf(text);
  return at === null ? null : { start: instant(clock, at), untimed: false };
}

const MEAL = String.raw`(breakfast|morning snack|am snack|afternoon snack|pm snack|snack|lunch|dinner|supper|bottle|milk)`;
const AMOUNT = String.raw`(all|most|half|some|a little|little|a few bites|a bite|none|nothing|three quarters|a quarter)`;

function mealEntry(clock: Clock, amount: string, meal: string, at: string | undefined) {
  const w = when(clock, at);
  if (!w) return null;
  const detail = `ate ${amount.toLowerCase()} of ${meal.toLowerCase()}`;
  return {
    type: "meal" as const,
    start: w.start,
    end: null,
    detail: w.untimed ? `${detail} (time not given)` : detail,
  };
}

function diaperEntry(clock: Clock, what: string, at: string | undefined) {
  const w = when(clock, at);
  if (!w) return null;
  const detail = what.toLowerCase().replace(/\s+/g, " ").trim();
  return {
    type: "diaper" as const,
    start: w.start,
    end: null,
    detail: w.untimed ? `${detail} (time not given)` : detail,
  };
}

type Pattern = { re: RegExp; build(m: RegExpExecArray, clock: Clock): LogEntry | null };

const patterns: Pattern[] = [
  // Naps: "napped 12:10-1:40", "slept from 1 until 2:30", "took a nap 12:30 to 2", "nap at 12:30"
  {
    re: new RegExp(
      String.raw`^(?:napped|nap|slept|took a nap|had a nap|rested)\s+(?:from\s+)?(${TIME})\s*(?:-|–|to|until|till)\s*(${TIME})$`,
      "i",
    ),
    build(m, clock) {
      const start = minutesOf(m[1]!);
      const end = start === null ? null : minutesOf(m[2]!, start);
      if (start === null || end === null || end <= start) return null;
      return { type: "nap", start: instant(clock, start), end: instant(clock, end), detail: "nap" };
    },
  },
  {
    re: new RegExp(
      String.raw`^(?:napped|nap|slept|took a nap|had a nap|fell asleep)\s+(?:at|around|from)\s+(${TIME})$`,
      "i",
    ),
    build(m, clock) {
      const start = minutesOf(m[1]!);
      if (start === null) return null;
      return {
        type: "nap",
        start: instant(clock, start),
        end: null,
        detail: "nap (end not given)",
      };
    },
  },
  // Meals: "ate all of his lunch", "had half her snack at 3", "ate most lunch"
  {
    re: new RegExp(
      String.raw`^(?:ate|had|eaten|finished)\s+${AMOUNT}\s+${POSSESSIVE}${MEAL}${AT}$`,
      "i",
    ),
    build: (m, clock) => mealEntry(clock, m[1]!, m[2]!, m[3]),
  },
  // "finished his lunch", "ate lunch at 11:30" (all of it)
  {
    re: new RegExp(
      String.raw`^(?:finished|ate|cleaned (?:his|her|their) plate at)\s+${POSSESSIVE}${MEAL}${AT}$`,
      "i",
    ),
    build: (m, clock) => mealEntry(clock, "all", m[1]!, m[2]),
  },
  // "didn't eat lunch", "refused her snack", "skipped breakfast"
  {
    re: new RegExp(
      String.raw`^(?:did ?n[o']?t eat|refused|skipped|would ?n[o']?t eat)\s+${POSSESSIVE}${MEAL}${AT}$`,
      "i",
    ),
    build: (m, clock) => mealEntry(clock, "none", m[1]!, m[2]),
  },
  // "lunch: all", "snack - half"
  {
    re: new RegExp(String.raw`^${MEAL}\s*[:\-–]\s*${AMOUNT}${AT}$`, "i"),
    build: (m, clock) => mealEntry(clock, m[2]!, m[1]!, m[3]),
  },
  // Diapers: "diaper 2pm wet", "diaper change at 10:15 dirty"
  {
    re: new RegExp(
      String.raw`^(?:diaper|nappy|diaper change|changed)\s+(?:at\s+)?(${TIME})\s*[:\-–(]?\s*(wet and dirty|wet|dirty|dry|bm|soiled)\)?$`,
      "i",
    ),
    build: (m, clock) => diaperEntry(clock, m[2]!, m[1]),
  },
  // "wet diaper", "dirty diaper at 2", "BM at 10:30", "diaper was wet"
  {
    re: new RegExp(
      String.raw`^(?:a\s+|had a\s+)?(wet and dirty|wet|dirty|dry|bm|soiled)(?:\s+(?:diaper|nappy))?(?:\s+change)?${AT}$`,
      "i",
    ),
    build: (m, clock) => diaperEntry(clock, `${m[1]!} diaper`, m[2]),
  },
  {
    re: new RegExp(String.raw`^(?:diaper|nappy) (?:was )?(wet and dirty|wet|dirty|dry)${AT}$`, "i"),
    build: (m, clock) => diaperEntry(clock, `${m[1]!} diaper`, m[2]),
  },
  // Toileting: "used the potty at 10", "went potty", "peed in the potty", "accident at 2"
  {
    re: new RegExp(
      String.raw`^((?:used|went (?:to )?(?:the )?|sat on|tried) (?:the )?(?:potty|toilet|bathroom)|went potty|(?:peed|pooped|pee|poop) (?:in|on) the (?:potty|toilet)|(?:had an? )?accident)${AT}$`,
      "i",
    ),
    build: (m, clock) => diaperEntry(clock, `toileting: ${m[1]!}`, m[2]),
  },
];

/** Words that make a clause an activity worth logging as the teacher wrote it. */
const activityWords =
  /\b(play(?:ed|ing|s)?|paint(?:ed|ing)?|draw(?:ing|s)?|drew|color(?:ed|ing)?|read(?:ing)?|books?|story|stories|sang|sing(?:ing)?|songs?|danc(?:e|ed|ing)|music|block|blocks|build(?:ing)?|built|puzzles?|outside|outdoors?|playground|sand(?:box)?|water table|garden(?:ing)?|walk(?:ed)?|art|crafts?|circle time|tummy time|explor(?:e|ed|ing)|friends)\b/i;

/** The clauses of a log: sentences, commas, semicolons, new lines, ellipses. */
function clausesOf(text: string): string[] {
  return text
    .split(/[,;\n]|…|\.{2,}|\.(?=\s|$)|!|\s+then\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

const leadingName =
  /^(?:and\s+)?(?:he|she|they|[A-Z][\p{L}'-]+)\s+(?=(?:napped|nap|slept|took|ate|had|finished|did|didn|refused|skipped|would|wouldn|used|went|sat|tried|peed|pooped|fell|rested|cleaned)\b)/iu;

/** A clause without its leading name or pronoun ("Ava napped", "He ate"), trailing punctuation. */
function bare(clause: string): string {
  return clause
    .replace(leadingName, "")
    .replace(/[.!?]+$/, "")
    .trim();
}

function place(clause: string, clock: Clock): LogEntry | null {
  const text = bare(clause);
  for (const p of patterns) {
    const m = p.re.exec(text);
    const entry = m ? p.build(m, clock) : null;
    if (entry) return entry;
  }
  return null;
}

export function parseQuickLog(text: string, clock: Clock): QuickLogParse {
  const entries: LogEntry[] = [];
  const unparsed: string[] = [];
  for (const raw of clausesOf(text)) {
    const entry = place(raw, clock);
    if (entry) {
      entries.push(entry);
      continue;
    }
    // "ate all lunch and napped 12-2": both halves placed, or the clause stays whole.
    const halves = raw.split(/\s+and\s+/i);
    const placed = halves.length > 1 ? halves.map((h) => place(h, clock)) : [];
    if (placed.length > 0 && placed.every((e) => e !== null)) {
      entries.push(...(placed as LogEntry[]));
    } else if (activityWords.test(raw)) {
      entries.push({
        type: "activity",
        start: clock.writtenAt.toISOString(),
        end: null,
        detail: raw.replace(/[.!?]+$/, "").slice(0, 500),
      });
    } else {
      unparsed.push(raw);
    }
  }
  return { entries, unparsed };
}
