/**
 * @module
 * Staff records through the whole service: training and hire-date imports (CSV and JSON, every
 * line checked before anything is stored, re-imports skipped and counted, each audited), the
 * credential report's training lines fed by them (hours done against the role's requirement, the
 * evidence, "not required" for a role it is not assigned to), a training period ended short
 * opened once as a director task, a review-summary draft from a stored hire date, and the staff
 * page's director forms.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/time.js";
import { addMonths } from "../src/rules/index.js";
import { listApprovals } from "../src/storage/approvals.js";
import { listStaff } from "../src/storage/directory.js";
import { listOutbox } from "../src/storage/outbox.js";
import { auditLog, staff as staffTable } from "../src/storage/schema.js";
import { listRenewals } from "../src/storage/staff-compliance.js";
import { countTraining, listHireDates, listTraining } from "../src/storage/staff-records.js";
import { parseCsv } from "./support/csv.js";
import { startTestService, type TestService } from "./support/service.js";
import { type TestUser, userWithToken } from "./support/users.js";
import { createWebHarness, type WebHarness } from "./support/web.js";

let t: TestService;
let web: WebHarness;
/** The second sandbox center: Texas, 24 training hours a calendar year for care roles. */
let centerId: string;
let firstCenterId: string;
let otherDirector: TestUser;

interface TrainingLine {
  staffId: string;
  role: string;
  hireDate: string | null;
  requirementId: string;
  assigned: boolean;
  status: {
    status: string;
    completed: number;
    required: number;
    remaining: number;
    periodStart: string;
    periodEnd: string;
    recordIds: string[];
  } | null;
  evidence: { id: string; hours: number; provider: string; reference: string | null }[];
  renewal: string | null;
}

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  firstCenterId = t.sandbox.world.centers[0]!.id;
  centerId = t.sandbox.world.centers[1]!.id;
  otherDirector = await userWithToken(t, {
    email: "director@first.example",
    role: "director",
    centerId: firstCenterId,
  });
});

afterAll(async () => {
  await t?.stop();
});

async function report(): Promise<{ asOf: string; training: TrainingLine[] }> {
  const res = await t.api(`/api/centers/${centerId}/staff/credentials`);
  expect(res.status).toBe(200);
  return (await res.json()) as { asOf: string; training: TrainingLine[] };
}

const postCsv = (path: string, body: string) =>
  t.api(`/api/centers/${centerId}/staff/${path}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body,
  });
const postJson = (path: string, body: unknown, who: { api: TestService["api"] } = t) =>
  who.api(`/api/centers/${centerId}/staff/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const audits = (action: string) =>
  t.service.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.centerId, centerId)))
    .all();

function addStaff(id: string, role: string) {
  const room = t.sandbox.world.centers[1]!.rooms[0]!.id;
  t.service.ctx.db
    .insert(staffTable)
    .values({
      id,
      centerId,
      externalId: `ext-${id}`,
      firstName: "Test",
      lastName: id,
      birthDate: "1990-04-02",
      role,
      homeRoomId: room,
      credentials: [],
    })
    .run();
}

describe("the sandbox's staff records", () => {
  it("gives every staff member a hire date and a training log with some short of hours", async () => {
    const people = listStaff(t.service.ctx.db, centerId);
    expect(listHireDates(t.service.ctx.db, centerId)).toHaveLength(people.length);
    const { training } = await report();
    expect(training).toHaveLength(people.length);
    const statuses = training.map((l) => l.status?.status);
    expect(statuses).toContain("met");
    expect(statuses).toContain("behind_pace");
    expect(training.every((l) => l.assigned && l.hireDate !== null)).toBe(true);
  });
});

