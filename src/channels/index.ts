/**
 * @module channels
 * Where alert notices go: the room board (in-app), Slack, SMS (Twilio) and a platform task; and
 * `platform`, the approved actions' platform calls. Each sender turns one outbox row into a send
 * and reports whether a failure is worth retrying.
 */

import type { PlatformClient } from "../platforms/types.js";
import type { Db } from "../storage/db.js";
import { createInAppSender, type InAppDelivered } from "./in-app.js";
import { createPlatformCallSender } from "./platform-call.js";
import { createPlatformTaskSender } from "./platform-task.js";
import { createSlackSender, SLACK_WEBHOOK_HOST } from "./slack.js";
import { createTwilioSender } from "./twilio.js";
import { type Senders, unconfiguredSender } from "./types.js";

export { createInAppSender, type InAppDelivered, type InAppSenderOptions } from "./in-app.js";
export type { AlertNotice, NoticeEvent, NoticeSeverity } from "./notice.js";
export { countsLine, headline } from "./notice.js";
export {
  createPlatformCallSender,
  type PlatformCallSenderOptions,
  runPlatformCall,
} from "./platform-call.js";
export {
  buildTask,
  createPlatformTaskSender,
  type PlatformTaskSenderOptions,
  type TaskPayload,
} from "./platform-task.js";
export {
  buildSlackMessage,
  createSlackSender,
  type SlackMessage,
  type SlackSenderOptions,
} from "./slack.js";
export { buildSmsBody, createTwilioSender, type TwilioSenderOptions } from "./twilio.js";
export type { Channel, OutboxRow, Sender, Senders, SendResult } from "./types.js";
export { channelSchema, isRetryableHttpStatus, unconfiguredSender } from "./types.js";

export interface ChannelSendersOptions {
  db: Db;
  wallClock: () => Date;
  /** SLACK_WEBHOOK_URL: the fallback when a center's policy names none. */
  slackWebhookUrl?: string | undefined;
  /** A center's own webhook (its alert policy's `slackWebhookUrl`). */
  slackWebhookUrlFor?: (centerId: string) => string | undefined;
  /** SLACK_ALLOWED_HOSTS: the hosts a center's own webhook may be on (default Slack's). */
  slackAllowedHosts?: readonly string[];
  twilio?: {
    accountSid?: string | undefined;
    authToken?: string | undefined;
    from?: string | undefined;
    apiUrl?: string | undefined;
    statusCallback?: string | undefined;
  };
  platformFor: (centerId: string) => PlatformClient | undefined;
  onInAppDelivered?: (delivered: InAppDelivered) => void;
  /** Per-provider request timeouts (SLACK_TIMEOUT_SECONDS, TWILIO_TIMEOUT_SECONDS). */
  slackTimeoutMs?: number;
  twilioTimeoutMs?: number;
}

/**
 * One sender per channel. A channel that is not configured still gets a sender — one that marks
 * every row `skipped` with the reason — so nothing is dropped without a trace.
 */
export function createChannelSenders(options: ChannelSendersOptions): Senders {
  const { twilio = {} } = options;
  const sms =
    twilio.accountSid && twilio.authToken && twilio.from
      ? createTwilioSender({
          accountSid: twilio.accountSid,
          authToken: twilio.authToken,
          from: twilio.from,
          ...(twilio.apiUrl ? { apiUrl: twilio.apiUrl } : {}),
          ...(twilio.statusCallback ? { statusCallback: twilio.statusCallback } : {}),
          ...(options.twilioTimeoutMs === undefined ? {} : { timeoutMs: options.twilioTimeoutMs }),
        })
      : unconfiguredSender(
          "sms not configured: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER are needed",
        );
  return {
    in_app: createInAppSender({
      db: options.db,
      wallClock: options.wallClock,
      ...(options.onInAppDelivered ? { onDelivered: options.onInAppDelivered } : {}),
    }),
    slack: createSlackSender({
      webhookUrlFor: (centerId) =>
        options.slackWebhookUrlFor?.(centerId) ?? options.slackWebhookUrl,
      ...(options.slackTimeoutMs === undefined ? {} : { timeoutMs: options.slackTimeoutMs }),
      allowedHosts: options.slackAllowedHosts ?? [SLACK_WEBHOOK_HOST],
      trustedUrls: options.slackWebhookUrl ? [options.slackWebhookUrl] : [],
    }),
    sms,
    task: createPlatformTaskSender({ platformFor: options.platformFor }),
    platform: createPlatformCallSender({ db: options.db, platformFor: options.platformFor }),
  };
}
