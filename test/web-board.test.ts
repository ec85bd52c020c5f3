/**
 * @module
 * The room board's words and forms without a browser: the summary line, the move a suggestion
 * becomes (stable while the need is the same), and who may Propose or Approve now from the board
 * during the sandbox morning's call-out violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash, platformCallSchema } from "../src/approvals/index.js";
import type { CoverageProposal } from "../src/rules/index.js";
import { coverageDedupeKey, coverageProposal } from "../src/staff/coverage-proposal.js";
import { listApprovals } from "../src/storage/approvals.js";
import { summaryLine } from "../src/web/board.js";
import { proposalHash } from "../src/web/board-moves.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, playUntil, violationScenario, type WebHarness } from "./support/web.js";

describe("the board's summary line", () => {
  it("names trouble first, counts only what is there, and says so when all is well", () => {
    expect(summaryLine({ rooms: 5, outOfRatio: 1, holds: 1, atLimit: 2 })).toBe(
      "1 room out of ratio · 1 pick-up hold · 2 rooms at limit",
    );
    expect(summaryLine({ rooms: 5, outOfRatio: 2, holds: 0, atLimit: 1 })).toBe(
      "2 rooms out of ratio · 1 room at limit",
    );
    expect(summaryLine({ rooms: 5, outOfRatio: 0, holds: 3, atLimit: 0 })).toBe("3 pick-up holds");
    expect(summaryLine({ rooms: 5, outOfRatio: 0, holds: 0, atLimit: 0 })).toBe(
      "All 5 rooms in ratio · no pick-up holds",
    );
  });
});

describe("a board move as an approval", () => {
  const move = {
    staffId: "s9",
    fromRoomId: null,
    toRoomId: "r1",
    kind: "floater",
    fixesFully: true,
    reasoning: ["s9 (floater, unassigned) can cover r1: 7 children need 2 counted staff."],
    requiresApproval: true,
  } as unknown as CoverageProposal;
  const input = {
    center: { id: "c1", timeZone: "America/Los_Angeles" },
    move,
    needAt: "2026-11-23T16:08:00.000Z",
    names: { s9: "Paloma Delacroix", r1: "Ducklings" },
    actor: "user:u1",
  };

  it("is one staff.assign at the start of the need, in names, hashed as it will be stored", () => {
    const p = coverageProposal(input);
    expect(p).toMatchObject({
      kind: "staff_reassignment",
      roomId: "r1",
      subject: "s9",
      title: "Move Paloma Delacroix to Ducklings (2026-11-23 from 08:08)",
      dedupeKey: coverageDedupeKey("c1", "r1", "s9", input.needAt),
      platformCall: { op: "staff.assign", staffId: "s9", roomId: "r1", at: input.needAt },
    });
    expect(platformCallSchema.safeParse(p.platformCall).success).toBe(true);
    expect((p.platformCall as { reason: string }).reason).toContain(
      "Paloma Delacroix (floater, unassigned) can cover Ducklings",
    );
    expect(proposalHash(p)).toBe(
      contentHash({ kind: p.kind, draft: p.draft, edited: null, platformCall: p.platformCall }),
    );
  });

  it("keeps its hash while the need is the same, and changes it when the facts change", () => {
    const hash = proposalHash(coverageProposal(input));
    expect(proposalHash(coverageProposal({ ...input, actor: "user:u2" }))).toBe(hash);
    const moreChildren = {
      ...move,
      reasoning: ["s9 (floater, unassigned) can cover r1: 8 children need 2 counted staff."],
    };
    expect(proposalHash(coverageProposal({ ...input, move: moreChildren }))).not.toBe(hash);
    expect(
      proposalHash(coverageProposal({ ...input, needAt: "2026-11-23T16:20:00.000Z" })),
    ).not.toBe(hash);
  });
});

describe("Propose and Approve now on the board", () => {
  let t: TestService;
  let web: WebHarness;
  let scenario: ReturnType<typeof violationScenario>;
  beforeAll(async () => {
    t = await startTestService();
    web = createWebHarness(t);
    scenario = violationScenario(t);
    await playUntil(t, Date.parse(scenario.scenario.at) + 2 * 60_000);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  const board = () => `/centers/${scenario.center.id}`;
  const moves = () =>
    listApprovals(t.service.ctx.db, {
      centerIds: [scenario.center.id],
      kinds: ["staff_reassignment"],
    });
  const formOf = (html: string) => ({
    staff: /name="staff" value="([^"]+)"/.exec(html)?.[1] ?? "",
    hash: /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? "",
  });

  it("offers the director both buttons, the lead teacher Propose only, the auditor neither", async () => {
    const director = await (await web.get(board(), "director")).text();
    expect(director).toContain(">Propose</button>");
    expect(director).toContain(">Approve now</button>");
    const lead = await (await web.get(board(), "lead_teacher")).text();
    expect(lead).toContain(">Propose</button>");
    expect(lead).not.toContain("Approve now");
    const auditor = await (await web.get(board(), "auditor")).text();
    expect(auditor).toContain("Suggested move (needs approval)");
    expect(auditor).not.toContain("/board/moves");
    expect(auditor).not.toContain(">Propose</button>");
  });

  it("refreshes with the same live region the page first showed, and nothing stray", async () => {
    const page = await (await web.get(board(), "director")).text();
    const fragment = await (await web.get(`${board()}/board/fragment`, "director")).text();
    expect(fragment).toContain("Approve now");
    // The fragment is exactly the page's live region: the rooms, the moves, and no stray text after.
    expect(fragment.trim().endsWith(">")).toBe(true);
    const rooms = (html: string) => [...html.matchAll(/data-room="([^"]+)"/g)].map((m) => m[1]);
    expect(rooms(fragment)).toEqual(rooms(page));
  });

  it("refuses Approve now to a lead teacher and any post to the auditor, storing nothing", async () => {
    const { staff, hash } = formOf(await (await web.get(board(), "director")).text());
    const form = { room: scenario.room.id, staff, hash };
    const lead = await web.post(
      `${board()}/board/moves`,
      { ...form, action: "approve" },
      "lead_teacher",
    );
    expect(lead.headers.get("location")).toBe(`${board()}?move=forbidden`);
    const auditor = await web.post(
      `${board()}/board/moves`,
      { ...form, action: "propose" },
      "auditor",
    );
    expect(auditor.headers.get("location")).toBe(`${board()}?move=forbidden`);
    const gone = await web.post(
      `${board()}/board/moves`,
      { ...form, staff: "emp_nobody", action: "propose" },
      "director",
    );
    expect(gone.headers.get("location")).toBe(`${board()}?move=gone`);
    expect(moves()).toEqual([]);
  });

  it("lets a lead teacher propose: one pending approval, kept on a second click", async () => {
    const { staff, hash } = formOf(await (await web.get(board(), "lead_teacher")).text());
    const form = { room: scenario.room.id, staff, hash, action: "propose" };
    const first = await web.post(`${board()}/board/moves`, form, "lead_teacher");
    const [row] = moves();
    expect(row).toMatchObject({ state: "pending", subject: staff, roomId: scenario.room.id });
    expect(first.headers.get("location")).toBe(`${board()}?move=proposed&approval=${row!.id}`);
    const again = await web.post(`${board()}/board/moves`, form, "lead_teacher");
    expect(again.headers.get("location")).toBe(`${board()}?move=exists&approval=${row!.id}`);
    expect(moves()).toHaveLength(1);
    // The board now links the proposed move instead of offering it again.
    const html = await (await web.get(board(), "director")).text();
    expect(html).toContain(`data-proposed="${row!.id}"`);
  });
});
