/**
 * @module storage/schema
 * The SQLite schema, as drizzle tables. Migrations in `./migrations` are generated from this file
 * with `npm run db:generate`; never edit a generated migration by hand.
 *
 * Instants are stored as UTC ISO-8601 text with milliseconds (`toISOString()`), so string order is
 * time order: the live projection relies on that for its last-writer-wins comparisons.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { APPROVAL_KINDS, APPROVAL_STATES, DRAFT_SOURCES } from "../approvals/kind-values.js";

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const centers = sqliteTable(
  "centers",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    provider: text("provider", { enum: ["procare", "kangarootime"] }).notNull(),
    externalId: text("external_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    timeZone: text("time_zone").notNull(),
  },
  (t) => [uniqueIndex("centers_provider_external").on(t.provider, t.externalId)],
);

export const rooms = sqliteTable(
  "rooms",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    ageGroup: text("age_group").notNull(),
    capacity: integer("capacity"),
    platformRatio: real("platform_ratio"),
  },
  (t) => [uniqueIndex("rooms_center_external").on(t.centerId, t.externalId)],
);

export const families = sqliteTable(
  "families",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    guardians:
      json<{ name: string; phone: string | null; email: string | null }[]>("guardians").notNull(),
  },
  (t) => [uniqueIndex("families_center_external").on(t.centerId, t.externalId)],
);

export const children = sqliteTable(
  "children",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    externalId: text("external_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthDate: text("birth_date").notNull(),
    homeRoomId: text("home_room_id"),
    familyId: text("family_id"),
    authorizedPickups:
      json<{ name: string; relationship: string }[]>("authorized_pickups").notNull(),
    schedule: json<{ day: string; arrive: string; depart: string }[]>("schedule").notNull(),
  },
  (t) => [uniqueIndex("children_center_external").on(t.centerId, t.externalId)],
);

export const staff = sqliteTable(
  "staff",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    externalId: text("external_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthDate: text("birth_date").notNull(),
    role: text("role").notNull(),
    homeRoomId: text("home_room_id"),
    credentials:
      json<{ type: string; issuedOn: string | null; expiresOn: string | null }[]>(
        "credentials",
      ).notNull(),
  },
  (t) => [uniqueIndex("staff_center_external").on(t.centerId, t.externalId)],
);

export const shifts = sqliteTable(
  "shifts",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    staffId: text("staff_id").notNull(),
    date: text("date").notNull(),
    start: text("start").notNull(),
    end: text("end").notNull(),
    roomId: text("room_id"),
    breaks: json<{ start: string; end: string }[]>("breaks").notNull(),
  },
  (t) => [index("shifts_center_date").on(t.centerId, t.date)],
);

/**
 * Every accepted webhook, raw, deduped on (provider, event id). A row is claimed, projected and
 * marked processed inside one transaction, so no two workers ever apply the same row.
 */
export const webhookInbox = sqliteTable(
  "webhook_inbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: text("received_at").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "processed", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    processedAt: text("processed_at"),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("inbox_provider_event").on(t.provider, t.eventId),
    index("inbox_status").on(t.status, t.id),
  ],
);

/** Webhooks that were signed correctly but could not be accepted, kept for inspection. */
export const rejectedEvents = sqliteTable("rejected_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  provider: text("provider").notNull(),
  eventId: text("event_id"),
  receivedAt: text("received_at").notNull(),
  code: text("code").notNull(),
  message: text("message").notNull(),
  field: text("field"),
  body: text("body").notNull(),
});

