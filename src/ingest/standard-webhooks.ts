/**
 * @module ingest/standard-webhooks
 * The Standard Webhooks v1 symmetric scheme: `webhook-signature: v1,<base64 HMAC-SHA256>` over
 * `{webhook-id}.{webhook-timestamp}.{raw body}`, with `whsec_<base64>` secrets. Verification is
 * constant-time, bounded by a timestamp tolerance, and accepts any of the configured secrets so a
 * secret can be rotated without dropping a delivery.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError, err, ok, type Result } from "../errors/index.js";

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

/** Over the bytes as sent: a string body is its UTF-8 bytes, a byte body is taken as it is. */
function hmac(secret: string, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac("sha256", secretBytes(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest();
}

/** A new random secret in the `whsec_` form. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Signs `body` as a Standard Webhooks sender would; `timestampSeconds` is Unix seconds. */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): SignedHeaders {
  const timestamp = String(Math.floor(timestampSeconds));
  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${hmac(secret, id, timestamp, body).toString("base64")}`,
  };
}

export interface VerifyInput {
  headers: { id?: string | null; timestamp?: string | null; signature?: string | null };
  /** The raw body; prefer the bytes as received, which is what the sender signed. */
  body: string | Uint8Array;
  secrets: readonly string[];
  /** Current time in Unix seconds (a parameter, so tests and replays control it). */
  nowSeconds: number;
  toleranceSeconds: number;
}

/** Returns the verified webhook id, or an `invalid_signature` error saying what was wrong. */
export function verifyWebhook(input: VerifyInput): Result<{ id: string; timestamp: number }> {
  const { id, timestamp, signature } = input.headers;
  if (!id || !timestamp || !signature) {
    const missing = [
      !id && "webhook-id",
      !timestamp && "webhook-timestamp",
      !signature && "webhook-signature",
    ]
      .filter(Boolean)
      .join(", ");
    return err(new AppError("invalid_signature", `missing header(s): ${missing}`));
  }
  if (!/^\d+$/.test(timestamp)) {
    return err(new AppError("invalid_signature", "webhook-timestamp must be Unix seconds"));
  }
  const ts = Number(timestamp);
  if (Math.abs(input.nowSeconds - ts) > input.toleranceSeconds) {
    return err(
      new AppError(
        "invalid_signature",
        `webhook-timestamp is outside the ${input.toleranceSeconds}s tolerance`,
      ),
    );
  }
  if (input.secrets.length === 0) {
    return err(
      new AppError("invalid_signature", "no webhook secret is configured for this provider"),
    );
  }
  const candidates = signature
    .split(" ")
    .map((part) => part.split(","))
    .filter(([version, value]) => version === "v1" && value)
    .map(([, value]) => Buffer.from(value as string, "base64"));
  for (const secret of input.secrets) {
    const expected = hmac(secret, id, timestamp, input.body);
    for (const candidate of candidates) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) {
        return ok({ id, timestamp: ts });
      }
    }
  }
  return err(new AppError("invalid_signature", "no v1 signature matches a configured secret"));
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Verifies the signature over the raw bytes, then reads them as UTF-8 text. A correctly signed
 * body that is not plain UTF-8 (a byte order mark, or invalid sequences) is the sender's encoding
 * mistake, not a forgery: it gets `invalid_encoding` naming that, not `invalid_signature`.
 */
export function verifyAndDecode(input: VerifyInput & { body: Uint8Array }): Result<string> {
  const verified = verifyWebhook(input);
  if (!verified.ok) return verified;
  const bytes = input.body;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return err(
      new AppError(
        "invalid_encoding",
        "the body starts with a UTF-8 byte order mark (EF BB BF); send UTF-8 JSON without one",
        { field: "body", encoding: "utf-8 with BOM" },
      ),
    );
  }
  try {
    return ok(strictUtf8.decode(bytes));
  } catch {
    return err(
      new AppError("invalid_encoding", "the body is not valid UTF-8; send UTF-8 JSON", {
        field: "body",
        encoding: "invalid utf-8",
      }),
    );
  }
}
