/**
 * The licensing ratio report over a sandbox week, checked against what the sandbox's script
 * intends: each room is out of ratio exactly during its scripted stretches (a call-out before the
 * floater arrives, an uncovered break) and never otherwise. The CSV must carry the same totals and
 * the PDF is rendered to PNG (pdftoppm, when installed) for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RatioReport } from "../src/reports/index.js";
import type { ScenarioMarker } from "../src/sandbox/events.js";
import { startTestService, type TestService } from "./support/service.js";

const OUT = join(import.meta.dirname, "output", "reports");
let t: TestService;
const stretches: ScenarioMarker[] = [];
const days: string[] = [];

beforeAll(async () => {
  // A week is ~2,100 deliveries; a RAM-backed file spares each its fsync (durability is tested elsewhere).
  const dir = existsSync("/dev/shm")
    ? mkdtempSync(join("/dev/shm", "centerline-report-"))
    : undefined;
  t = await startTestService(dir ? { databasePath: join(dir, "centerline.db") } : {});
  for (let day = 0; day < 5; day++) {
    days.push(t.sandbox.plan.date);
    stretches.push(
      ...t.sandbox.plan.scenarios.filter(
        (s) => s.kind === "call_out_violation" || s.kind === "uncovered_break",
      ),
    );
    // Step the sim clock through each event time, as the live runner does: the monitor evaluates
    // at business "now", so a whole day posted at once would be judged at its end.
    const times = [...new Set(t.sandbox.plan.events.map((e) => e.at))].sort();
    for (const at of times) {
      for (const d of t.sandbox.advanceTo(new Date(at))) expect((await t.post(d)).status).toBe(200);
      t.settle();
    }
    const rest = day < 4 ? t.sandbox.nextDay() : t.sandbox.playDay();
    for (const d of rest) expect((await t.post(d)).status).toBe(200);
    t.settle();
    t.service.evaluateNow();
  }
  mkdirSync(OUT, { recursive: true });
}, 600_000);
afterAll(() => t?.stop());

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

async function report(center: string, format = "json") {
  const from = days[0]!;
  const to = days.at(-1)!;
  return t.api(`/api/centers/${center}/reports/ratio?from=${from}&to=${to}&format=${format}`);
}

describe("licensing ratio report over a sandbox week", () => {
  for (const center of ["center_001", "CTR_002"]) {
    it(`${center}: violations and out-of-ratio time equal the scripted stretches`, async () => {
      const res = await report(center);
      expect(res.status).toBe(200);
      const body = (await res.json()) as RatioReport;
      const expected = stretches.filter((s) => s.centerId === center);
      expect(expected.length).toBeGreaterThanOrEqual(5);
      expect(body.violations.map((v) => [v.roomId, ms(v.startedAt), ms(v.endedAt)]).sort()).toEqual(
        expected.map((s) => [s.roomId, ms(s.at), ms(s.endsAt)]).sort(),
      );
      for (const room of body.rooms) {
        const scripted = expected
          .filter((s) => s.roomId === room.roomId)
          .reduce((sum, s) => sum + (Date.parse(s.endsAt!) - Date.parse(s.at)), 0);
        expect(room.outOfRatioMs, room.roomName).toBe(scripted);
        expect(room.inRatioMs + room.outOfRatioMs).toBe(room.observedMs);
        expect(room.ruleSource).toMatch(/state US-|center policy/);
        expect(room.citations.length).toBeGreaterThan(0);
      }
      for (const v of body.violations) {
        expect(v.cause).toMatch(/need|staff|group/);
        expect(v.endCause).toMatch(/^back in ratio/);
        expect(v.endEvent).not.toBeNull();
        expect(v.alerts.length).toBeGreaterThan(0);
      }
      expect(body.totals.violations).toBe(expected.length);
    });
  }

  it("the CSV carries the same rooms, minutes and violations", async () => {
    const json = (await (await report("center_001")).json()) as RatioReport;
    const res = await report("center_001", "csv");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="ratio-report-center_001-/,
    );
    const text = await res.text();
    writeFileSync(join(OUT, "ratio-report-center_001.csv"), text);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "section,room,observed_min,in_ratio_min,out_of_ratio_min,violation_id,started_at,ended_at,duration_min,worst_status,cause,cause_event,ended_by,end_event,alerts_sent,acknowledged,rule_source,citations",
    );
    const roomLines = lines.filter((l) => l.startsWith("room,"));
    expect(roomLines).toHaveLength(json.rooms.length);
    const outMinutes = roomLines.reduce((s, l) => s + Number(l.split(",")[4]), 0);
    expect(outMinutes).toBe(
      json.rooms.reduce((s, r) => s + Math.floor(r.outOfRatioMs / 60_000), 0),
    );
    expect(lines.filter((l) => l.startsWith("violation,"))).toHaveLength(json.violations.length);
  });

  it("the PDF is a real PDF and renders (pdftoppm) for review", async () => {
    const res = await report("CTR_002", "pdf");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const file = join(OUT, "ratio-report-CTR_002.pdf");
    writeFileSync(file, bytes);
    if (!existsSync("/usr/bin/pdftoppm")) {
      if (process.env.CI)
        throw new Error("pdftoppm is required in CI (.ci/run installs poppler-utils)");
      return;
    }
    execFileSync("/usr/bin/pdftoppm", [
      "-png",
      "-r",
      "60",
      file,
      join(OUT, "ratio-report-CTR_002"),
    ]);
    expect(existsSync(join(OUT, "ratio-report-CTR_002-1.png"))).toBe(true);
    // Written for an inspector: local times with the zone, no delivery bookkeeping, no internal
    // confidence tags, headers whole.
    const text = execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/Generated \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M [A-Z]{2,5}/);
    expect(text).not.toMatch(/UNCONFIRMED|skipped|×\d|\bZ\b|T\d{2}:\d{2}:\d{2}/);
    expect(text).toContain("Acknowledged");
  });

  it("refuses a backwards range and an unknown center with clear 4xx", async () => {
    const bad = await t.api(`/api/centers/center_001/reports/ratio?from=2026-11-27&to=2026-11-23`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /from must not be after to/,
    );
    const missing = await t.api(`/api/centers/nope/reports/ratio?from=2026-11-23&to=2026-11-23`);
    expect(missing.status).toBe(404);
  });
});