/** Append-only history of normalized attendance events; live state can be rebuilt from it. */
export const attendanceEvents = sqliteTable(
  "attendance_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    source: text("source", { enum: ["webhook", "reconcile", "import"] }).notNull(),
    provider: text("provider").notNull(),
    sourceEventId: text("source_event_id").notNull(),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    subjectId: text("subject_id"),
    roomId: text("room_id"),
    occurredAt: text("occurred_at").notNull(),
    recordedAt: text("recorded_at").notNull(),
    applied: integer("applied", { mode: "boolean" }).notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
  },
  (t) => [
    uniqueIndex("attendance_source_event").on(t.provider, t.sourceEventId, t.seq),
    index("attendance_center_time").on(t.centerId, t.occurredAt),
    // The door's "already checked in today?": one index probe per check-in, whatever the day's size.
    index("attendance_child_checkins")
      .on(t.centerId, t.subjectId, t.occurredAt)
      .where(sql`type = 'child.checked_in'`),
  ],
);

/**
 * Live presence: one row per child or staff member ever seen. Each field is a last-writer-wins
 * register with its own event time, so events applied in any order converge to the same state.
 */
export const presence = sqliteTable(
  "presence",
  {
    centerId: text("center_id").notNull(),
    subjectKind: text("subject_kind", { enum: ["child", "staff"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    present: integer("present", { mode: "boolean" }).notNull().default(false),
    presentAt: text("present_at"),
    roomId: text("room_id"),
    roomAt: text("room_at"),
    onBreak: integer("on_break", { mode: "boolean" }).notNull().default(false),
    breakAt: text("break_at"),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    primaryKey({ columns: [t.centerId, t.subjectKind, t.subjectId] }),
    index("presence_room").on(t.centerId, t.roomId),
  ],
);

export const reconciliationRuns = sqliteTable("reconciliation_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  centerId: text("center_id").notNull(),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  asOf: text("as_of"),
  status: text("status", { enum: ["running", "ok", "failed"] }).notNull(),
  repairs: integer("repairs").notNull().default(0),
  error: text("error"),
});

export const reconciliationRepairs = sqliteTable("reconciliation_repairs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  runId: integer("run_id")
    .notNull()
    .references(() => reconciliationRuns.id),
  centerId: text("center_id").notNull(),
  subjectKind: text("subject_kind").notNull(),
  subjectId: text("subject_id").notNull(),
  found: text("found", { mode: "json" }).notNull(),
  platform: text("platform", { mode: "json" }).notNull(),
  action: text("action").notNull(),
});

/** A center's own, stricter ratio policy (see `rules/pack.ts` centerPolicySchema). */
export const centerPolicies = sqliteTable("center_policies", {
  centerId: text("center_id")
    .primaryKey()
    .references(() => centers.id),
  policy: text("policy", { mode: "json" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** A center's opening hours per weekday (`domain/hours.ts` weeklyHoursSchema) and who set them. */
export const centerHours = sqliteTable("center_hours", {
  centerId: text("center_id")
    .primaryKey()
    .references(() => centers.id),
  hours: text("hours", { mode: "json" }).notNull(),
  source: text("source", { enum: ["platform", "director", "sandbox"] }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** The latest evaluation of each room, so a change of status is noticed exactly once. */
export const roomStatus = sqliteTable(
  "room_status",
  {
    centerId: text("center_id").notNull(),
    roomId: text("room_id").notNull(),
    status: text("status").notNull(),
    since: text("since").notNull(),
    openViolationId: integer("open_violation_id"),
    evaluation: text("evaluation", { mode: "json" }).notNull(),
    evaluatedAt: text("evaluated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.roomId] })],
);

/** Every change of a room's status, with the evaluation that caused it: the room's ratio history. */
export const ratioHistory = sqliteTable(
  "ratio_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    roomId: text("room_id").notNull(),
    at: text("at").notNull(),
    status: text("status").notNull(),
    previousStatus: text("previous_status"),
    cause: text("cause").notNull(),
    evaluation: text("evaluation", { mode: "json" }).notNull(),
  },
  (t) => [index("ratio_history_room_time").on(t.centerId, t.roomId, t.at)],
);

/** One record per stretch out of compliance: when it started, when it ended, how bad it got. */
export const ratioViolations = sqliteTable(
  "ratio_violations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    roomId: text("room_id").notNull(),
    startedAt: text("started_at").notNull(),
    endedAt: text("ended_at"),
    worstStatus: text("worst_status").notNull(),
    startCause: text("start_cause").notNull(),
    endCause: text("end_cause"),
  },
  (t) => [index("ratio_violations_room").on(t.centerId, t.roomId, t.startedAt)],
);

/**
 * One alert per (center, room, kind) episode: `out_of_ratio` covers violation and critical (the
 * alert is upgraded, never duplicated), `approaching` is separate. At most one row per (center,
 * room, kind) is not `resolved` (partial unique index), so a flapping room reuses its alert.
 */
export const alerts = sqliteTable(
  "alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    roomId: text("room_id").notNull(),
    roomName: text("room_name").notNull(),
    kind: text("kind", { enum: ["approaching", "out_of_ratio"] }).notNull(),
    /** The worst status seen in this episode. */
    severity: text("severity", { enum: ["approaching", "violation", "critical"] }).notNull(),
    /** The room's latest status as the alert last saw it. */
    roomStatus: text("room_status").notNull(),
    state: text("state", { enum: ["open", "resolving", "resolved"] }).notNull(),
    openedAt: text("opened_at").notNull(),
    lastStatusAt: text("last_status_at").notNull(),
    acknowledgedAt: text("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    /** The severity the acknowledgement was given at; an upgrade needs a new one. */
    acknowledgedSeverity: text("acknowledged_severity"),
    escalationLevel: integer("escalation_level").notNull().default(0),
    /** Escalations sent at the current severity (reset by an upgrade). */
    severityEscalations: integer("severity_escalations").notNull().default(0),
    escalatedAt: text("escalated_at"),
    escalationDueAt: text("escalation_due_at"),
    /** Back in ratio since (business time); resolved once the cool-down passes without relapse. */
    resolvingSince: text("resolving_since"),
    resolvedAt: text("resolved_at"),
    resolution: text("resolution", { enum: ["in_ratio", "superseded"] }),
    reopenCount: integer("reopen_count").notNull().default(0),
    violationId: integer("violation_id"),
    cause: text("cause").notNull(),
    summary: json<Record<string, unknown>>("summary").notNull(),
    /** Targets already notified, as `channel:role` keys (`channel:*` for room-wide channels). */
    notified: json<string[]>("notified").notNull(),
    shadow: integer("shadow", { mode: "boolean" }).notNull().default(false),
    inAppDeliveredAt: text("in_app_delivered_at"),
  },
  (t) => [
    uniqueIndex("alerts_one_live")
      .on(t.centerId, t.roomId, t.kind)
      .where(sql`${t.state} <> 'resolved'`),
    index("alerts_center_state").on(t.centerId, t.state),
    index("alerts_escalation_due").on(t.state, t.escalationDueAt),
  ],
);

/**
 * Every send, durable before it is attempted. Claimed with a lease (owner + until) so two
 * instances never send the same row; retried with backoff; never deleted.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    alertId: integer("alert_id"),
    centerId: text("center_id").notNull(),
    /** `platform` rows carry an approved action's exact platform call (see `approvals/`). */
    channel: text("channel", { enum: ["in_app", "slack", "sms", "task", "platform"] }).notNull(),
    approvalId: integer("approval_id"),
    recipient: text("recipient").notNull(),
    payload: json<Record<string, unknown>>("payload").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", {
      enum: ["pending", "sending", "sent", "failed", "skipped", "shadow"],
    }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    response: text("response"),
    /**
     * A send may have reached the provider without us learning it (a timeout after the request
     * went out, a process that died mid-send): the next attempt looks it up first where it can.
     */
    inDoubt: integer("in_doubt", { mode: "boolean" }).notNull().default(false),
    /** When the first failed attempt of this row started (null while none has failed). */
    failingSince: text("failing_since"),
    /** The row this one was enqueued for, on the next channel, because that one kept failing. */
    failoverOf: integer("failover_of"),
    /** When this row's notice was also sent on to the next channel. */
    failedOverAt: text("failed_over_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_key").on(t.idempotencyKey),
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_channel_due").on(t.channel, t.status, t.nextAttemptAt),
    index("outbox_alert").on(t.alertId),
    index("outbox_approval").on(t.approvalId),
  ],
);

/** A center's alert policy (see `alerts/policy.ts`); centers without a row use the default. */
export const alertPolicies = sqliteTable("alert_policies", {
  centerId: text("center_id")
    .primaryKey()
    .references(() => centers.id),
  policy: text("policy", { mode: "json" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Drafting work waiting for the agent: one row per (job, subject, day) via `dedupe_key`, claimed
 * with a lease so two instances never run the same job.
 */
export const agentJobs = sqliteTable(
  "agent_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    job: text("job").notNull(),
    centerId: text("center_id").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    /** What the deterministic core decided (lateness and fee, severity floor, ...), as data. */
    input: json<Record<string, unknown>>("input").notNull(),
    triggerEventId: text("trigger_event_id"),
    state: text("state", { enum: ["pending", "running", "done", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    runAfter: text("run_after").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("agent_jobs_dedupe").on(t.dedupeKey),
    index("agent_jobs_due").on(t.state, t.runAfter),
  ],
);

/** One agent loop run. Steps are stored as they happen so an interrupted run can be resumed. */
export const agentRuns = sqliteTable(
  "agent_runs",
  {
    id: text("id").primaryKey(),
    jobId: integer("job_id"),
    job: text("job").notNull(),
    centerId: text("center_id").notNull(),
    triggerEventId: text("trigger_event_id"),
    promptId: text("prompt_id").notNull(),
    promptVersion: text("prompt_version").notNull(),
    model: text("model").notNull(),
    status: text("status", {
      enum: ["running", "completed", "limit_reached", "failed", "fallback"],
    }).notNull(),
    /** Why it ended: `end_turn`, `max_turns`, `max_tokens`, `timeout`, `model_unavailable`, ... */
    endReason: text("end_reason"),
    turns: integer("turns").notNull().default(0),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    cacheCreationInputTokens: integer("cache_creation_input_tokens").notNull().default(0),
    cacheReadInputTokens: integer("cache_read_input_tokens").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    startedAt: text("started_at").notNull(),
    endedAt: text("ended_at"),
  },
  (t) => [index("agent_runs_status").on(t.status), index("agent_runs_job").on(t.jobId)],
);

/** Every step of a run, in order: model request, model response, tool call, tool result. */
export const agentSteps = sqliteTable(
  "agent_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => agentRuns.id),
    seq: integer("seq").notNull(),
    type: text("type", {
      enum: ["model_request", "model_response", "tool_call", "tool_result"],
    }).notNull(),
    data: json<Record<string, unknown>>("data").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("agent_steps_run_seq").on(t.runId, t.seq)],
);

/** Usage of each model call, cache tokens kept apart from plain input tokens. */
export const modelCalls = sqliteTable(
  "model_calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => agentRuns.id),
    turn: integer("turn").notNull(),
    model: text("model").notNull(),
    stopReason: text("stop_reason"),
    inputTokens: integer("input_tokens").notNull(),
    outputTokens: integer("output_tokens").notNull(),
    cacheCreationInputTokens: integer("cache_creation_input_tokens").notNull(),
    cacheReadInputTokens: integer("cache_read_input_tokens").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("model_calls_run").on(t.runId)],
);

/**
 * Everything a person must decide before it happens. `content_hash` is the SHA-256 of what the
 * reviewer is shown; a decision carrying another hash is refused. `platform_call` is the exact
 * call approval makes, run through the outbox under `idempotency_key`.
 */
export const approvals = sqliteTable(
  "approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: APPROVAL_KINDS }).notNull(),
    centerId: text("center_id").notNull(),
    roomId: text("room_id"),
    /** Who or what it is about, e.g. `child:ch_123`, `staff:st_9`, `incident:inc_1`. */
    subject: text("subject"),
    title: text("title").notNull(),
    state: text("state", { enum: APPROVAL_STATES }).notNull(),
    /** `model` or `template`: template drafts are marked as such wherever they are shown. */
    draftSource: text("draft_source", { enum: DRAFT_SOURCES }).notNull(),
    draft: json<Record<string, unknown>>("draft").notNull(),
    edited: json<Record<string, unknown>>("edited"),
    contentHash: text("content_hash").notNull(),
    platformCall: json<Record<string, unknown>>("platform_call"),
    /** Deterministic facts behind the draft (fee arithmetic, severity floor, source record ids). */
    context: json<Record<string, unknown>>("context").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    agentRunId: text("agent_run_id"),
    promptId: text("prompt_id"),
    promptVersion: text("prompt_version"),
    triggerEventId: text("trigger_event_id"),
    decidedBy: text("decided_by"),
    decidedAt: text("decided_at"),
    decisionReason: text("decision_reason"),
    outboxId: integer("outbox_id"),
    executedAt: text("executed_at"),
    /** The id of the record the platform created when the call was made. */
    platformRecordId: text("platform_record_id"),
    lastError: text("last_error"),
    expiresAt: text("expires_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("approvals_dedupe").on(t.dedupeKey),
    uniqueIndex("approvals_idempotency").on(t.idempotencyKey),
    index("approvals_center_state").on(t.centerId, t.state),
  ],
);

/** Append-only, each entry chained to the previous by SHA-256 (see `audit/`). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    centerId: text("center_id"),
    subject: text("subject"),
    sourceIds: json<string[]>("source_ids").notNull(),
    correlationId: text("correlation_id"),
    data: json<Record<string, unknown>>("data").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_center_at").on(t.centerId, t.at),
    // The audit page: a center's newest entries by seq, read off the index without sorting.
    index("audit_center_seq").on(t.centerId, t.seq),
    index("audit_correlation").on(t.correlationId),
  ],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** scrypt hash (`scrypt$N$r$p$salt$hash`); null for service accounts, which only use tokens. */
  passwordHash: text("password_hash"),
  createdAt: text("created_at").notNull(),
  disabledAt: text("disabled_at"),
});

/** A user's role at a center; `center_id` `*` means every center. */
export const memberships = sqliteTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    centerId: text("center_id").notNull(),
    role: text("role", {
      enum: ["director", "assistant_director", "lead_teacher", "auditor", "service"],
    }).notNull(),
    /** For lead teachers: the rooms they lead. */
    roomIds: json<string[]>("room_ids").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.centerId] })],
);

/** Browser sessions; only the SHA-256 of the cookie value is stored. */
export const sessions = sqliteTable("sessions", {
  idHash: text("id_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  csrfToken: text("csrf_token").notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  revokedAt: text("revoked_at"),
});

/** API tokens for scripts and MCP clients; only the SHA-256 of the token is stored. */
export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** The first characters, shown in lists so a person can tell tokens apart. */
  prefix: text("prefix").notNull(),
  /** `read` (GET routes, MCP) or `write` (also decisions and acknowledgements). */
  scopes: json<string[]>("scopes").notNull(),
  createdAt: text("created_at").notNull(),
  lastUsedAt: text("last_used_at"),
  revokedAt: text("revoked_at"),
});

// ---- Staff compliance (issue 9): credential renewals ----

/**
 * One renewal opened for one credential record about to lapse (or lapsed): the director's platform
 * task and the staff member's drafted reminder were created for it once. Keyed by the expiry date
 * it was opened for, so the next daily run finds it instead of opening another; a newer expiry
 * date for the same credential clears it.
 */
export const credentialRenewals = sqliteTable(
  "credential_renewals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    staffId: text("staff_id").notNull(),
    credentialType: text("credential_type").notNull(),
    /** The expiry date this renewal was opened for. */
    expiresOn: text("expires_on").notNull(),
    status: text("status", { enum: ["open", "cleared"] }).notNull(),
    /** The credential status when opened (`expiring_30`, `overdue`, …). */
    openedStatus: text("opened_status").notNull(),
    reminderApprovalId: integer("reminder_approval_id"),
    taskOutboxKey: text("task_outbox_key").notNull(),
    openedAt: text("opened_at").notNull(),
    clearedAt: text("cleared_at"),
    /** The newer expiry date that cleared it. */
    clearedByExpiresOn: text("cleared_by_expires_on"),
  },
  (t) => [
    uniqueIndex("credential_renewals_once").on(
      t.centerId,
      t.staffId,
      t.credentialType,
      t.expiresOn,
    ),
    index("credential_renewals_center").on(t.centerId, t.status),
  ],
);

