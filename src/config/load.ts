import { AppError } from "../errors/index.js";
import { type Config, configSchema } from "./schema.js";

/** Any of these set means a real platform is configured. */
const realPlatformVariables = ["PROCARE_API_URL", "KANGAROOTIME_API_URL"] as const;

/**
 * Validates the environment once at start-up. A wrong value is a config_error whose message names
 * every offending variable, so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  // The sandbox is the default only for a service with no real platform: once one is configured,
  // fake centers (and their printed passwords) appear only when asked for with SANDBOX=on.
  cleaned.SANDBOX ??= realPlatformVariables.some((k) => cleaned[k]) ? "off" : "on";
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
  throw new AppError("config_error", `invalid configuration:\n${lines.join("\n")}`, {
    variables: parsed.error.issues.map((i) => i.path.join(".")),
  });
}
