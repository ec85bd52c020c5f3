import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { generateSecret } from "../ingest/standard-webhooks.js";
import { loadConfig } from "./load.js";
import { configSchema } from "./schema.js";

describe("loadConfig", () => {
  it("runs with no variables at all: sandbox on, port 8787, database under ./data", () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(8787);
    expect(cfg.SANDBOX).toBe("on");
    expect(cfg.DATABASE_PATH).toBe("./data/centerline.db");
    expect(cfg.SANDBOX_SPEED).toBe(72);
  });

  it("names every wrong variable in one message", () => {
    try {
      loadConfig({ PORT: "eighty", SANDBOX: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(AppError.is(error) && error.code).toBe("config_error");
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/SANDBOX/);
    }
  });

  it("splits secrets on commas for rotation and refuses malformed ones", () => {
    const [a, b] = [generateSecret(), generateSecret()];
    expect(loadConfig({ PROCARE_WEBHOOK_SECRETS: `${a}, ${b}` }).PROCARE_WEBHOOK_SECRETS).toEqual([
      a,
      b,
    ]);
    expect(() => loadConfig({ PROCARE_WEBHOOK_SECRETS: "hunter2" })).toThrow(
      /PROCARE_WEBHOOK_SECRETS/,
    );
  });

  it("leaves the sandbox off when a real platform is configured, unless asked for", () => {
    const secret = generateSecret();
    const real = { PROCARE_API_URL: "https://p.example", PROCARE_WEBHOOK_SECRETS: secret };
    expect(loadConfig(real).SANDBOX).toBe("off");
    expect(loadConfig({ ...real, SANDBOX: "on" }).SANDBOX).toBe("on");
    expect(() => loadConfig({ KANGAROOTIME_API_URL: "https://k.example" })).toThrow(
      /KANGAROOTIME_WEBHOOK_SECRETS/,
    );
  });

  it("needs a platform and its secrets when the sandbox is off", () => {
    expect(() => loadConfig({ SANDBOX: "off" })).toThrow(/PROCARE_API_URL or KANGAROOTIME_API_URL/);
    expect(() => loadConfig({ SANDBOX: "off", PROCARE_API_URL: "https://p.example" })).toThrow(
      /PROCARE_WEBHOOK_SECRETS/,
    );
    const ok = loadConfig({
      SANDBOX: "off",
      PROCARE_API_URL: "https://p.example",
      PROCARE_WEBHOOK_SECRETS: generateSecret(),
    });
    expect(ok.SANDBOX).toBe("off");
  });

  it("alerts: shadow mode off by default, Twilio all-or-nothing, E.164 sender", () => {
    const cfg = loadConfig({});
    expect(cfg.ALERTS_SHADOW_MODE).toBe("off");
    expect(cfg.TWILIO_API_URL).toBe("https://api.twilio.com");
    expect(cfg.SLACK_WEBHOOK_URL).toBeUndefined();
    expect(() => loadConfig({ TWILIO_AUTH_TOKEN: "t" })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ TWILIO_AUTH_TOKEN: "t" })).toThrow(/TWILIO_FROM_NUMBER/);
    const sid = `AC${"a".repeat(32)}`;
    expect(() =>
      loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: "t", TWILIO_FROM_NUMBER: "555" }),
    ).toThrow(/TWILIO_FROM_NUMBER/);
    const ok = loadConfig({
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: "t",
      TWILIO_FROM_NUMBER: "+15005550006",
      SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/X",
      PUBLIC_URL: "https://centerline.example",
      ALERTS_SHADOW_MODE: "on",
    });
    expect(ok.ALERTS_SHADOW_MODE).toBe("on");
    expect(() => loadConfig({ SLACK_WEBHOOK_URL: "not a url" })).toThrow(/SLACK_WEBHOOK_URL/);
  });

  it(".env.example lists exactly the variables the schema reads", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(configSchema.shape).sort());
  });
});
