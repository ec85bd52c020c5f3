/**
 * @module test/support/browser
 * Debian's Chromium driven by playwright-core (no browser download). Browser tests are skipped on
 * a developer machine without Chromium, and required in CI, where `.ci/run` installs it.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);

if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
}

/** `describe`, skipped (with the reason in its name) where Chromium is not installed. */
export const describeInBrowser = (name: string, fn: () => void) =>
  available
    ? describe(name, fn)
    : describe.skip(`${name} (skipped: ${CHROMIUM} not installed; apt-get install chromium)`, fn);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Chromium's own background traffic would otherwise hit this machine's closed network.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
