import { describe, expect, it } from "vitest";
import { bearerToken, isPublicPath, safeNext, sessionCookieName } from "./http.js";
import { withBearerAuth } from "./openapi.js";

describe("request helpers", () => {
  it("reads only a well-formed Bearer header", () => {
    expect(bearerToken("Bearer cl_abc")).toBe("cl_abc");
    expect(bearerToken("bearer  cl_abc ")).toBe("cl_abc");
    expect(bearerToken("Bearer a b")).toBeUndefined();
    expect(bearerToken("Basic cl_abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("returns after sign-in only to a path on this origin", () => {
    const base = "http://centerline.test/sign-in";
    const next = (value: string | undefined) => {
      const result = safeNext(value, base);
      return result.ok ? result.value : result.error.code;
    };
    expect(next("/board?x=1#top")).toBe("/board?x=1#top");
    expect(next("/centers/center_001/../../approvals")).toBe("/approvals");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "http://centerline.test.evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "",
      undefined,
    ]) {
      expect(next(bad), String(bad)).toBe("/");
    }
    // `.//` normalizes to a path that starts with `//`: still one slash in the Location.
    expect(next("/.//evil.example/phish")).toBe("/evil.example/phish");
    for (const control of [
      "/\t/evil.example/phish",
      "/\n/evil",
      "/a\u000bb",
      "/\r",
      "/\u0000",
      "/\u007f",
    ]) {
      expect(next(control), JSON.stringify(control)).toBe("bad_request");
    }
  });

  it("keeps webhooks, health, readiness, docs and sign-in public, and nothing else", () => {
    for (const path of [
      "/healthz",
      "/readyz",
      "/webhooks/procare",
      "/openapi.json",
      "/docs",
      "/sign-in",
    ]) {
      expect(isPublicPath(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/approvals",
      "/board/stream",
      "/sign-out",
      "/docsx",
      "/api/centers",
    ]) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });

  it("names the cookie __Host- only over https", () => {
    expect(sessionCookieName({ https: true })).toBe("__Host-centerline_session");
    expect(sessionCookieName({ https: false })).toBe("centerline_session");
  });
});

describe("withBearerAuth", () => {
  it("puts the bearer scheme and its 401/403 on /api operations only", () => {
    const doc = withBearerAuth({
      paths: {
        "/api/things": { get: { responses: { 200: {} } }, post: { responses: { 200: {} } } },
        "/webhooks/x": { post: { responses: { 200: {} } } },
      },
      components: { schemas: {} },
    });
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths["/api/things"]?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(paths["/api/things"]?.get?.responses ?? {})).toEqual(["200", "401"]);
    expect(Object.keys(paths["/api/things"]?.post?.responses ?? {})).toEqual(["200", "401", "403"]);
    expect(paths["/webhooks/x"]?.post?.security).toBeUndefined();
    expect(doc.components).toMatchObject({
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    });
  });
});
