/**
 * @module reports/ratio-formats
 * The licensing ratio report as CSV and as a PDF a director can hand to an inspector. Times are
 * the center's local wall-clock time, durations whole minutes (rounded down, so out-of-ratio time
 * is never understated by rounding: violations are listed with their exact instants too).
 */
import { instantToZoned } from "../domain/time.js";
import { toCsv } from "./csv.js";
import { renderPdf } from "./pdf.js";
import type { RatioReport } from "./ratio-report.js";

const minutes = (ms: number) => Math.floor(ms / 60_000);

function local(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const z = instantToZoned(new Date(iso), timeZone);
  return `${z.date} ${z.time}`;
}

/** `Mon, Dec 7, 7:45 AM CST`: a local time with its zone, for a reader outside the center. */
export function localWithZone(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** Who acknowledged, by name: acknowledgements are stored as `user:<id> (Name)`. */
function ackName(by: string | null): string {
  if (!by) return "someone";
  return /\((.+)\)$/.exec(by)?.[1] ?? (by.includes(":") ? "a staff member" : by);
}

/** Acknowledgements for an inspector: names and local times. */
function ackWords(v: RatioReport["violations"][number], tz: string): string {
  const acks = v.alerts.filter((a) => a.acknowledgedAt);
  return acks.length === 0
    ? "not acknowledged"
    : acks
        .map((a) => `${ackName(a.acknowledgedBy)}, ${localWithZone(a.acknowledgedAt, tz)}`)
        .join("; ");
}

const channelWords: Record<string, string> = {
  slack: "Slack",
  sms: "text message",
  task: "platform task",
  in_app: "in the app",
};

/**
 * Who was alerted, for an inspector: the channels that delivered, with how many people. Skipped,
 * retried and failed sends are the service's own bookkeeping (they stay in the CSV).
 */
function alertedWords(v: RatioReport["violations"][number]): string {
  const delivered = new Map<string, Set<string>>();
  for (const s of v.alerts.flatMap((a) => a.sends)) {
    if (s.status !== "sent") continue;
    const set = delivered.get(s.channel) ?? new Set<string>();
    set.add(s.recipient);
    delivered.set(s.channel, set);
  }
  if (delivered.size === 0) return v.alerts.length > 0 ? "alert raised on the board" : "none";
  return [...delivered]
    .map(([channel, to]) => {
      const word = channelWords[channel] ?? channel.replaceAll("_", " ");
      return channel === "sms"
        ? `${word} to ${to.size} ${to.size === 1 ? "person" : "people"}`
        : word;
    })
    .join("; ");
}

/** A rule pack's citation without its internal confidence tag (`[UNCONFIRMED]`). */
const citationForInspector = (c: string) => c.replace(/\s*\[[^\]]*\]\s*$/, "");

