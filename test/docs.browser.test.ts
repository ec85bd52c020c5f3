/**
 * @module
 * `/docs` in a real browser (Debian's Chromium): the API reference renders from the service's own
 * `/openapi.json`, its "Test Request" client calls the service itself, and no request leaves the
 * service's origin, so the page works offline.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchBrowser } from "./support/browser.js";
import { startTestService, type TestService } from "./support/service.js";

describeInBrowser("/docs", () => {
  let t: TestService;
  let service: TestService["service"];
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestService();
    service = t.service;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("serves the reference bundle from the service, cached for good", async () => {
    const html = await (await fetch(`${service.url}/docs`)).text();
    const src = /<script src="([^"]+)"><\/script>/.exec(html)?.[1];
    expect(src).toMatch(/^\/docs\/assets\/api-reference\.[0-9a-f]{16}\.js$/);
    const res = await fetch(`${service.url}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await res.text()).length).toBeGreaterThan(100_000);
    // Any other name is not ours to serve: an old hash after an upgrade, or a probe.
    expect((await fetch(`${service.url}/docs/assets/api-reference.0.js`)).status).toBe(404);
  });

  it("renders the API reference and tries a request, all without leaving the service", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${service.url}/docs`);
    await expect
      .poll(() => page.getByRole("heading", { name: "Centerline API" }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    // The interactive part: open the client for the first operation, GET /healthz, and send it.
    await page
      .getByRole("button", { name: /Test Request/ })
      .first()
      .click();
    await page.getByRole("button", { name: /^Send/ }).first().click();
    await expect.poll(() => page.getByText("200 OK").first().isVisible()).toBe(true);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Centers" }).first().click();
    await expect
      .poll(() => page.getByText("/api/centers/{center}/rooms").first().isVisible())
      .toBe(true);

    expect(requested).toContain(`${service.url}/openapi.json`);
    expect(requested).toContain(`${service.url}/healthz`);
    const origin = new URL(service.url).origin;
    const outside = requested.filter(
      (url) =>
        !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
    );
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
