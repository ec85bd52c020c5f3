/**
 * @module auth/sign-in-limits
 * Failed sign-ins are counted per account (the email) and per client address, each in a sliding
 * window; past the limit, further attempts — a right password included — wait out `Retry-After`.
 * A success clears the account's count. In memory (rate-limiter-flexible), so the counts are per
 * process and start over at a restart, which is fine for one service process.
 *
 * The account limit lets someone lock a person out for a window by guessing on purpose; the
 * window is short and the refusal is logged with the address, which is the trade against
 * unlimited guessing.
 */
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

export interface SignInLimits {
  /** Failed attempts for one email within the window before it is blocked. */
  accountFailures: number;
  /** Failed attempts from one client address within the window before it is blocked. */
  addressFailures: number;
  windowSeconds: number;
}

export const defaultSignInLimits: SignInLimits = {
  accountFailures: 10,
  addressFailures: 50,
  windowSeconds: 15 * 60,
};

export interface SignInLimiter {
  /** Seconds to wait before trying again, or undefined when an attempt may go ahead. */
  retryAfter(email: string, address: string): Promise<number | undefined>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string): Promise<void>;
}

const accountKey = (email: string) => email.trim().toLowerCase();

export function createSignInLimiter(limits: SignInLimits = defaultSignInLimits): SignInLimiter {
  const byAccount = new RateLimiterMemory({
    keyPrefix: "sign-in-account",
    points: limits.accountFailures,
    duration: limits.windowSeconds,
  });
  const byAddress = new RateLimiterMemory({
    keyPrefix: "sign-in-address",
    points: limits.addressFailures,
    duration: limits.windowSeconds,
  });
  const waitOf = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  // Over the limit, consume() rejects with the state; the count is what matters, not the refusal.
  const count = (limiter: RateLimiterMemory, key: string) =>
    limiter.consume(key).then(
      () => undefined,
      () => undefined,
    );
  return {
    async retryAfter(email, address) {
      const [account, client] = await Promise.all([
        byAccount.get(accountKey(email)),
        byAddress.get(address),
      ]);
      const wait = Math.max(
        waitOf(account, limits.accountFailures),
        waitOf(client, limits.addressFailures),
      );
      return wait > 0 ? wait : undefined;
    },
    async failed(email, address) {
      await Promise.all([count(byAccount, accountKey(email)), count(byAddress, address)]);
    },
    async succeeded(email) {
      await byAccount.delete(accountKey(email));
    },
  };
}
