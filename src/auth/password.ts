/**
 * @module auth/password
 * Password hashing with node:crypto's scrypt (memory-hard, in the standard library, no package to
 * keep up). The stored string carries its own parameters (`scrypt$N$r$p$salt$hash`, base64url), so
 * the cost can be raised later without breaking existing hashes.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; node's default cap (32 MiB) is exactly N=2^15, r=8.
    const maxmem = 256 * (options.N ?? N) * (options.r ?? R);
    scrypt(password.normalize("NFKC"), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * `cost` lowers N only for passwords that are themselves random (the sandbox's generated ones): a
 * 144-bit random password cannot be guessed whatever the hash costs, and start-up stays fast.
 */
export async function hashPassword(
  password: string,
  cost: "standard" | "random-password" = "standard",
): Promise<string> {
  const n = cost === "standard" ? N : 2 ** 10;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N: n, r: R, p: P }, KEY_LENGTH);
  return ["scrypt", n, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, "base64url");
  const expected = Buffer.from(parts[5] as string, "base64url");
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || expected.length < 16) return false;
  if (n > 2 ** 20 || r > 32 || p > 16) return false;
  const actual = await derive(password, salt, { N: n, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** A random password for seeded accounts: 18 bytes, base64url (24 characters). */
export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}
