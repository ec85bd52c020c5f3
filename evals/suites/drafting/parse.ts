/**
 * @module evals/suites/drafting/parse
 * What a draft states, parsed rather than matched against a template's phrasing: times (12- or
 * 24-hour, or inside an ISO instant), dates (ISO, "November 23", "Monday, November 23, 2026"),
 * dollar amounts, other numbers (what is left once those are taken out), and capitalized words
 * (candidate names). Pure.
 */
import { instantToZoned } from "../../../src/domain/time.js";

export interface Stated {
  /** `HH:MM` on a 24-hour clock, with how it was written. */
  times: { value: string; written: string; twelveHour: boolean }[];
  /** ISO dates. */
  dates: { value: string; written: string }[];
  amounts: { cents: number; written: string }[];
  numbers: { value: number; written: string }[];
  /** Capitalized words, for the name checks. */
  words: string[];
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const INSTANT = /\b(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WORD_DATE = new RegExp(
  `\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(${MONTHS.join("|")})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
  "gi",
);
const TIME12 = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?![a-z])/gi;
const TIME24 = /\b(\d{1,2}):(\d{2})\b/g;
const AMOUNT = /\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?/g;
// A minus sign only after a space or "(": "12:30-2" is a range, "(-3 days)" a negative count.
const NUMBER = /(?<![\w.$])(?:(?<=^|[\s(])-)?\d+(?:\.\d+)?(?![\w:])/g;

const pad = (n: number) => String(n).padStart(2, "0");

/** `text` with every match of `re` blanked out after `each` sees it, so later patterns skip it. */
function take(text: string, re: RegExp, each: (m: RegExpExecArray) => void): string {
  return text.replace(re, (...args) => {
    const m = args.slice(0, -2) as unknown as RegExpExecArray;
    each(m);
    return "#".repeat(String(args[0]).length);
  });
}

export function parseDraft(text: string, o: { timeZone: string; year: number }): Stated {
  const out: Stated = { times: [], dates: [], amounts: [], numbers: [], words: [] };
  let rest = take(text, INSTANT, (m) => {
    const local = instantToZoned(new Date(m[0]), o.timeZone);
    out.dates.push({ value: local.date, written: m[0] });
    out.times.push({ value: local.time, written: m[0], twelveHour: false });
  });
  rest = take(rest, ISO_DATE, (m) => out.dates.push({ value: m[0], written: m[0] }));
  rest = take(rest, WORD_DATE, (m) => {
    const month = MONTHS.indexOf(String(m[1]).toLowerCase()) + 1;
    const year = m[3] ? Number(m[3]) : o.year;
    out.dates.push({ value: `${year}-${pad(month)}-${pad(Number(m[2]))}`, written: m[0] });
  });
  rest = take(rest, TIME12, (m) => {
    const h = Number(m[1]) % 12;
    const pm = String(m[3]).toLowerCase() === "p";
    out.times.push({
      value: `${pad(pm ? h + 12 : h)}:${m[2] ?? "00"}`,
      written: m[0],
      twelveHour: true,
    });
  });
  rest = take(rest, TIME24, (m) =>
    out.times.push({ value: `${pad(Number(m[1]))}:${m[2]}`, written: m[0], twelveHour: false }),
  );
  rest = take(rest, AMOUNT, (m) =>
    out.amounts.push({
      cents: Number(String(m[1]).replace(/,/g, "")) * 100 + Number(m[2] ?? 0),
      written: m[0],
    }),
  );
  for (const m of rest.matchAll(NUMBER)) out.numbers.push({ value: Number(m[0]), written: m[0] });
  out.words = [...text.matchAll(/\b\p{Lu}[\p{L}'-]+/gu)].map((m) => m[0]);
  return out;
}
