/**
 * @module web/timeline
 * A room's day from its ratio history, as the chart draws it: status bands over time and the
 * counts recorded with each change. Pure: the window and "now" are parameters. `ratio_history`
 * stores a row only when the status changes, so counts are known at those moments and drawn as
 * steps between them.
 */
import { type RatioStatus, statusSchema } from "../rules/evaluation.js";

/** The fields of a `ratio_history` row the timeline reads. */
export interface HistoryPoint {
  at: string;
  status: string;
  previousStatus: string | null;
  evaluation: unknown;
}

export interface Band {
  start: string;
  end: string;
  status: RatioStatus;
}

export interface CountStep {
  at: string;
  children: number;
  countedStaff: number;
  requiredStaff: number;
}

const status = (s: string | null | undefined): RatioStatus | undefined => {
  const parsed = statusSchema.safeParse(s);
  return parsed.success ? parsed.data : undefined;
};

/**
 * The room's status over [from, to): one band per stretch of one status, adjacent equal stretches
 * merged. The status at `from` is the last change before it (`before`), else the first change's
 * `previousStatus`; where neither is known nothing is drawn until the first change.
 * `rows` are the changes in the window, oldest first.
 */
export function timelineBands(
  rows: readonly HistoryPoint[],
  window: { from: string; to: string },
  before?: HistoryPoint,
): Band[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (!(to > from)) return [];
  const inWindow = rows.filter((r) => {
    const t = Date.parse(r.at);
    return t >= from && t < to && status(r.status) !== undefined;
  });
  const bands: Band[] = [];
  let current = status(before?.status) ?? status(inWindow[0]?.previousStatus);
  let start = from;
  const close = (end: number) => {
    if (current === undefined || end <= start) return;
    const last = bands[bands.length - 1];
    if (last && last.status === current && Date.parse(last.end) === start) {
      last.end = new Date(end).toISOString();
    } else {
      bands.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        status: current,
      });
    }
  };
  for (const row of inWindow) {
    const t = Date.parse(row.at);
    close(t);
    current = status(row.status);
    start = t;
  }
  close(to);
  return bands;
}

function counts(evaluation: unknown): Omit<CountStep, "at"> | undefined {
  if (!evaluation || typeof evaluation !== "object") return undefined;
  const e = evaluation as Record<string, unknown>;
  const n = (k: string) => (typeof e[k] === "number" ? (e[k] as number) : undefined);
  const children = n("children");
  const countedStaff = n("countedStaff");
  const requiredStaff = n("requiredStaff");
  if (children === undefined || countedStaff === undefined || requiredStaff === undefined)
    return undefined;
  return { children, countedStaff, requiredStaff };
}

/**
 * The counts recorded with each change in [from, to), starting with the last change before the
 * window (moved to `from`) when there is one. Rows whose evaluation lacks the counts are skipped.
 */
export function countSteps(
  rows: readonly HistoryPoint[],
  window: { from: string; to: string },
  before?: HistoryPoint,
): CountStep[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const steps: CountStep[] = [];
  const opening = before ? counts(before.evaluation) : undefined;
  if (opening) steps.push({ at: new Date(from).toISOString(), ...opening });
  for (const row of rows) {
    const t = Date.parse(row.at);
    const c = counts(row.evaluation);
    if (t < from || t >= to || !c) continue;
    steps.push({ at: new Date(t).toISOString(), ...c });
  }
  return steps;
}

/** `1 h 5 min`, `12 min`, `40 s`. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