describe("training import", () => {
  it("stores good CSV lines, counts them in the matrix as evidence, and skips a re-import", async () => {
    const before = await report();
    const short = before.training.find((l) => l.status?.status === "behind_pace")!;
    const status = short.status!;
    const half = Math.ceil(status.remaining) / 2;
    const on = (days: number) => addDays(before.asOf, -days);
    const csv = [
      "staffId,topic,hours,completedOn,provider,reference",
      `${short.staffId},Safe sleep practices,${half},${on(3)},"County Training, Inc.",CERT-9001`,
      `${short.staffId},,${half},${on(2)},County Training Inc.,`,
    ].join("\n");
    const res = await postCsv("training", csv);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { inserted: number; skipped: number; ids: string[] };
    expect(body).toMatchObject({ inserted: 2, skipped: 0 });

    const list = await t.api(`/api/centers/${centerId}/staff/training?staff=${short.staffId}`);
    const { records } = (await list.json()) as {
      records: { id: string; provider: string; topic: string | null; source: string }[];
    };
    const added = records.filter((r) => body.ids.includes(r.id));
    expect(added.map((r) => [r.provider, r.topic, r.source])).toEqual([
      ["County Training, Inc.", "Safe sleep practices", "import"],
      ["County Training Inc.", null, "import"],
    ]);

    const after = (await report()).training.find(
      (l) => l.staffId === short.staffId && l.requirementId === short.requirementId,
    )!;
    expect(after.status?.status).toBe("met");
    expect(after.status?.completed).toBe(status.completed + 2 * half);
    expect(after.status?.recordIds).toEqual(expect.arrayContaining(body.ids));
    expect(after.evidence.find((e) => e.id === body.ids[0])).toMatchObject({
      hours: half,
      provider: "County Training, Inc.",
      reference: "CERT-9001",
    });
    const imported = audits("staff.training_recorded").filter((a) => a.actor === "bootstrap");
    expect(imported).toHaveLength(1);
    expect(imported[0]!.sourceIds).toEqual(body.ids);

    const again = await postCsv("training", csv);
    expect(await again.json()).toMatchObject({ inserted: 0, skipped: 2 });
    expect((await report()).training.find((l) => l.staffId === short.staffId)?.status).toEqual(
      after.status,
    );
  });

  it("refuses a CSV with one bad line, naming the line and field, and stores nothing", async () => {
    const count = countTraining(t.service.ctx.db, centerId);
    const staffId = listStaff(t.service.ctx.db, centerId)[0]!.id;
    const csv = [
      "staffId,topic,hours,completedOn,provider,reference",
      `${staffId},Curriculum planning,2,2026-10-01,Coalition,A-1`,
      `${staffId},Curriculum planning,lots,2026-10-02,Coalition,A-2`,
    ].join("\n");
    const res = await postCsv("training", csv);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { message: string; details: { field: string; line: number } };
    };
    expect(error.message).toMatch(/^line 3, hours:/);
    expect(error.details).toMatchObject({ field: "training.1.hours", line: 3 });
    expect(countTraining(t.service.ctx.db, centerId)).toBe(count);

    const future = await postJson("training", {
      training: [{ staffId, hours: 1, completedOn: "2099-01-01", provider: "Coalition" }],
    });
    expect(future.status).toBe(400);
    expect(
      ((await future.json()) as { error: { details: { field: string } } }).error.details,
    ).toEqual({
      field: "training.0.completedOn",
    });
    const stranger = await postJson("training", {
      training: [{ staffId: "nobody-here", hours: 1, completedOn: "2026-10-01", provider: "X" }],
    });
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(await stranger.json())).toContain("nobody-here");
    expect(countTraining(t.service.ctx.db, centerId)).toBe(count);
  });

  it("is a director's: refused for a lead teacher's token, and 404 for another center's director", async () => {
    const teacher = await userWithToken(t, {
      email: "lead@second.example",
      role: "lead_teacher",
      centerId,
    });
    const staffId = listStaff(t.service.ctx.db, centerId)[0]!.id;
    const entry = { training: [{ staffId, hours: 1, completedOn: "2026-10-01", provider: "X" }] };
    expect((await postJson("training", entry, teacher)).status).toBe(403);
    expect((await postJson("training", entry, otherDirector)).status).toBe(404);
    expect((await postJson("hire-dates", { hireDates: [] }, otherDirector)).status).toBe(404);
    const list = await otherDirector.api(`/api/centers/${centerId}/staff/training`);
    expect(list.status).toBe(404);
  });
});

