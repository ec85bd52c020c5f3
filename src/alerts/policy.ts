/**
 * @module alerts/policy
 * A center's alert policy: which room status goes to which channels and roles, when an
 * unacknowledged alert escalates, how long a room must stay back in ratio before its alert
 * resolves (the flapping cool-down), who the people behind each role are, and shadow mode.
 * Stored per center in `alert_policies`; centers without one use `defaultAlertPolicy`.
 */
import { z } from "zod";
import { type Channel, channelSchema } from "../channels/types.js";
import { staffRoleSchema } from "../domain/index.js";

export const alertChannelSchema = channelSchema;
export type AlertChannel = Channel;

/**
 * The statuses that raise an alert, in rising order of severity. `approaching`: the room is in
 * ratio but the next check-in would breach, or a planned break, shift end or scheduled arrival
 * breaches within 15 minutes. A room merely run by one staff member, with room for more children,
 * raises nothing (its card notes "1 staff — cover needed before a break").
 */
export const alertSeveritySchema = z.enum(["approaching", "violation", "critical"]);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

/**
 * `approaching` is its own alert (a heads-up to the lead teacher: full, or a breach forecast within
 * 15 minutes); `violation` and `critical` are one `out_of_ratio` alert per episode, upgraded in
 * place when the room gets worse.
 */
export const alertKindSchema = z.enum(["approaching", "out_of_ratio"]);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const alertRoleSchema = staffRoleSchema;
export type AlertRole = z.infer<typeof alertRoleSchema>;

/** Which channels a notice goes to, and for person-addressed channels (sms, task) which roles. */
export const alertTargetsSchema = z.object({
  channels: z.array(alertChannelSchema).min(1),
  roles: z.array(alertRoleSchema).default([]),
});
export type AlertTargets = z.infer<typeof alertTargetsSchema>;

export const recipientSchema = z.object({
  name: z.string().min(1).optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "phone must be E.164, e.g. +15551234567")
    .optional(),
});
export type Recipient = z.infer<typeof recipientSchema>;

const rule = (channels: AlertChannel[], roles: AlertRole[]): AlertTargets => ({ channels, roles });

const defaultRules = {
  approaching: rule(["in_app", "task"], ["lead_teacher"]),
  violation: rule(["in_app", "slack"], ["director"]),
  critical: rule(["in_app", "sms"], ["director", "assistant_director"]),
};

const defaultEscalation = {
  /** Nobody answers a new approaching alert with a page; it is a heads-up (full, or a breach
   * forecast within 15 minutes). */
  approaching: null,
  violation: rule(["sms"], ["director"]),
  critical: rule(["sms"], ["director", "assistant_director"]),
};

/** Channels a safety alert can be carried on when its own channel keeps failing. */
export const failoverChannelSchema = z.enum(["sms", "slack", "task"]);
export type FailoverChannel = z.infer<typeof failoverChannelSchema>;

const defaultFailover = {
  order: ["sms", "slack", "task"] as FailoverChannel[],
  afterAttempts: 3,
  afterSeconds: 60,
  roles: ["director"] as AlertRole[],
};

/**
 * When a send of an open violation or critical alert (or a pick-up hold page) keeps failing,
 * the same notice also goes out on the next channel of `order` after the failing one (wrapping
 * round, skipping channels the notice already went to).
 */
export const failoverSchema = z.object({
  order: z.array(failoverChannelSchema).min(1).default(defaultFailover.order),
  /** Failed tries on one channel before the next channel is tried too. */
  afterAttempts: z.number().int().min(1).max(20).default(defaultFailover.afterAttempts),
  /** Or: seconds a send has been failing (or stuck) before the next channel is tried too. */
  afterSeconds: z.number().int().min(5).max(3600).default(defaultFailover.afterSeconds),
  /** Who SMS and tasks sent as a failover go to. */
  roles: z.array(alertRoleSchema).min(1).default(defaultFailover.roles),
});
export type FailoverPolicy = z.infer<typeof failoverSchema>;

export const alertPolicySchema = z
  .object({
    rules: z
      .object({
        approaching: alertTargetsSchema,
        violation: alertTargetsSchema,
        critical: alertTargetsSchema,
      })
      .default(defaultRules),
    /** Business minutes an alert may stay unacknowledged before its escalation step is sent. */
    escalateAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** What an escalation sends, per severity (null: that severity does not escalate). */
    escalation: z
      .object({
        approaching: alertTargetsSchema.nullable(),
        violation: alertTargetsSchema.nullable(),
        critical: alertTargetsSchema.nullable(),
      })
      .default(defaultEscalation),
    /** Escalations per severity level: 1 = one reminder at N minutes, never a second. */
    maxEscalationsPerSeverity: z.number().int().min(0).max(5).default(1),
    /**
     * Business minutes a room must stay back in ratio before its alert resolves. A relapse inside
     * the window reopens the same alert and sends nothing: nobody was told it was over.
     */
    coolDownMinutes: z.number().min(0).max(60).default(2),
    /** Channels that get a "resolved" notice (a platform task is not worth a second task). */
    notifyOnResolve: z.array(alertChannelSchema).default(["in_app", "slack", "sms"]),
    /** Compute and record alerts and their sends, but send nothing. */
    shadowMode: z.boolean().default(false),
    /** The people behind each role, for SMS (phone) and messages (name). */
    recipients: z.partialRecord(alertRoleSchema, z.array(recipientSchema)).default({}),
    /** This center's Slack incoming webhook; falls back to SLACK_WEBHOOK_URL. */
    slackWebhookUrl: z.url().optional(),
    failover: failoverSchema.default(defaultFailover),
  })
  .meta({ id: "AlertPolicy" });

export type AlertPolicy = z.infer<typeof alertPolicySchema>;
export type AlertPolicyInput = z.input<typeof alertPolicySchema>;

export const defaultAlertPolicy: AlertPolicy = alertPolicySchema.parse({});

const rank: Record<string, number> = { ok: 0, approaching: 1, violation: 2, critical: 3 };

/** 0 ok, 1 approaching, 2 violation, 3 critical; unknown statuses rank as ok. */
export function severityRank(status: string | null | undefined): number {
  return status ? (rank[status] ?? 0) : 0;
}

/** The alert kind a room status belongs to, or null for `ok`. */
export function kindOf(status: string): AlertKind | null {
  if (status === "approaching") return "approaching";
  if (status === "violation" || status === "critical") return "out_of_ratio";
  return null;
}
