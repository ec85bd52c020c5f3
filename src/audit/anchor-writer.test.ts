import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logging/index.js";
import { openDatabase } from "../storage/index.js";
import { readAnchors } from "./anchor.js";
import { startAnchorWriter } from "./anchor-writer.js";
import { appendAudit } from "./append.js";

const KEY = "writer-test-key-0123456789abcdefghij";
const dir = mkdtempSync(join(tmpdir(), "centerline-anchor-writer-"));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = {
  actor: "system:test",
  action: "alert.opened",
  centerId: null,
  subject: null,
  sourceIds: [],
  correlationId: null,
  data: {},
};

describe("startAnchorWriter", () => {
  it("writes signed start, timed and shutdown heads, and logs an error at start-up after tampering", async () => {
    const path = join(dir, "anchors.jsonl");
    const db = openDatabase(":memory:");
    appendAudit(db, entry, "2026-11-23T09:00:00.000Z");
    const writer = startAnchorWriter({
      db,
      key: KEY,
      path,
      wallClock: () => new Date("2026-11-23T10:00:00.000Z"),
      logger: silentLogger,
      intervalMs: 20,
    });
    appendAudit(db, entry, "2026-11-23T09:00:01.000Z");
    await new Promise((resolve) => setTimeout(resolve, 80));
    writer.stop();
    const anchors = readAnchors(readFileSync(path, "utf8"), KEY);
    if (!anchors.ok) throw anchors.error;
    const kinds = anchors.value.map((a) => a.kind);
    expect(kinds[0]).toBe("start");
    expect(kinds).toContain("hourly");
    expect(kinds.at(-1)).toBe("shutdown");
    expect(anchors.value[0]?.seq).toBe(1);
    expect(anchors.value.at(-1)?.seq).toBe(2);

    // The file now says the service stopped at seq 2; an append since is reported at the next start.
    appendAudit(db, { ...entry, action: "approval.approved" }, "2026-11-23T11:00:00.000Z");
    const errors: unknown[] = [];
    const logger = Object.assign(Object.create(silentLogger), {
      error: (obj: unknown) => errors.push(obj),
    });
    startAnchorWriter({
      db,
      key: KEY,
      path,
      wallClock: () => new Date(),
      logger,
      intervalMs: 60_000,
    }).stop();
    expect(errors).toEqual([
      expect.objectContaining({ problem: "appended while stopped", seq: 3 }),
    ]);
  });
});