describe("hire dates import", () => {
  it("refuses unknown staff ids, naming them, and stores nothing", async () => {
    const before = listHireDates(t.service.ctx.db, centerId);
    const known = before[0]!.staffId;
    const res = await postCsv(
      "hire-dates",
      ["staffId,hireDate", `${known},2019-03-04`, "ghost-1,2020-01-01", "ghost-2,2021-01-01"].join(
        "\n",
      ),
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; details: unknown } };
    expect(error.message).toContain("ghost-1, ghost-2");
    expect(error.details).toMatchObject({ staffIds: ["ghost-1", "ghost-2"] });
    expect(listHireDates(t.service.ctx.db, centerId)).toEqual(before);
  });

  it("drafts the review summary from a stored hire date ahead of the due date, once", async () => {
    const { asOf } = await report();
    const drafted = () =>
      listApprovals(t.service.ctx.db, { centerIds: [centerId], kinds: ["review_summary"] });
    await t.service.draftNow();
    const existing = new Set(
      drafted().map((a) => (a.context as { facts: { staffId: string } }).facts.staffId),
    );
    const person = listStaff(t.service.ctx.db, centerId).find(
      (s) => !existing.has(s.id) && s.role !== "lead_teacher",
    )!;
    const dueOn = addDays(asOf, 10);
    const hireDate = addMonths(dueOn, -12);
    const res = await postJson("hire-dates", { hireDates: [{ staffId: person.id, hireDate }] });
    expect(await res.json()).toEqual({ recorded: 1 });
    expect(audits("staff.hire_dates_recorded").at(-1)?.data).toMatchObject({
      source: "import",
      hireDates: [{ staffId: person.id, hireDate }],
    });

    await t.service.draftNow();
    const mine = () =>
      drafted().filter(
        (a) => (a.context as { facts: { staffId: string } }).facts.staffId === person.id,
      );
    expect(mine()).toHaveLength(1);
    const facts = (mine()[0]!.context as { facts: Record<string, unknown> }).facts;
    expect(facts).toMatchObject({ hireDate, dueOn, reviewNumber: 1 });
    await t.service.draftNow();
    expect(mine()).toHaveLength(1);

    const html = await (await web.get(`/centers/${centerId}/staff`, "director")).text();
    const item = new RegExp(
      `data-review-staff="${person.id}">[^<]*review 1 due ${dueOn}[^<]*<a href="/centers/${centerId}/approvals/${mine()[0]!.id}"`,
    );
    expect(html).toMatch(item);
  });
});

describe("assigned by role", () => {
  it("shows a requirement the role is not assigned as not required, in JSON, CSV and the page", async () => {
    addStaff("cook-1", "cook");
    const line = (await report()).training.find((l) => l.staffId === "cook-1")!;
    expect(line).toMatchObject({ assigned: false, status: null, evidence: [] });
    const csv = await (await t.api(`/api/centers/${centerId}/staff/credentials?format=csv`)).text();
    const [header, ...rows] = parseCsv(csv);
    const col = (name: string) => header!.indexOf(name);
    const cook = rows.filter((r) => r[col("staff_id")] === "cook-1");
    expect(cook.map((r) => r[col("status")])).toContain("Not required");
    const html = await (await web.get(`/centers/${centerId}/staff`, "director")).text();
    expect(html).toMatch(
      /<tr data-staff-id="cook-1">[\s\S]*?data-training-status="not_required"[^>]*>not required<\/td>/,
    );
  });
});

describe("a training period ended short", () => {
  it("opens one director task and audit entry for the period, however often the check runs", async () => {
    addStaff("teacher-short", "teacher");
    await postJson("hire-dates", {
      hireDates: [{ staffId: "teacher-short", hireDate: "2019-08-01" }],
    });
    const line = (await report()).training.find((l) => l.staffId === "teacher-short")!;
    expect(line.status?.status).toBe("overdue");

    const first = t.service.checkCredentialsNow().find((r) => r.centerId === centerId)!;
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const findings = () =>
      listRenewals(t.service.ctx.db, centerId, "open").filter((r) => r.staffId === "teacher-short");
    expect(findings()).toMatchObject([
      { credentialType: "training:annual_training", expiresOn: "2025-12-31", status: "open" },
    ]);
    const tasks = () =>
      listOutbox(t.service.ctx.db, { centerId }).filter((o) =>
        o.idempotencyKey.includes(":teacher-short:training:"),
      );
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]).toMatchObject({ channel: "task", recipient: "director" });
    expect(JSON.stringify(tasks()[0]!.payload)).toContain("0 of 24 hours");
    const audited = () =>
      t.service.ctx.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "training.overdue_task_opened"),
            like(auditLog.subject, "%teacher-short"),
          ),
        )
        .all();
    expect(audited()).toHaveLength(1);

    t.service.checkCredentialsNow();
    t.service.checkCredentialsNow();
    expect(findings()).toHaveLength(1);
    expect(tasks()).toHaveLength(1);
    expect(audited()).toHaveLength(1);
    const after = (await report()).training.find((l) => l.staffId === "teacher-short")!;
    expect(after.renewal).toBe("renewal initiated");
  });
});