function hm(ms: number): string {
  const m = minutes(ms);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

function ackText(v: RatioReport["violations"][number], tz: string): string {
  const acks = v.alerts.filter((a) => a.acknowledgedAt);
  return acks.length === 0
    ? "not acknowledged"
    : acks
        .map((a) => `${a.acknowledgedBy ?? "unknown"} at ${local(a.acknowledgedAt, tz)}`)
        .join("; ");
}

/** Sends grouped by channel, recipient and outcome: `slack center-webhook: sent ×2`. */
function sendsText(v: RatioReport["violations"][number]): string {
  const counts = new Map<string, number>();
  for (const s of v.alerts.flatMap((a) => a.sends)) {
    const key = `${s.channel.replace("_", "-")} ${s.recipient}: ${s.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0
    ? "none"
    : [...counts].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).join("; ");
}

export const ratioCsvHeader = [
  "section",
  "room",
  "observed_min",
  "in_ratio_min",
  "out_of_ratio_min",
  "violation_id",
  "started_at",
  "ended_at",
  "duration_min",
  "worst_status",
  "cause",
  "cause_event",
  "ended_by",
  "end_event",
  "alerts_sent",
  "acknowledged",
  "rule_source",
  "citations",
] as const;

export function ratioReportCsv(report: RatioReport): string {
  const tz = report.center.timeZone;
  const rooms = report.rooms.map((r) => [
    "room",
    r.roomName,
    minutes(r.observedMs),
    minutes(r.inRatioMs),
    minutes(r.outOfRatioMs),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    r.ruleSource,
    r.citations.join(" | "),
  ]);
  const violations = report.violations.map((v) => [
    "violation",
    v.roomName,
    null,
    null,
    null,
    v.id,
    local(v.startedAt, tz),
    v.endedAt ? local(v.endedAt, tz) : "open",
    minutes(v.durationMs),
    v.worstStatus,
    v.cause,
    v.causeEvent,
    v.endCause,
    v.endEvent,
    sendsText(v),
    ackText(v, tz),
    null,
    null,
  ]);
  return toCsv(ratioCsvHeader, [...rooms, ...violations]);
}

export function ratioReportPdf(report: RatioReport): Promise<Uint8Array> {
  const tz = report.center.timeZone;
  const packs = [
    ...new Set(report.rooms.map((r) => r.ruleSource).filter((x): x is string => x !== null)),
  ];
  const citations = [
    ...new Set(report.rooms.flatMap((r) => r.citations).map(citationForInspector)),
  ];
  const generated = localWithZone(report.generatedAt, tz);
  return renderPdf({
    title: `Ratio compliance report — ${report.center.name}`,
    subtitle:
      `${report.range.from} to ${report.range.to}, times in ${tz}. Jurisdiction ${report.center.jurisdiction}. ` +
      `Generated ${generated} by Centerline from the recorded evaluations; every status change is kept with its rule and arithmetic.`,
    footer: `${report.center.name} · ratio report ${report.range.from} to ${report.range.to} · generated ${generated}`,
    blocks: [
      {
        kind: "paragraph",
        text:
          `Children were present ${hm(report.totals.observedMs)} (room-hours, ${report.rooms.length} room${report.rooms.length === 1 ? "" : "s"}): ` +
          `${hm(report.totals.inRatioMs)} in ratio, ${hm(report.totals.outOfRatioMs)} out of ratio, ` +
          `${report.totals.violations} violation${report.totals.violations === 1 ? "" : "s"}.`,
      },
      { kind: "heading", text: "Rooms" },
      {
        kind: "table",
        columns: [
          { header: "Room", width: 3 },
          { header: "Children present", width: 2 },
          { header: "In ratio", width: 2 },
          { header: "Out of ratio", width: 2 },
          { header: "Violations", width: 1.5 },
          { header: "Rule source", width: 2.5 },
        ],
        rows: report.rooms.map((r) => [
          r.roomName,
          hm(r.observedMs),
          hm(r.inRatioMs),
          hm(r.outOfRatioMs),
          String(r.violations),
          r.ruleSource ?? "no evaluation",
        ]),
      },
      { kind: "heading", text: "Violations" },
      {
        kind: "table",
        columns: [
          { header: "Room", width: 1.6 },
          { header: "Start", width: 2 },
          { header: "End", width: 2 },
          { header: "Minutes", width: 1 },
          { header: "Worst", width: 1.3 },
          { header: "Cause", width: 3.6 },
          { header: "Ended by", width: 2.2 },
          { header: "Alerted", width: 2.2 },
          { header: "Acknowledged", width: 2.6 },
        ],
        rows: report.violations.map((v) => [
          v.roomName,
          localWithZone(v.startedAt, tz),
          v.endedAt ? localWithZone(v.endedAt, tz) : "still open",
          String(minutes(v.durationMs)),
          v.worstStatus.replaceAll("_", " "),
          v.cause,
          v.endCause ?? "",
          alertedWords(v),
          ackWords(v, tz),
        ]),
      },
      { kind: "heading", text: "Rules applied" },
      {
        kind: "paragraph",
        text: packs.length ? `Rule source: ${packs.join("; ")}.` : "No evaluations in range.",
      },
      ...citations.map((c) => ({ kind: "paragraph" as const, text: `• ${c}` })),
    ],
  });
}
