/**
 * @module drafting/quick-log
 * The template reading of a teacher's quick log: a few fixed phrasings ("napped 12:10-1:40",
 * "ate all lunch", "diaper 2pm wet") become daily-log entries; anything else is left for a person
 * (or the model) rather than guessed. Pure: the date, zone and the time the log was written are
 * parameters.
 */
import type { LogEntry } from "../approvals/index.js";
import { zonedDateTimeToInstant } from "../domain/time.js";

export interface QuickLogParse {
  entries: LogEntry[];
  /** Clauses no pattern matched, kept for the reviewer. */
  unparsed: string[];
}

interface Clock {
  date: string;
  timeZone: string;
  /** When the log was written (used for entries without a time). */
  writtenAt: Date;
}

/**
 * `12:10`, `1:40`, `2pm`, `2:15 pm` → minutes after midnight. A bare hour from 1 to 6 without
 * am/pm is read as afternoon: a center's day runs from morning to early evening.
 */
function minutesOf(text: string, afterMinutes = 0): number | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = m[3]?.toLowerCase();
  if (hour > 23 || minute > 59) return null;
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

const TIME = String.raw`\d{1,2}(?::\d{2})?\s*(?:am|pm)?`;

const patterns: {
  re: RegExp;
  build(m: RegExpExecArray, clock: Clock): LogEntry | null;
}[] = [
  {
    re: new RegExp(
      String.raw`^(?:napped|nap|slept)\s+(?:from\s+)?(${TIME})\s*(?:-|–|to|until)\s*(${TIME})$`,
      "i",
    ),
    build(m, clock) {
      const start = minutesOf(m[1]!);
      const end = start === null ? null : minutesOf(m[2]!, start);
      if (start === null || end === null) return null;
      return { type: "nap", start: instant(clock, start), end: instant(clock, end), detail: "nap" };
    },
  },
  {
    re: /^ate\s+(all|most|half|some|little|none|none of)\s+(?:(?:of|her|his|their)\s+)?(breakfast|snack|lunch|dinner)(?:\s+at\s+(.+))?$/i,
    build(m, clock) {
      const at = m[3] ? minutesOf(m[3]) : null;
      if (m[3] && at === null) return null;
      return {
        type: "meal",
        start: at === null ? clock.writtenAt.toISOString() : instant(clock, at),
        end: null,
        detail: `ate ${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}${at === null ? " (time not given)" : ""}`,
      };
    },
  },
  {
    re: new RegExp(
      String.raw`^(?:diaper|nappy|diaper change)\s+(?:at\s+)?(${TIME})\s+(wet|dirty|dry|bm|wet and dirty)$`,
      "i",
    ),
    build(m, clock) {
      const at = minutesOf(m[1]!);
      if (at === null) return null;
      return { type: "diaper", start: instant(clock, at), end: null, detail: m[2]!.toLowerCase() };
    },
  },
];

export function parseQuickLog(text: string, clock: Clock): QuickLogParse {
  const entries: LogEntry[] = [];
  const unparsed: string[] = [];
  // A leading name ("Ava napped ...") is dropped: the log is already about one child.
  const clauses = text
    .split(/[,;\n]|\.(?:\s|$)/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  for (const raw of clauses) {
    const clause = raw.replace(/^[A-Z][a-z]+\s+(?=(?:napped|nap|slept|ate|diaper|nappy)\b)/, "");
    const entry = patterns
      .map((p) => {
        const m = p.re.exec(clause);
        return m ? p.build(m, clock) : null;
      })
      .find((e) => e !== null);
    if (entry) entries.push(entry);
    else unparsed.push(raw);
  }
  return { entries, unparsed };
}