/* ---- At the door (issue 10): pick-up holds, custody restrictions, check-in exceptions ---- */

/**
 * A check-out (or pick-up attempt) by someone not authorized for the child. While `open`, a held
 * check-out is not projected: the child stays present and counted in ratio until a director
 * decides. `outcome` says whether the child then left with that person (the held check-out is
 * applied) or not.
 */
export const pickupHolds = sqliteTable(
  "pickup_holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    childId: text("child_id").notNull(),
    roomId: text("room_id"),
    /** `provider:source event id:seq` of the held event. */
    eventId: text("event_id").notNull().unique(),
    eventType: text("event_type").notNull(),
    /** The held domain event, applied to live state if the director hands the child over. */
    event: json<Record<string, unknown>>("event").notNull(),
    occurredAt: text("occurred_at").notNull(),
    personName: text("person_name"),
    method: text("method").notNull(),
    decision: text("decision", {
      enum: ["not_authorized", "restricted", "unidentified"],
    }).notNull(),
    reason: text("reason").notNull(),
    nearMatches: json<string[]>("near_matches").notNull(),
    state: text("state", { enum: ["open", "released"] }).notNull(),
    outcome: text("outcome", { enum: ["handed_over", "not_handed_over"] }),
    releasedBy: text("released_by"),
    releasedByName: text("released_by_name"),
    releasedAt: text("released_at"),
    releaseReason: text("release_reason"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("pickup_holds_center").on(t.centerId, t.state, t.occurredAt)],
);

