/**
 * @module config/schema
 * Every environment variable the service reads, in one zod schema. `.env.example` lists the same
 * variables; `config/schema.test.ts` keeps the two in step.
 */
import { z } from "zod";
import { insideDataDirectory } from "./audit-anchor.js";
import { mcpTokensSchema } from "./mcp-tokens.js";

const onOff = z.enum(["on", "off"]);

const secretList = z
  .string()
  .transform((raw) =>
    raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/,
            "each secret must look like whsec_<base64 of at least 24 bytes>",
          ),
      )
      .max(2, "at most two secrets (current and previous) during rotation"),
  );

const optionalUrl = z.url().optional();

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_PATH: z.string().min(1).default("./data/centerline.db"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    PROCARE_WEBHOOK_SECRETS: secretList.optional(),
    KANGAROOTIME_WEBHOOK_SECRETS: secretList.optional(),
    WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
    PROCARE_API_URL: optionalUrl,
    PROCARE_API_KEY: z.string().min(1).optional(),
    KANGAROOTIME_API_URL: optionalUrl,
    KANGAROOTIME_API_KEY: z.string().min(1).optional(),
    RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
    DIRECTORY_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(900),
    STAFF_CREDENTIALS_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(86400),
    EVALUATE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(15),
    ALERT_TICK_SECONDS: z.coerce.number().int().min(0).default(1),
    DRAFTING_TICK_SECONDS: z.coerce.number().int().min(0).default(5),
    SANDBOX: onOff.default("on"),
    SANDBOX_SPEED: z.coerce.number().positive().max(100_000).default(72),
    SANDBOX_SEED: z.coerce.number().int().min(0).default(42),
    SANDBOX_CENTERS: z.coerce.number().int().min(1).max(50).default(2),
    SANDBOX_DATE: z.iso.date().optional(),
    SLACK_WEBHOOK_URL: optionalUrl,
    /** Hosts a center's own Slack webhook may be on (https only); SLACK_WEBHOOK_URL is trusted. */
    SLACK_ALLOWED_HOSTS: z
      .string()
      .default("hooks.slack.com")
      .transform((raw) =>
        raw
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, "expected AC followed by 32 hex digits")
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_FROM_NUMBER: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 number, e.g. +15551234567")
      .optional(),
    TWILIO_API_URL: z.url().default("https://api.twilio.com"),
    /** How long a Slack or Twilio request may take before its outcome counts as unknown. */
    SLACK_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(30),
    TWILIO_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(30),
    /** Which drafting jobs' drafts lapse at the end of the day they are about (`job=end_of_day|none`). */
    APPROVAL_EXPIRY: z
      .string()
      .regex(
        /^\s*([\w-]+\s*=\s*(end_of_day|none)\s*(,\s*|$))*$/,
        "expected job=end_of_day|none, comma-separated",
      )
      .default(""),
    /** How long a send that is not about an open safety alert is retried before it fails. */
    OUTBOX_RETRY_HORIZON_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 14)
      .default(24),
    /** How long a worker's claim on a send lasts; a send must finish well within it. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    /** Scheduled online backups of the database: every N hours into BACKUP_DIR (0 = off). */
    BACKUP_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 7)
      .default(24),
    /** Where scheduled backups go; default: `backups/` beside the database file. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** How many scheduled backups to keep (the oldest beyond that are removed). */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
    /** Retention period in years for every center (never below a jurisdiction's cited minimum). */
    RETENTION_YEARS: z.coerce.number().int().min(1).max(100).optional(),
    /** The daily retention job: `dry` reports what is past retention, `apply` deletes it. */
    RETENTION_PURGE: z.enum(["dry", "apply", "off"]).default("dry"),
    /** `/metrics` on the service's port, for a scraper sending this bearer token. */
    METRICS_TOKEN: z
      .string()
      .min(24, "the metrics token must be at least 24 characters")
      .optional(),
    /** `/metrics` without a token on this separate port (keep it off the public network). */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().default("127.0.0.1"),
    /** How long SIGTERM waits for in-flight work before closing what is still open. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    PUBLIC_URL: optionalUrl,
    ALERTS_SHADOW_MODE: onOff.default("off"),
    MCP_TOKENS: mcpTokensSchema.optional(),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_MODEL: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: optionalUrl,
    ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    AGENT_MAX_TURNS: z.coerce.number().int().positive().optional(),
    AGENT_MAX_OUTPUT_TOKENS: z.coerce.number().int().positive().optional(),
    AGENT_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
    /** OTLP/HTTP base URL (e.g. http://collector:4318): agent runs export GenAI spans there. */
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    CENTERLINE_BOOTSTRAP_TOKEN: z
      .string()
      .min(32, "the bootstrap token must be at least 32 characters")
      .regex(/^\S+$/, "the bootstrap token must not contain spaces")
      .optional(),
    /**
     * HMAC key for the audit chain's anchors; keep it out of the database and its backups. Unset:
     * no anchors are written.
     */
    AUDIT_ANCHOR_KEY: z
      .string()
      .min(32, "the audit anchor key must be at least 32 characters")
      .optional(),
    /** Where anchors are appended; default beside the data directory, never inside it. */
    AUDIT_ANCHOR_PATH: z.string().min(1).optional(),
    AUDIT_ANCHOR_INTERVAL_MINUTES: z.coerce.number().positive().max(60).default(60),
    /** Failed sign-ins per account, and per client address, within the window before a 429. */
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
    SIGN_IN_WINDOW_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
  })
  .superRefine((cfg, ctx) => {
    const twilio = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"] as const;
    if (twilio.some((k) => cfg[k] !== undefined)) {
      for (const k of twilio) {
        if (cfg[k] === undefined) {
          ctx.addIssue({
            code: "custom",
            path: [k],
            message: `required with the other Twilio variables (${twilio.join(", ")})`,
          });
        }
      }
    }
    if (cfg.AUDIT_ANCHOR_PATH && insideDataDirectory(cfg.AUDIT_ANCHOR_PATH, cfg.DATABASE_PATH)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUDIT_ANCHOR_PATH"],
        message: "must be outside the directory that holds DATABASE_PATH",
      });
    }
    if (cfg.SANDBOX === "on") return;
    for (const p of ["PROCARE", "KANGAROOTIME"] as const) {
      const url = cfg[`${p}_API_URL`];
      if (url && !cfg[`${p}_WEBHOOK_SECRETS`]?.length) {
        ctx.addIssue({
          code: "custom",
          path: [`${p}_WEBHOOK_SECRETS`],
          message: `required when SANDBOX=off and ${p}_API_URL is set`,
        });
      }
    }
    if (!cfg.PROCARE_API_URL && !cfg.KANGAROOTIME_API_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SANDBOX"],
        message: "SANDBOX=off needs PROCARE_API_URL or KANGAROOTIME_API_URL",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
