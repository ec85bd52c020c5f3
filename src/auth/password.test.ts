import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.js";

describe("scrypt passwords", () => {
  it("stores its parameters and a fresh salt, and verifies only the right password", async () => {
    const a = await hashPassword("a long enough passphrase");
    const b = await hashPassword("a long enough passphrase");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("a long enough passphrase", a)).toBe(true);
    expect(await verifyPassword("a long enough passphrasE", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("verifies a cheaper hash by the parameters stored in it", async () => {
    const cheap = await hashPassword("xK3v9q2mZpL0aW7tYb1c", "random-password");
    expect(cheap.startsWith("scrypt$1024$")).toBe(true);
    expect(await verifyPassword("xK3v9q2mZpL0aW7tYb1c", cheap)).toBe(true);
  });

  it("never matches a malformed or absurd stored hash", async () => {
    const good = await hashPassword("a long enough passphrase");
    const [, , r, p, salt, key] = good.split("$");
    for (const stored of [
      "",
      "plaintext",
      good.replace("scrypt", "bcrypt"),
      `scrypt$0$${r}$${p}$${salt}$${key}`,
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`,
      `scrypt$32768$${r}$${p}$${salt}$c2hvcnQ`,
    ]) {
      expect(await verifyPassword("a long enough passphrase", stored), stored).toBe(false);
    }
  });
});