/** People a court order or the center's record restricts from collecting a child. */
export const custodyRestrictions = sqliteTable(
  "custody_restrictions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    childId: text("child_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["no_contact", "court_order", "supervised_only"] }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("custody_restrictions_child").on(t.centerId, t.childId)],
);

/** What was unusual about a check-in (`rules/attendance/checkin.ts`), open until someone resolves it. */
export const checkinExceptions = sqliteTable(
  "checkin_exceptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    childId: text("child_id").notNull(),
    roomId: text("room_id").notNull(),
    eventId: text("event_id").notNull(),
    occurredAt: text("occurred_at").notNull(),
    /** The center's local date of the check-in: what the day's report selects on. */
    localDate: text("local_date").notNull(),
    kind: text("kind", {
      enum: ["early_arrival", "unexpected_time", "room_mismatch", "health_screening_missing"],
    }).notNull(),
    reason: text("reason").notNull(),
    details: json<Record<string, unknown>>("details").notNull(),
    state: text("state", { enum: ["open", "resolved"] }).notNull(),
    resolvedBy: text("resolved_by"),
    resolvedByName: text("resolved_by_name"),
    resolvedAt: text("resolved_at"),
    resolution: text("resolution"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("checkin_exceptions_once").on(t.eventId, t.kind),
    index("checkin_exceptions_day").on(t.centerId, t.localDate),
  ],
);

