/**
 * @module channels/twilio
 * SMS through Twilio's Messages REST API: `POST {api}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP Basic `AccountSid:AuthToken`. A short body with counts and
 * a link, no names. 429 and 5xx are retried; other 4xx (e.g. 21211 invalid `To`) are permanent.
 */
import { type AlertNotice, countsLine, headline } from "./notice.js";
import { describeFetchError, httpFailure, type Sender, type SendResult } from "./types.js";

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

/** Sends the row's `payload.body` to `row.recipient` (an E.164 number). */
export function createTwilioSender(options: TwilioSenderOptions): Sender {
  const base = (options.apiUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (row): Promise<SendResult> => {
    const text = row.payload.body;
    if (typeof text !== "string" || text.length === 0) {
      return { ok: false, retryable: false, error: "sms payload has no body" };
    }
    const form = new URLSearchParams({ To: row.recipient, From: options.from, Body: text });
    if (options.statusCallback) form.set("StatusCallback", options.statusCallback);
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          authorization: auth,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      return { ok: false, retryable: true, error: `twilio ${describeFetchError(error)}` };
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
