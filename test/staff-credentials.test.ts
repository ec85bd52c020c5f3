/**
 * @module
 * Staff credentials through the whole service: the sandbox's staff records (some re-dated to
 * lapse) synced from the fake platform, checked by the credential job, renewals opened once per
 * expiry date (a director task through the outbox and a reminder waiting for approval), cleared
 * when a renewal arrives, and the credential report as JSON and an inspector's CSV.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApprovals } from "../src/storage/approvals.js";
import { listStaff } from "../src/storage/directory.js";
import { listOutbox } from "../src/storage/outbox.js";
import { staff as staffTable } from "../src/storage/schema.js";
import { listRenewals } from "../src/storage/staff-compliance.js";
import { startTestService, type TestService } from "./support/service.js";
import { type TestUser, userWithToken } from "./support/users.js";

let t: TestService;
let centerId: string;
let director: TestUser;

interface Line {
  staffId: string;
  credentialType: string;
  status: string;
  expiresOn: string | null;
  issuedOn: string | null;
  daysRemaining: number | null;
  renewal: string | null;
  source: string;
}

beforeAll(async () => {
  t = await startTestService();
  centerId = t.sandbox.world.centers[0]!.id;
  director = await userWithToken(t, {
    email: "director@staff.example",
    role: "director",
    centerId,
  });
});

afterAll(async () => {
  await t?.stop();
});

async function report(query = ""): Promise<{ asOf: string; lines: Line[] }> {
  const res = await director.api(`/api/centers/${centerId}/staff/credentials${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { asOf: string; lines: Line[] };
}

const renewalTasks = () =>
  listOutbox(t.service.ctx.db, { centerId }).filter(
    (r) => r.channel === "task" && r.idempotencyKey.startsWith("credential-renewal:"),
  );
const reminders = () =>
  listApprovals(t.service.ctx.db, { centerIds: [centerId], kinds: ["task"] }).filter((a) =>
    a.dedupeKey.startsWith("credential-renewal:"),
  );

describe("staff credential status", () => {
  it("reads every status window from the synced staff records, each with its days and source", async () => {
    const { asOf, lines } = await report();
    const seen = new Set(lines.map((l) => l.status));
    for (const status of [
      "valid",
      "expiring_90",
      "expiring_60",
      "expiring_30",
      "overdue",
      "missing",
    ]) {
      expect(seen, status).toContain(status);
    }
    const day = 86_400_000;
    for (const l of lines) {
      expect(l.source).not.toBe("");
      if (l.expiresOn === null) continue;
      const days = Math.round((Date.parse(l.expiresOn) - Date.parse(asOf)) / day);
      expect(l.daysRemaining).toBe(days);
      const want =
        days < 0
          ? "overdue"
          : days <= 30
            ? "expiring_30"
            : days <= 60
              ? "expiring_60"
              : days <= 90
                ? "expiring_90"
                : "valid";
      expect(l.status, `${l.staffId} ${l.credentialType}`).toBe(want);
    }
  });

  it("opens one renewal per expiring credential: a director task sent once and a tagged reminder pending", async () => {
    const before = await report();
    const due = before.lines.filter((l) =>
      ["expiring_90", "expiring_60", "expiring_30", "overdue"].includes(l.status),
    );
    expect(due.length).toBeGreaterThan(0);

    const first = t.service.checkCredentialsNow().find((r) => r.centerId === centerId);
    expect(first?.opened).toBe(due.length);
    const renewals = listRenewals(t.service.ctx.db, centerId, "open");
    expect(renewals.map((r) => `${r.staffId}|${r.credentialType}|${r.expiresOn}`).sort()).toEqual(
      due.map((l) => `${l.staffId}|${l.credentialType}|${l.expiresOn}`).sort(),
    );
    expect(renewalTasks()).toHaveLength(due.length);
    expect(reminders()).toHaveLength(due.length);
    for (const a of reminders()) {
      expect(a.state).toBe("pending");
      expect(a.draft).toMatchObject({ tags: ["renewal initiated"] });
      expect(a.platformCall).toMatchObject({ op: "task.create" });
      const staffId = (a.subject ?? "").replace("staff:", "");
      expect(a.platformCall).toMatchObject({ assignedTo: staffId });
    }
    const after = await report();
    expect(after.lines.filter((l) => l.renewal === "renewal initiated")).toHaveLength(due.length);

    // The next daily run (and the one after) opens nothing new.
    expect(t.service.checkCredentialsNow().find((r) => r.centerId === centerId)?.opened).toBe(0);
    expect(t.service.checkCredentialsNow().find((r) => r.centerId === centerId)?.opened).toBe(0);
    expect(reminders()).toHaveLength(due.length);
    expect(renewalTasks()).toHaveLength(due.length);

    // The outbox sends each director task to the platform exactly once, however often it ticks.
    const end = Date.now() + 5_000;
    while (renewalTasks().some((r) => r.status !== "sent") && Date.now() < end) {
      await t.service.alerting.tick();
      await new Promise((r) => setTimeout(r, 20));
    }
    await t.service.alerting.tick();
    expect(renewalTasks().map((r) => r.status)).toEqual(due.map(() => "sent"));
    const sent = t.sandbox
      .outbox()
      .filter(
        (e) => e.kind === "task" && (e.idempotencyKey ?? "").startsWith("credential-renewal:"),
      );
    const mine = sent.filter((e) =>
      renewalTasks().some((r) => r.idempotencyKey === e.idempotencyKey),
    );
    expect(mine).toHaveLength(due.length);
  });

  it("clears the renewal and withdraws the pending reminder when a new expiry date arrives", async () => {
    const db = t.service.ctx.db;
    const open = listRenewals(db, centerId, "open");
    const target = open[0]!;
    const person = listStaff(db, centerId, [target.staffId])[0]!;
    const renewedOn = "2026-11-20";
    db.update(staffTable)
      .set({
        credentials: [
          ...person.credentials,
          { type: target.credentialType, issuedOn: renewedOn, expiresOn: "2028-11-19" },
        ],
      })
      .where(eq(staffTable.id, person.id))
      .run();

    const result = t.service.checkCredentialsNow().find((r) => r.centerId === centerId);
    expect(result).toMatchObject({ opened: 0, cleared: 1 });
    const cleared = listRenewals(db, centerId, "cleared");
    expect(cleared).toEqual([
      expect.objectContaining({ id: target.id, clearedByExpiresOn: "2028-11-19" }),
    ]);
    const reminder = reminders().find((a) => a.id === target.reminderApprovalId);
    expect(reminder?.state).toBe("expired");
    const line = (await report()).lines.find(
      (l) => l.staffId === target.staffId && l.credentialType === target.credentialType,
    );
    expect(line).toMatchObject({ status: "valid", expiresOn: "2028-11-19", renewal: null });
    expect(line?.issuedOn).toBe(renewedOn);
  });

  it("exports a CSV an inspector can read, and filters by room", async () => {
    const res = await director.api(`/api/centers/${centerId}/staff/credentials?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await res.text();
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe(
      "center,report_date,staff_id,staff,role,room,credential,issued,expires,status,days_remaining,renewal,explanation,source,source_confirmed,hire_date,training_period,hours_done,hours_required,evidence",
    );
    // The center's pack (California) has no training-hours rule, so every line is a credential.
    expect(rows.length).toBe((await report()).lines.length);
    expect(rows.some((r) => r.includes("Expired") && r.includes("UNCONFIRMED"))).toBe(true);

    const room = t.sandbox.world.centers[0]!.rooms[0]!.id;
    const inRoom = listStaff(t.service.ctx.db, centerId).filter((s) => s.homeRoomId === room);
    const filtered = await report(`?room=${room}`);
    expect(new Set(filtered.lines.map((l) => l.staffId))).toEqual(new Set(inRoom.map((s) => s.id)));
    const unknown = await director.api(`/api/centers/${centerId}/staff/credentials?room=nope`);
    expect(unknown.status).toBe(404);
  });
});

describe("the credential matrix page", () => {
  async function page(path: string) {
    const who = t.users.find((u) => u.role === "director")!;
    const s = (await t.signIn(who.email, who.password as string))!;
    return fetch(`${t.service.url}${path}`, { headers: { cookie: s.cookie } });
  }

  it("shows staff × credential with a word beside every colour, and filters by room", async () => {
    const res = await page(`/centers/${centerId}/staff`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const staffCount = listStaff(t.service.ctx.db, centerId).length;
    expect(html).toContain(`data-staff="${staffCount}"`);
    for (const [status, words] of [
      ["overdue", "Expired"],
      ["expiring_30", "Expires ≤30 days"],
      ["missing", "Missing"],
      ["valid", "Valid"],
    ]) {
      expect(html, status).toMatch(
        new RegExp(`data-status="${status}"[^>]*><span class="badge [a-z]+">${words}</span>`),
      );
    }
    expect(html).toContain("renewal initiated");
    // Every requirement of the sandbox center's state is unconfirmed: the page says so.
    expect(html).toMatch(
      /data-research="none">\s*Credential requirements for US-[A-Z]{2} are not yet researched/,
    );
    const room = t.sandbox.world.centers[0]!.rooms[0]!.id;
    const inRoom = listStaff(t.service.ctx.db, centerId).filter((s) => s.homeRoomId === room);
    const filtered = await (await page(`/centers/${centerId}/staff?room=${room}`)).text();
    expect(filtered).toContain(`data-staff="${inRoom.length}"`);
  });

  it("lists the upcoming review with its summary draft, drafted ahead of the due date", async () => {
    await t.service.draftNow();
    const drafts = listApprovals(t.service.ctx.db, {
      centerIds: [centerId],
      kinds: ["review_summary"],
    });
    expect(drafts).toHaveLength(1);
    const facts = (drafts[0]!.context as { facts: { staffId: string; dueOn: string } }).facts;
    const { asOf } = await report();
    expect(facts.dueOn > asOf).toBe(true);
    const html = await (await page(`/centers/${centerId}/staff`)).text();
    expect(html).toContain(`data-review-staff="${facts.staffId}"`);
    expect(html).toContain(`due ${facts.dueOn}`);
    expect(html).toContain(`/centers/${centerId}/approvals/${drafts[0]!.id}`);
  });
});
