/**
 * @module channels/notice
 * The one thing every channel formats: a room-level notice about an alert. It carries counts, the
 * rule and a link, by construction never a child's or a staff member's name (DESIGN.md: alerts to
 * Slack carry room-level counts and a link).
 */

export type NoticeEvent = "opened" | "upgraded" | "escalated" | "resolved";
export type NoticeSeverity = "approaching" | "violation" | "critical";

export interface AlertNotice {
  alertId: number;
  event: NoticeEvent;
  severity: NoticeSeverity;
  centerName: string;
  roomName: string;
  /** When the episode began (business time, ISO). */
  since: string;
  /** When this notice was raised (business time, ISO). */
  at: string;
  children: number;
  countedStaff: number;
  requiredStaff: number;
  /** Children per staff member under the governing rule, e.g. 4 for 1:4. */
  ratio: number;
  ruleSource: string;
  /** The evaluation's slack line, e.g. "needs 1 more qualified staff". */
  slack: string;
  /** The first reason the room is not ok, if any. */
  reason: string | null;
  /** The room board, when PUBLIC_URL is set. */
  link: string | null;
  /** For escalations: business minutes without acknowledgement. */
  minutesUnacknowledged?: number;
}

/** "5 children / 1 of 2 staff". */
export function countsLine(n: Pick<AlertNotice, "children" | "countedStaff" | "requiredStaff">) {
  const kids = n.children === 1 ? "1 child" : `${n.children} children`;
  return `${kids} / ${n.countedStaff} of ${n.requiredStaff} staff`;
}

const label: Record<NoticeSeverity, string> = {
  approaching: "Approaching ratio",
  violation: "Out of ratio",
  critical: "CRITICAL: out of ratio",
};

/** The one-line headline every channel leads with. */
export function headline(n: Pick<AlertNotice, "event" | "severity" | "roomName">): string {
  if (n.event === "resolved") {
    return n.severity === "approaching"
      ? `No longer near ratio: ${n.roomName}`
      : `Back in ratio: ${n.roomName}`;
  }
  const base = `${label[n.severity]}: ${n.roomName}`;
  return n.event === "escalated" ? `Unacknowledged - ${base}` : base;
}

/** `HH:MM` UTC of an ISO instant, the fallback Slack shows when it cannot localise a date. */
export function hhmm(iso: string): string {
  return `${iso.slice(11, 16)} UTC`;
}
