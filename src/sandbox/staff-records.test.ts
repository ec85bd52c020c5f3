import { describe, expect, it } from "vitest";
import { addDays } from "../domain/time.js";
import { addMonths, nextReview, staff as staffRules } from "../rules/index.js";
import { sandboxHireDates, sandboxTraining } from "./staff-records.js";
import { createWorld } from "./world.js";

const REF = "2026-11-23";
const world = createWorld({ seed: 42, centers: 7, referenceDate: REF });
const hires = sandboxHireDates(world);
const training = sandboxTraining(world, hires);

describe("sandbox staff records", () => {
  it("dates every hire, one lead teacher's review due in the first week and no one else's", () => {
    for (const center of world.centers) {
      const list = hires.get(center.id)!;
      expect(list.map((h) => h.staffId)).toEqual(center.staff.map((s) => s.id));
      const due = list.filter(
        (h) => nextReview({ intervalMonths: 12, leadDays: 14 }, h.hireDate, REF)?.withinWindow,
      );
      const lead = center.staff.find((s) => s.role === "lead_teacher")!;
      expect(due.map((h) => h.staffId)).toEqual([lead.id]);
      expect(due[0]!.hireDate).toBe(addMonths(addDays(REF, 7), -12));
    }
  });

  it("logs training so that previous periods are met and the current one is mostly on track", () => {
    let behind = 0;
    for (const center of world.centers) {
      const pack = staffRules.getCredentialPack(center.jurisdiction);
      const log = training.get(center.id)!;
      expect(log.every((t) => t.completedOn < REF && t.hours > 0)).toBe(true);
      const requirement = pack?.training[0];
      if (!requirement) continue;
      const byHire = new Map(hires.get(center.id)!.map((h) => [h.staffId, h.hireDate]));
      const statuses = center.staff.map((s) => {
        const records = log
          .filter((t) => t.staffId === s.id)
          .map((t, i) => ({ ...t, id: `r${i}` }));
        return staffRules.trainingStatus(requirement, records, byHire.get(s.id)!, REF).status;
      });
      expect(statuses).not.toContain("overdue");
      expect(statuses.filter((x) => x === "met" || x === "on_pace").length).toBeGreaterThan(
        statuses.length / 2,
      );
      behind += statuses.filter((x) => x === "behind_pace").length;
    }
    expect(behind).toBeGreaterThan(0);
  });

  it("is deterministic from the seed", () => {
    const again = createWorld({ seed: 42, centers: 7, referenceDate: REF });
    expect(sandboxTraining(again, sandboxHireDates(again))).toEqual(training);
  });
});
