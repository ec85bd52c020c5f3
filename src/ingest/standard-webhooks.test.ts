import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateSecret,
  signWebhook,
  verifyAndDecode,
  verifyWebhook,
} from "./standard-webhooks.js";

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

describe("the raw bytes", () => {
  const secret = generateSecret();
  const decode = (bytes: Uint8Array, signedBytes = bytes) => {
    const headers = signWebhook(secret, "msg_1", now, signedBytes);
    return verifyAndDecode({
      headers: {
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
      },
      body: bytes,
      secrets: [secret],
      nowSeconds: now,
      toleranceSeconds: 300,
    });
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("verifies the bytes as sent and gives back the text", () => {
    expect(decode(utf8('{"name":"Zoë"}'))).toEqual({ ok: true, value: '{"name":"Zoë"}' });
  });

  it("answers a correctly signed body with a BOM or invalid UTF-8 with invalid_encoding, naming it", () => {
    const bom = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("{}")]));
    expect(bom.ok).toBe(false);
    if (!bom.ok) {
      expect(bom.error.code).toBe("invalid_encoding");
      expect(bom.error.message).toMatch(/byte order mark/);
    }
    const latin1 = decode(new Uint8Array([...utf8('{"name":"Zo'), 0xeb, ...utf8('"}')]));
    expect(latin1.ok).toBe(false);
    if (!latin1.ok) expect(latin1.error).toMatchObject({ code: "invalid_encoding" });
  });

  it("still answers a wrong signature with invalid_signature, whatever the encoding", () => {
    const tampered = decode(new Uint8Array([0xff, 0xfe]), utf8("{}"));
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect(tampered.error.code).toBe("invalid_signature");
  });
});
