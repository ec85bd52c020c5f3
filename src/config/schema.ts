/**
 * @module config/schema
 * Every environment variable the service reads, in one zod schema. `.env.example` lists the same
 * variables; `config/schema.test.ts` keeps the two in step.
 */
import { z } from "zod";
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
    /** How long a send that is not about an open safety alert is retried before it fails. */
    OUTBOX_RETRY_HORIZON_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 14)
      .default(24),
    /** How long a worker's claim on a send lasts; a send must finish well within it. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
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
