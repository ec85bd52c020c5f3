import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { searchAudit } from "../audit/index.js";
import type { Shift } from "../domain/index.js";
import { addDays } from "../domain/time.js";
import { listApprovals } from "../storage/approvals.js";
import { openDatabase } from "../storage/db.js";
import { replaceShifts, upsertDirectory } from "../storage/directory.js";
import { center, child, person, recordInfantHistory, room, WEEK } from "./plan-fixtures.js";
import { proposeStaffingSuggestion, roomPlanView } from "./plan-proposals.js";

/** Eight infants 08:00–11:00 on four weeks of weekdays; this week a second infant teacher comes
 * at 08:15, and a teacher with no children in the empty room next door works all morning. */
function seeded() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "plan-proposals-")), "db.sqlite"));
  const children = Array.from({ length: 8 }, (_, i) => child(i));
  upsertDirectory(db, {
    center,
    rooms: [room("infants", "Infants"), room("annex", "Annex")],
    families: [],
    children,
    staff: [person("a", "infants"), person("b", "infants"), person("c", "annex")],
  });
  recordInfantHistory(db, children);
  const shift = (staffId: string, roomId: string, start: string): Shift => ({
    id: `${staffId}-${WEEK}`,
    centerId: "c1",
    staffId,
    date: WEEK,
    start,
    end: "12:00",
    roomId,
    breaks: [],
  });
  replaceShifts(db, "c1", WEEK, [
    shift("a", "infants", "07:00"),
    shift("b", "infants", "08:15"),
    shift("c", "annex", "07:00"),
  ]);
  return db;
}

describe("proposing the staffing plan's suggestions", () => {
  it("floats the annex teacher into the infant room for the short quarter hour, once", () => {
    const db = seeded();
    const view = roomPlanView(db, center, "infants", WEEK, "user:dir");
    if (!view.ok) throw view.error;
    const monday = view.value.suggestions.filter((s) => s.suggestion.date === WEEK);
    expect(monday.map((s) => s.id)).toEqual([`${WEEK}.floater.08:00-08:15`]);
    expect(monday[0]!.approval).toBeUndefined();
    expect(monday[0]!.proposal).toMatchObject({
      kind: "staff_reassignment",
      title: `Move Staff C to Infants (${WEEK} 08:00–08:15)`,
      platformCall: { op: "staff.assign", staffId: "c", roomId: "infants" },
    });
    // Tuesday has no shifts stored: nobody to spare, so the director gets a task.
    const tuesday = view.value.suggestions.find((s) => s.suggestion.date === addDays(WEEK, 1));
    expect(tuesday?.proposal.kind).toBe("task");

    const request = { room: "infants", date: WEEK, suggestion: monday[0]!.id };
    const now = "2026-11-20T12:00:00.000Z";
    const first = proposeStaffingSuggestion(db, center, request, "user:dir", now);
    const again = proposeStaffingSuggestion(db, center, request, "user:dir", now);
    if (!first.ok || !again.ok) throw new Error("proposing failed");
    expect(first.value.created).toBe(true);
    expect(again.value).toMatchObject({ created: false, row: { id: first.value.row.id } });
    expect(listApprovals(db)).toHaveLength(1);
    const audit = searchAudit(db, center, { action: "approval.proposed" });
    expect(audit.ok && audit.value.entries.map((e) => [e.actor, e.subject])).toEqual([
      ["user:dir", `approval:${first.value.row.id}`],
    ]);
    const shown = roomPlanView(db, center, "infants", WEEK, "user:dir");
    expect(shown.ok && shown.value.suggestions[0]!.approval?.id).toBe(first.value.row.id);
  });

  it("names an unknown room and an unknown suggestion", () => {
    const db = seeded();
    const room = roomPlanView(db, center, "nope", WEEK, "user:dir");
    expect(!room.ok && room.error.message).toMatch(/^room:/);
    const gone = proposeStaffingSuggestion(
      db,
      center,
      { room: "infants", date: WEEK, suggestion: "x" },
      "user:dir",
      "2026-11-20T12:00:00.000Z",
    );
    expect(!gone.ok && gone.error.code).toBe("not_found");
    expect(listApprovals(db)).toEqual([]);
  });
});
