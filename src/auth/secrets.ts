/**
 * @module auth/secrets
 * Random bearer secrets (session ids, API tokens, CSRF tokens) and the SHA-256 digest that is all
 * the database keeps of them: a leaked database copy holds no usable credential.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url, behind a prefix that tells a reader (or a secret scanner) what it is. */
export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time string comparison (compares digests, so lengths do not leak either). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash("sha256").update(a).digest(),
    createHash("sha256").update(b).digest(),
  );
}
