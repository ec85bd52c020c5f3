/**
 * Signing in as an attacker would try it: `next` pointing elsewhere or carrying control
 * characters, and (below) guessing passwords.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
let director: { email: string; password: string };

beforeAll(async () => {
  t = await startTestService();
  const user = t.users.find((u) => u.role === "director")!;
  director = { email: user.email, password: user.password! };
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const signIn = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${t.service.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: t.service.url, ...headers },
    body: new URLSearchParams(form),
  });

describe("where a sign-in lands", () => {
  it("goes back to a path on this origin, and anywhere else to the app", async () => {
    const home = await signIn({ ...director, next: "/centers/center_001/alerts?x=1" });
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe("/centers/center_001/alerts?x=1");
    for (const next of ["//evil.example/phish", "https://evil.example/", "/\\evil.example"]) {
      const res = await signIn({ ...director, next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/centers");
    }
    const dotted = await signIn({ ...director, next: "/.//evil.example/phish" });
    expect(dotted.headers.get("location")).toBe("/evil.example/phish");
  });

  it("answers 400 to a next with control characters, on the page and the post", async () => {
    for (const next of ["/\t/evil.example/phish", "/\n/x", "/\u000b/x"]) {
      const res = await signIn({ ...director, next });
      expect(res.status, JSON.stringify(next)).toBe(400);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const page = await fetch(`${t.service.url}/sign-in?next=%2F%09%2Fevil.example%2Fphish`);
    expect(page.status).toBe(400);
  });
});

describe("guessing passwords", () => {
  it("answers 429 with Retry-After after 10 failures for one account, the right password too", async () => {
    const victim = t.users.find((u) => u.role === "auditor")!;
    for (let i = 0; i < 10; i++) {
      const res = await signIn({ email: victim.email, password: `wrong ${i}` });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    // Another spelling of the same email is the same account.
    const blocked = await signIn({ email: victim.email.toUpperCase(), password: victim.password! });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.get("set-cookie")).toBeNull();
    expect(await blocked.text()).toMatch(/Too many attempts/);
    // Other accounts from this address still sign in.
    expect((await signIn({ ...director })).status).toBe(303);
  });
});

describe("guessing across accounts from one address", () => {
  it("answers 429 once the address has used up its failures, whatever the account", async () => {
    const s = await startTestService({ env: { SIGN_IN_MAX_FAILURES_PER_ADDRESS: "5" } });
    try {
      const post = (email: string, password: string) =>
        fetch(`${s.service.url}/sign-in`, {
          method: "POST",
          redirect: "manual",
          headers: { origin: s.service.url },
          body: new URLSearchParams({ email, password }),
        });
      for (let i = 0; i < 5; i++) {
        expect((await post(`nobody${i}@example.org`, "x")).status).toBe(401);
      }
      const user = s.users.find((u) => u.role === "director")!;
      const res = await post(user.email, user.password!);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await s.stop();
    }
  });
});