describe("the staff page forms", () => {
  it("records a training entry for a director (audited), shows hire dates and the matrix columns", async () => {
    const person = listStaff(t.service.ctx.db, centerId)[0]!;
    const page = await (await web.get(`/centers/${centerId}/staff`, "director")).text();
    expect(page).toContain('data-form="training"');
    expect(page).toContain('data-form="hire-date"');
    const hire = listHireDates(t.service.ctx.db, centerId).find((h) => h.staffId === person.id)!;
    expect(page).toContain(`data-hire-date="${hire.hireDate}"`);
    expect(page).toContain('data-training="annual_training"');

    const count = listTraining(t.service.ctx.db, centerId, person.id).length;
    const res = await web.post(
      `/centers/${centerId}/staff/training`,
      {
        staffId: person.id,
        topic: "Health, safety and nutrition",
        hours: "1.5",
        completedOn: "2026-11-02",
        provider: "Red Cross chapter",
        reference: "",
      },
      "director",
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/centers/${centerId}/staff?saved=training`);
    const records = listTraining(t.service.ctx.db, centerId, person.id);
    expect(records).toHaveLength(count + 1);
    expect(records.find((r) => r.provider === "Red Cross chapter")).toMatchObject({
      source: "form",
      hours: 1.5,
      reference: null,
      recordedBy: expect.stringMatching(/^user:/),
    });
    expect(audits("staff.training_recorded").at(-1)?.data).toMatchObject({
      source: "form",
      inserted: 1,
    });

    const bad = await web.post(
      `/centers/${centerId}/staff/training`,
      { staffId: person.id, hours: "0", completedOn: "2026-11-02", provider: "X" },
      "director",
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Nothing was saved: hours: /);
    expect(listTraining(t.service.ctx.db, centerId, person.id)).toHaveLength(count + 1);

    const hired = await web.post(
      `/centers/${centerId}/staff/hire-date`,
      { staffId: person.id, hireDate: "2018-02-14" },
      "director",
    );
    expect(hired.status).toBe(303);
    expect(
      listHireDates(t.service.ctx.db, centerId).find((h) => h.staffId === person.id),
    ).toMatchObject({ hireDate: "2018-02-14", source: "form" });
  });

  it("refuses a lead teacher (403, no form shown) and answers 404 for a center not theirs", async () => {
    const person = listStaff(t.service.ctx.db, firstCenterId)[0]!;
    const form = {
      staffId: person.id,
      hours: "1",
      completedOn: "2026-11-02",
      provider: "X",
    };
    const count = countTraining(t.service.ctx.db, firstCenterId);
    const page = await (await web.get(`/centers/${firstCenterId}/staff`, "lead_teacher")).text();
    expect(page).not.toContain('data-form="training"');
    const refused = await web.post(
      `/centers/${firstCenterId}/staff/training`,
      form,
      "lead_teacher",
    );
    expect(refused.status).toBe(403);
    expect(countTraining(t.service.ctx.db, firstCenterId)).toBe(count);

    // The assistant director signs in for the first center only.
    expect((await web.get(`/centers/${centerId}/staff`, "assistant_director")).status).toBe(404);
    const hidden = await web.post(
      `/centers/${centerId}/staff/training`,
      { ...form, staffId: listStaff(t.service.ctx.db, centerId)[0]!.id },
      "assistant_director",
    );
    expect(hidden.status).toBe(404);
  });
});