/** A center's door policy (`door/policy.ts`); centers without a row use the default. */
export const doorPolicies = sqliteTable("door_policies", {
  centerId: text("center_id").primaryKey(),
  policy: text("policy", { mode: "json" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

// --- reports (issue 10): subsidy authorizations and emergency drills ---

/**
 * A child's subsidy authorization from a funding agency: the program, its period and what it pays
 * for each month. A center's list is replaced whole by each import (the agency's export is the
 * source of truth), so there is no per-row editing.
 */
export const subsidyAuthorizations = sqliteTable(
  "subsidy_authorizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    childId: text("child_id").notNull(),
    program: text("program").notNull(),
    /** The agency's authorization number, printed on the claim. */
    reference: text("reference").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    hoursPerMonth: real("hours_per_month").notNull(),
    daysPerMonth: integer("days_per_month").notNull(),
    absenceDaysPerMonth: integer("absence_days_per_month").notNull(),
    source: text("source", { enum: ["sandbox", "import"] }).notNull(),
    importedAt: text("imported_at").notNull(),
  },
  (t) => [
    uniqueIndex("subsidy_auth_child_program_start").on(
      t.centerId,
      t.childId,
      t.program,
      t.startDate,
    ),
  ],
);

/**
 * An emergency drill: who was present when it started (live state at that instant, frozen here so
 * later check-ins cannot change the answer), and when and by whom it started and ended.
 */
export const drills = sqliteTable(
  "drills",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    kind: text("kind", { enum: ["fire", "evacuation", "lockdown", "shelter_in_place", "other"] })
      .notNull()
      .default("fire"),
    startedAt: text("started_at").notNull(),
    startedBy: text("started_by").notNull(),
    expected:
      json<{ kind: "child" | "staff"; id: string; name: string; roomId: string | null }[]>(
        "expected",
      ).notNull(),
    endedAt: text("ended_at"),
    endedBy: text("ended_by"),
  },
  (t) => [index("drills_center_started").on(t.centerId, t.startedAt)],
);

/** One tap at the assembly point: this person is accounted for, at this time, by this person. */
export const drillMarks = sqliteTable(
  "drill_marks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    drillId: integer("drill_id")
      .notNull()
      .references(() => drills.id),
    subjectKind: text("subject_kind", { enum: ["child", "staff"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    markedAt: text("marked_at").notNull(),
    markedBy: text("marked_by").notNull(),
  },
  (t) => [uniqueIndex("drill_marks_subject").on(t.drillId, t.subjectKind, t.subjectId)],
);

// ---- staff records (issue 9): hire dates and training completions ----

/**
 * A staff member's hire date as the center records it (neither platform's directory carries one):
 * imported, entered on the staff page, or invented by the sandbox. One row per staff member; a
 * later entry replaces the date.
 */
export const staffHireDates = sqliteTable(
  "staff_hire_dates",
  {
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    staffId: text("staff_id").notNull(),
    hireDate: text("hire_date").notNull(),
    source: text("source", { enum: ["import", "form", "sandbox"] }).notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.staffId] })],
);

/**
 * One completed training (the evidence behind mandated training hours). Append-only: imports add
 * rows, and `dedupeKey` (staff, topic, date, reference; empty text for a missing topic or
 * reference, since SQLite unique indexes treat NULLs as distinct) makes a re-import skip what is
 * already there instead of counting it twice.
 */
export const staffTraining = sqliteTable(
  "staff_training",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    staffId: text("staff_id").notNull(),
    topic: text("topic"),
    hours: real("hours").notNull(),
    completedOn: text("completed_on").notNull(),
    provider: text("provider").notNull(),
    /** The certificate or course number, when the provider gives one. */
    reference: text("reference"),
    source: text("source", { enum: ["import", "form", "sandbox"] }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [
    uniqueIndex("staff_training_once").on(t.centerId, t.dedupeKey),
    index("staff_training_staff").on(t.centerId, t.staffId, t.completedOn),
  ],
);
