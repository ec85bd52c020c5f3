/**
 * @module channels/twilio
 * SMS through Twilio's Messages REST API: `POST {api}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP Basic `AccountSid:AuthToken`. A short body with counts and
 * a link, no names. 429 and 5xx are retried; other 4xx (e.g. 21211 invalid `To`) are permanent.
 *
 * Twilio takes no idempotency key, so every body ends with a reference derived from the outbox
 * row's key. When a send's outcome is unknown (no answer after the request went out, or a process
 * that died mid-send), the sender first reads the Messages list (`GET …/Messages.json` filtered by
 * `To`, `From` and `DateSent`) and, if a message with that reference is there, records it as sent
 * instead of sending it again.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { type AlertNotice, countsLine, headline } from "./notice.js";
import {
  fetchFailure,
  fetchText,
  httpFailure,
  type OutboxRow,
  type Sender,
  type SendResult,
} from "./types.js";

/** The SMS text for one notice: plain ASCII so it stays in one or two GSM-7 segments. */
export function buildSmsBody(notice: AlertNotice): string {
  const parts = [`Centerline: ${headline(notice)} (${notice.centerName}).`];
  if (notice.event === "resolved") {
    parts.push("Back in ratio.");
  } else {
    parts.push(`${countsLine(notice)}; ${notice.slack}.`);
    if (notice.event === "escalated" && notice.minutesUnacknowledged !== undefined) {
      parts.push(`Unacknowledged ${notice.minutesUnacknowledged} min.`);
    }
  }
  if (notice.link) parts.push(notice.link);
  const body = parts.join(" ");
  return body.length > 320 ? `${body.slice(0, 317)}...` : body;
}

export interface TwilioSenderOptions {
  accountSid: string;
  authToken: string;
  from: string;
  /** Default https://api.twilio.com (TWILIO_API_URL). */
  apiUrl?: string;
  /** Optional StatusCallback URL for delivery receipts. */
  statusCallback?: string;
  timeoutMs?: number;
}

/**
 * Twilio normally answers within a second or two but can take tens of seconds under load; a slow
 * answer is not a failure (TWILIO_TIMEOUT_SECONDS).
 */
export const DEFAULT_TWILIO_TIMEOUT_MS = 30_000;

/** The reference an SMS carries: the same for every attempt of one outbox row. */
export function smsReference(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 10);
}

/** The body as sent: the row's text and its reference. */
export function referencedBody(text: string, idempotencyKey: string): string {
  return `${text} Ref ${smsReference(idempotencyKey)}`;
}

/** Twilio's error body: `{ code, message, more_info, status }`. */
function twilioError(text: string): string {
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (parsed && (parsed.code !== undefined || parsed.message !== undefined)) {
      return `${parsed.code ?? "?"} ${String(parsed.message ?? "")}`.trim();
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}

/** One page of Twilio's Messages list, only the fields the lookup reads. */
const messagePageSchema = z.object({
  messages: z.array(
    z.object({
      sid: z.string(),
      to: z.string().nullish(),
      body: z.string().nullish(),
      status: z.string().nullish(),
    }),
  ),
  next_page_uri: z.string().nullish(),
});

/** Pages of the list read at most per lookup: a director's number gets few messages a day. */
const MAX_PAGES = 5;

type Lookup = { found: { sid: string; status: string } | null } | { error: string };

/** Sends the row's `payload.body` to `row.recipient` (an E.164 number). */
export function createTwilioSender(options: TwilioSenderOptions): Sender {
  const base = (options.apiUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS;
  const headers = { authorization: auth, accept: "application/json" };

  async function readPage(
    pageUrl: string,
    stop: AbortSignal | undefined,
  ): Promise<z.infer<typeof messagePageSchema> | string> {
    try {
      const { response, body } = await fetchText(pageUrl, { headers }, timeoutMs, stop);
      if (!response.ok) return `HTTP ${response.status} ${twilioError(body)}`;
      const parsed = messagePageSchema.safeParse(JSON.parse(body));
      return parsed.success ? parsed.data : "the Messages list answered in an unexpected shape";
    } catch (error) {
      return error instanceof SyntaxError
        ? "the Messages list answered with invalid JSON"
        : String(error);
    }
  }

  /**
   * Looks for this row's message: first the messages sent to the recipient from our number since
   * the row was created (`DateSent>=`), then the newest few without a date filter, because a
   * message Twilio has accepted but not yet sent has no `date_sent`.
   */
  async function lookup(row: OutboxRow, stop: AbortSignal | undefined): Promise<Lookup> {
    const ref = `Ref ${smsReference(row.idempotencyKey)}`;
    const filters = { To: row.recipient, From: options.from };
    const first = new URLSearchParams({
      ...filters,
      "DateSent>": row.createdAt.slice(0, 10),
      PageSize: "100",
    });
    const recent = new URLSearchParams({ ...filters, PageSize: "50" });
    const starts = [`${url}?${first}`, `${url}?${recent}`];
    for (const [i, start] of starts.entries()) {
      let next: string | null = start;
      for (let page = 0; next && page < (i === 0 ? MAX_PAGES : 1); page++) {
        const result = await readPage(next, stop);
        if (typeof result === "string") return { error: result };
        const match = result.messages.find(
          (m) => m.body?.includes(ref) && (m.to ?? row.recipient) === row.recipient,
        );
        if (match) return { found: { sid: match.sid, status: match.status ?? "" } };
        next = result.next_page_uri ? `${base}${result.next_page_uri}` : null;
      }
    }
    return { found: null };
  }

  return async (row, stop): Promise<SendResult> => {
    const text = row.payload.body;
    if (typeof text !== "string" || text.length === 0) {
      return { ok: false, retryable: false, error: "sms payload has no body" };
    }
    if (row.inDoubt) {
      const seen = await lookup(row, stop);
      if ("error" in seen) {
        // Sending now could page the director twice; try the lookup again later.
        return {
          ok: false,
          retryable: true,
          outcomeUnknown: true,
          error: `twilio lookup of an earlier attempt failed: ${seen.error}`,
        };
      }
      if (seen.found) {
        const { sid, status } = seen.found;
        return {
          ok: true,
          summary:
            `twilio ${sid} ${status} (an earlier attempt had reached Twilio; not sent again)`.replace(
              / +/g,
              " ",
            ),
        };
      }
    }
    const form = new URLSearchParams({
      To: row.recipient,
      From: options.from,
      Body: referencedBody(text, row.idempotencyKey),
    });
    if (options.statusCallback) form.set("StatusCallback", options.statusCallback);
    let response: Response;
    let body: string;
    try {
      ({ response, body } = await fetchText(
        url,
        {
          method: "POST",
          headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
        },
        timeoutMs,
        stop,
      ));
    } catch (error) {
      return fetchFailure("twilio", error);
    }
    if (response.ok) {
      let sid = "";
      let status = "";
      try {
        const parsed = JSON.parse(body) as { sid?: string; status?: string };
        sid = parsed.sid ?? "";
        status = parsed.status ?? "";
      } catch {
        // A 2xx without JSON still means Twilio took the message.
      }
      return { ok: true, summary: `twilio ${response.status} ${sid} ${status}`.trim() };
    }
    const error = `twilio HTTP ${response.status} ${twilioError(body)}`;
    return httpFailure(response, error);
  };
}
