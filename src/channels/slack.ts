/**
 * @module channels/slack
 * Slack incoming webhooks: a Block Kit message (header, center/room and counts, the slack line and
 * first reason, a link to the board) with a plain `text` fallback for notifications. Room-level
 * counts only: no child or staff names ever go to Slack.
 */
import { type AlertNotice, countsLine, headline, hhmm } from "./notice.js";
import { fetchFailure, fetchText, httpFailure, type Sender, type SendResult } from "./types.js";

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
  [key: string]: unknown;
}

/** Slack mrkdwn treats &, < and > as control characters. */
function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const icon = { approaching: "🟡", violation: "⚠️", critical: "🚨" } as const;

/** The Block Kit message for one notice. */
export function buildSlackMessage(notice: AlertNotice): SlackMessage {
  const title = headline(notice);
  const counts = countsLine(notice);
  const emoji = notice.event === "resolved" ? "✅" : icon[notice.severity];
  const sinceUnix = Math.floor(Date.parse(notice.since) / 1000);
  const lines = [notice.event === "resolved" ? "Back in ratio." : notice.slack];
  if (notice.event !== "resolved" && notice.reason) lines.push(notice.reason);
  if (notice.event === "escalated" && notice.minutesUnacknowledged !== undefined) {
    lines.push(`Not acknowledged for ${notice.minutesUnacknowledged} min.`);
  }
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(`${emoji} ${title}`, 150) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Center*\n${esc(notice.centerName)}` },
        { type: "mrkdwn", text: `*Room*\n${esc(notice.roomName)}` },
        { type: "mrkdwn", text: `*Now*\n${counts}` },
        {
          type: "mrkdwn",
          text: `*Required*\n1:${notice.ratio} (${esc(notice.ruleSource)})`,
        },
        {
          type: "mrkdwn",
          text: `*Since*\n<!date^${sinceUnix}^{time}|${hhmm(notice.since)}>`,
        },
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: clip(esc(lines.join("\n")), 3000) } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `Centerline alert #${notice.alertId} • ${notice.event}` }],
    },
  ];
  if (notice.link) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Open room board" },
          url: notice.link,
          action_id: "open_board",
        },
      ],
    });
  }
  return {
    text: `${title} (${counts}) at ${notice.centerName}${notice.link ? ` ${notice.link}` : ""}`,
    blocks,
  };
}

/** Slack answers that mean the webhook will never work again until an admin fixes it. */
const PERMANENT = new Set(["no_service", "channel_not_found", "channel_is_archived"]);

/**
 * Slack usually answers an incoming webhook in well under a second, but a slow answer is not a
 * failure: giving up early and posting again is how duplicates happen.
 */
export const DEFAULT_SLACK_TIMEOUT_MS = 30_000;

export interface SlackSenderOptions {
  /** The center's incoming-webhook URL (policy, then SLACK_WEBHOOK_URL); undefined: skipped. */
  webhookUrlFor: (centerId: string) => string | undefined;
  timeoutMs?: number;
  /**
   * When set, a URL is only posted to over https on one of these hosts (SLACK_ALLOWED_HOSTS),
   * unless it is one of `trustedUrls` (the operator's own SLACK_WEBHOOK_URL): a director's
   * settings must not make the server POST to an internal address.
   */
  allowedHosts?: readonly string[];
  trustedUrls?: readonly string[];
}

/** Slack's own incoming-webhook host: the default of SLACK_ALLOWED_HOSTS. */
export const SLACK_WEBHOOK_HOST = "hooks.slack.com";

/** Why `url` may not be posted to, or undefined when it may: https, an allowed host, no user info. */
export function slackUrlRefusal(url: string, allowedHosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "the Slack webhook is not a URL";
  }
  const host = parsed.hostname.toLowerCase();
  if (
    parsed.protocol !== "https:" ||
    parsed.username ||
    parsed.password ||
    parsed.port ||
    !allowedHosts.map((h) => h.toLowerCase()).includes(host)
  ) {
    return `the Slack webhook must be https://${allowedHosts.join(" or https://")}/…; ${parsed.protocol}//${host} is not allowed (SLACK_ALLOWED_HOSTS)`;
  }
  return undefined;
}

/** POSTs the row's payload (a `SlackMessage`) as JSON to the center's incoming webhook. */
export function createSlackSender(options: SlackSenderOptions): Sender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS;
  return async (row, stop): Promise<SendResult> => {
    const url = options.webhookUrlFor(row.centerId);
    if (!url) {
      return {
        ok: false,
        retryable: false,
        skipped: true,
        error: "slack not configured: no webhook URL for this center or SLACK_WEBHOOK_URL",
      };
    }
    const refusal =
      options.allowedHosts && !options.trustedUrls?.includes(url)
        ? slackUrlRefusal(url, options.allowedHosts)
        : undefined;
    if (refusal) return { ok: false, retryable: false, error: refusal };
    let response: Response;
    let body: string;
    try {
      ({ response, body } = await fetchText(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify(row.payload),
        },
        timeoutMs,
        stop,
      ));
      body = body.slice(0, 200);
    } catch (error) {
      // An incoming webhook has no way to ask whether a post arrived: the retry may duplicate it.
      return fetchFailure("slack", error);
    }
    if (response.ok) return { ok: true, summary: `slack ${response.status} ${body || "ok"}` };
    const error = `slack HTTP ${response.status}${body ? ` ${body}` : ""}`;
    if (PERMANENT.has(body.trim())) {
      return { ok: false, retryable: false, error: `${error} (webhook disabled; tell an admin)` };
    }
    return httpFailure(response, error);
  };
}
