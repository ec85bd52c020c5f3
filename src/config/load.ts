import { AppError } from "../errors/index.js";
import { type Config, configSchema } from "./schema.js";

/**
 * Validates the environment once at start-up. A wrong value is a config_error whose message names
 * every offending variable, so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
  throw new AppError("config_error", `invalid configuration:\n${lines.join("\n")}`, {
    variables: parsed.error.issues.map((i) => i.path.join(".")),
  });
}
