import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSecret, signWebhook, verifyWebhook } from "./standard-webhooks.js";

const body = '{"event_type":"check_in","child_id":"CHLD_1"}';
const now = 1_790_000_000;

function verify(headers: ReturnType<typeof signWebhook>, secrets: string[], at = now, raw = body) {
  return verifyWebhook({
    headers: {
      id: headers["webhook-id"],
      timestamp: headers["webhook-timestamp"],
      signature: headers["webhook-signature"],
    },
    body: raw,
    secrets,
    nowSeconds: at,
    toleranceSeconds: 300,
  });
}

describe("Standard Webhooks v1", () => {
  const secret = generateSecret();

  it("matches the spec's construction: base64 HMAC-SHA256 of id.timestamp.body with the decoded secret", () => {
    const headers = signWebhook(secret, "msg_1", now, body);
    const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
      .update(`msg_1.${now}.${body}`)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
  });

  it("accepts a correct signature", () => {
    const result = verify(signWebhook(secret, "msg_1", now, body), [secret]);
    expect(result).toEqual({ ok: true, value: { id: "msg_1", timestamp: now } });
  });

  it("rejects a body changed by one byte", () => {
    const result = verify(signWebhook(secret, "msg_1", now, body), [secret], now, `${body} `);
    expect(result.ok).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    const result = verify(signWebhook(generateSecret(), "msg_1", now, body), [secret]);
    expect(!result.ok && result.error.code).toBe("invalid_signature");
  });

  it("rejects timestamps outside the tolerance, in either direction", () => {
    const headers = signWebhook(secret, "msg_1", now, body);
    expect(verify(headers, [secret], now + 301).ok).toBe(false);
    expect(verify(headers, [secret], now - 301).ok).toBe(false);
    expect(verify(headers, [secret], now + 299).ok).toBe(true);
  });

  it("accepts either secret during rotation, and a multi-signature header", () => {
    const previous = generateSecret();
    expect(verify(signWebhook(previous, "msg_2", now, body), [secret, previous]).ok).toBe(true);
    const a = signWebhook(generateSecret(), "msg_3", now, body)["webhook-signature"];
    const b = signWebhook(secret, "msg_3", now, body)["webhook-signature"];
    const headers = {
      ...signWebhook(secret, "msg_3", now, body),
      "webhook-signature": `${a} ${b}`,
    };
    expect(verify(headers, [secret]).ok).toBe(true);
  });

  it("names missing headers", () => {
    const result = verifyWebhook({
      headers: { id: "msg_1", timestamp: null, signature: undefined },
      body,
      secrets: [secret],
      nowSeconds: now,
      toleranceSeconds: 300,
    });
    expect(!result.ok && result.error.message).toBe(
      "missing header(s): webhook-timestamp, webhook-signature",
    );
  });

  it("refuses everything when no secret is configured", () => {
    expect(verify(signWebhook(secret, "msg_1", now, body), []).ok).toBe(false);
  });
});
