/**
 * @module web/approvals-page
 * The approvals queue (filter by kind and room, bulk approve for low-risk kinds, live over SSE)
 * and one item's review page: the draft beside an editable copy, the exact platform call, the
 * facts behind it, where it came from, and the approve / approve-with-edits / reject forms, each
 * carrying the approval id and the hash of the content shown.
 */
import type { Hono } from "hono";
import { z } from "zod";
import {
  type ApprovalKind,
  approvalKindSchema,
  decisionDenial,
  defaultApprovalPolicy,
  isLowRisk,
} from "../approvals/index.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { type ApprovalRow, getApproval, listApprovals } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import { getCenter, listRooms } from "../storage/directory.js";
import { roleAt } from "./access.js";
import {
  currentValue,
  type DecisionResult,
  decisionResultSchema,
  editableOf,
  fieldText,
  logEntries,
} from "./approvals-actions.js";
import { FactsTable, factLabel, localWhen } from "./facts.js";
import { frameFor, notFound } from "./frame.js";
import { CsrfField, centerPath, renderPage } from "./layout.js";
import { LogEntryFields } from "./log-entries.js";
import { type NameBook, nameBook } from "./names.js";

const kindLabel: Record<ApprovalKind, string> = {
  family_message: "Family message",
  note: "Note",
  task: "Task",
  staff_reassignment: "Staff move",
  incident_triage: "Incident triage",
  review_summary: "Review summary",
  structured_log: "Daily log",
  payroll_correction: "Payroll correction",
};

const queueQuery = z.object({
  kind: approvalKindSchema.optional().catch(undefined),
  room: z.string().min(1).max(128).optional().catch(undefined),
});
type QueueQuery = z.infer<typeof queueQuery>;

/** `3 min`, `2 h 5 min`, `1 d 4 h`: how long an item has waited. */
export function ageText(fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const agoText = (fromIso: string, now: Date) => {
  const age = ageText(fromIso, now);
  return age === "just now" ? age : `${age} ago`;
};

function KindBadges({ row }: { row: ApprovalRow }) {
  return (
    <>
      <span class="badge">{kindLabel[row.kind]}</span>
      {row.draftSource === "template" ? (
        <>
          {" "}
          <span class="badge template" data-template>
            Template draft
          </span>
        </>
      ) : null}
    </>
  );
}

/** `?kind=…&room=…`, or "" without filters. */
const queueSearch = (q: QueueQuery) => {
  const params = new URLSearchParams();
  if (q.kind) params.set("kind", q.kind);
  if (q.room) params.set("room", q.room);
  const s = params.toString();
  return s ? `?${s}` : "";
};

/** Why this person may not decide on the item (the engine's own rule), or null when they may. */
const denialFor = (principal: Principal, row: ApprovalRow) =>
  decisionDenial(defaultApprovalPolicy, principal, membershipAt(principal, row.centerId), row);

const lowRiskKinds = approvalKindSchema.options.filter((k) => isLowRisk(defaultApprovalPolicy, k));

/** Draft fields that name who the item is about: shown as "Who", never as editable words. */
const whoFields = ["familyId", "childId", "staffId", "roomId", "centerId", "op"];

/** Who an item is about, in words: "Sofia Reyes (Reyes family)", a staff member, or "—". */
export function whoOf(row: ApprovalRow, book: NameBook): string {
  const call = (row.platformCall ?? {}) as Record<string, unknown>;
  const draft = row.draft as Record<string, unknown>;
  const pick = (k: string) => {
    const v = draft[k] ?? call[k];
    return typeof v === "string" ? book.person(v) : null;
  };
  const subject = row.subject ? book.person(row.subject) : null;
  const family = pick("familyId");
  const person = subject ?? pick("childId") ?? pick("staffId");
  if (person && family) return `${person} (${family})`;
  return person ?? family ?? (row.subject ? book.subject(row.subject) : "—");
}

/** Whether the item is past its end (the expiry tick may not have marked it yet). */
export const isPastExpiry = (row: ApprovalRow, now: Date): boolean =>
  row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime();

interface QueueProps {
  db: Store;
  centerId: string;
  query: QueueQuery;
  now: Date;
  /** Business time: expiry is judged by it. */
  businessNow: Date;
  timeZone: string;
  book: NameBook;
  principal: Principal;
  csrfToken: string | undefined;
}

/** The pending list (the live region), inside the bulk form when bulk approval is offered. */
function QueueTable(props: QueueProps) {
  const { db, centerId, query, now, principal, csrfToken, book, timeZone } = props;
  const rooms = new Map(listRooms(db, centerId).map((r) => [r.id, r.name]));
  const rows = listApprovals(db, {
    centerIds: [centerId],
    states: ["pending"],
    kinds: query.kind ? [query.kind] : undefined,
    roomId: query.room,
  });
  // Offered for a low-risk item this person may decide; the engine checks each one again.
  const bulkable = (r: ApprovalRow) =>
    isLowRisk(defaultApprovalPolicy, r.kind) &&
    denialFor(principal, r) === null &&
    !isPastExpiry(r, props.businessNow);
  const anyBulk = rows.some(bulkable);
  const table = (
    <div class="table-wrap">
      <table data-queue class="cards">
        <caption class="muted">{rows.length === 0 ? "Nothing" : rows.length} pending</caption>
        <thead>
          <tr>
            {anyBulk ? <th scope="col">Select</th> : null}
            <th scope="col">Item</th>
            <th scope="col">Who</th>
            <th scope="col">Kind</th>
            <th scope="col">Room</th>
            <th scope="col">Drafted</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={anyBulk ? 7 : 6}>Nothing waiting.</td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr data-approval={row.id}>
              {anyBulk ? (
                <td>
                  {bulkable(row) ? (
                    <label class="inline">
                      <input type="checkbox" name="item" value={`${row.id}:${row.contentHash}`} />
                      <span class="skip">
                        Select {row.title}, {whoOf(row, book)}
                      </span>
                    </label>
                  ) : (
                    <span class="muted" title="Decided one by one">
                      —
                    </span>
                  )}
                </td>
              ) : null}
              <td data-label="Item">
                <a href={`${centerPath(centerId, "approvals")}/${row.id}`}>{row.title}</a>
              </td>
              <td data-label="Who" data-who>
                {whoOf(row, book)}
              </td>
              <td data-label="Kind">
                <KindBadges row={row} />
              </td>
              <td data-label="Room">{row.roomId ? (rooms.get(row.roomId) ?? "—") : "—"}</td>
              <td data-label="Drafted">
                {localWhen(row.createdAt, timeZone)}{" "}
                <span class="muted">({agoText(row.createdAt, now)})</span>
              </td>
              <td data-label="Until" data-until={row.expiresAt ?? ""}>
                {row.expiresAt === null
                  ? "no limit"
                  : isPastExpiry(row, props.businessNow)
                    ? "expired"
                    : localWhen(row.expiresAt, timeZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!anyBulk) return table;
  return (
    <form method="post" action={`${centerPath(centerId, "approvals")}/bulk`}>
      <CsrfField token={csrfToken} />
      {table}
      <p>
        <button type="submit" class="primary">
          Approve selected
        </button>{" "}
        <span class="muted">
          Only low-risk kinds ({lowRiskKinds.map((k) => kindLabel[k]).join(", ")}) can be approved
          together.
        </span>
      </p>
    </form>
  );
}

const resultText: Record<DecisionResult, { tone: "good" | "bad" | "warn"; text: string }> = {
  approved: {
    tone: "good",
    text: "Approved. It makes no platform call: the decision is recorded.",
  },
  executed: { tone: "good", text: "Approved and done: the platform accepted it." },
  queued: { tone: "good", text: "Approved: it is queued and will run once." },
  rejected: { tone: "good", text: "Rejected. Nothing was sent." },
  failed: { tone: "bad", text: "Approved, but the platform refused it." },
  changed: {
    tone: "warn",
    text: "This item changed since you opened it; review it again. Nothing was decided.",
  },
  decided: {
    tone: "warn",
    text: "This item was already decided; nothing was decided or sent again.",
  },
  expired: { tone: "warn", text: "This item expired before it was decided. Nothing was sent." },
  forbidden: { tone: "bad", text: "Your role may not decide this item. Nothing was decided." },
  not_found: { tone: "bad", text: "There is no such item in this center's queue." },
  reason_required: { tone: "bad", text: "Say why you reject it: the reason is required." },
  bad_request: { tone: "bad", text: "The form was incomplete; nothing was decided." },
};

function BulkSummary({ summary, db }: { summary: string; db: Store }) {
  if (summary === "none") return <p class="notice warn">Select at least one item to approve.</p>;
  if (summary === "forbidden")
    return <p class="notice bad">Your role may not approve items here. Nothing was decided.</p>;
  const lines = summary.split(",").flatMap((part) => {
    const [id, status] = part.split(":");
    const result = decisionResultSchema.safeParse(status);
    const row = getApproval(db, Number(id));
    return result.success && row ? [{ row, result: result.data }] : [];
  });
  return (
    <div class="notice good" role="status" data-bulk-result>
      <strong>Bulk approval</strong>
      <ul>
        {lines.map(({ row, result }) => (
          <li data-result={result}>
            {row.title}: {resultText[result].text}
            {result === "failed" && row.lastError ? ` (${row.lastError})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Json({ value }: { value: unknown }) {
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

/** A draft's value: log entries as a list of local times and words, text as text. */
function DraftValue({ name, value, timeZone }: { name: string; value: unknown; timeZone: string }) {
  if (name === "entries") {
    const entries = logEntries(value);
    return (
      <ul data-log-entries={entries.length}>
        {entries.map((e) => (
          <li>
            <strong>{e.type}</strong> {localWhen(e.start, timeZone)}
            {e.end ? ` – ${localWhen(e.end, timeZone)}` : ""}: {e.detail || "—"}
          </li>
        ))}
      </ul>
    );
  }
  return <pre>{fieldText(value)}</pre>;
}

/** The facts a drafting job decided, without the bookkeeping around them. */
function contextFacts(context: Record<string, unknown>): Record<string, unknown> {
  const { facts, job, fallbackReason, ...rest } = context;
  const base =
    facts !== null && typeof facts === "object" ? (facts as Record<string, unknown>) : {};
  return { ...rest, ...base };
}

/** What approval sends, in words. */
function callWords(call: Record<string, unknown>, book: NameBook): string {
  const name = (k: string) => (typeof call[k] === "string" ? (book.person(call[k]) ?? "—") : "—");
  switch (call.op) {
    case "message.send":
      return `Approval sends this message to the ${name("familyId")} through the platform.`;
    case "note.create":
      return `Approval adds this note to ${name("childId")}'s record on the platform.`;
    case "task.create":
      return "Approval creates this task on the platform.";
    case "log.create":
      return `Approval posts these entries to ${name("childId")}'s daily log on the platform.`;
    case "staff.assign":
      return `Approval moves ${name("staffId")} to ${name("roomId")}.`;
    case "payroll.correct":
      return `Approval corrects ${name("staffId")}'s timecard.`;
    default:
      return "Approval makes one platform call.";
  }
}

function ItemBody({
  row,
  roomName,
  timeZone,
  denial,
  csrfToken,
  result,
  field,
  book,
  businessNow,
}: {
  book: NameBook;
  businessNow: Date;
  row: ApprovalRow;
  roomName: string | null;
  timeZone: string;
  /** Null when this person may decide; otherwise the engine's reason why not. */
  denial: string | null;
  csrfToken: string | undefined;
  result: DecisionResult | undefined;
  /** The form field the refusal named, if any. */
  field: string | undefined;
}) {
  const local = (iso: string | null) => (iso ? localWhen(iso, timeZone) : "—");
  const fields = editableOf(row);
  const expired =
    row.state === "expired" || (row.state === "pending" && isPastExpiry(row, businessNow));
  const mayDecide = denial === null && !expired;
  const hidden = (decision: string) => (
    <>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="approvalId" value={String(row.id)} />
      <input type="hidden" name="contentHash" value={row.contentHash} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  const action = `${centerPath(row.centerId, "approvals")}/${row.id}/decision`;
  const pending = row.state === "pending" && !expired;
  return (
    <>
      {result ? (
        <div class={`notice ${resultText[result].tone}`} role="status" data-result={result}>
          {resultText[result].text}
          {field ? (
            <>
              {" "}
              Check <code data-field>{field}</code>.
            </>
          ) : null}
          {result === "failed" && row.lastError ? (
            <div>
              Platform error: <code data-platform-error>{row.lastError}</code>
            </div>
          ) : null}
        </div>
      ) : null}
      <p>
        <KindBadges row={row} />{" "}
        <span class="badge" data-state={expired ? "expired" : row.state}>
          {expired ? "expired" : row.state.replaceAll("_", " ")}
        </span>
      </p>
      <dl class="facts">
        <dt>Room</dt>
        <dd>{roomName ?? "—"}</dd>
        <dt>Who</dt>
        <dd data-who>{whoOf(row, book)}</dd>
        <dt>Drafted</dt>
        <dd>{local(row.createdAt)}</dd>
        <dt>Until</dt>
        <dd data-until>
          {row.expiresAt
            ? `${local(row.expiresAt)}${expired ? " (expired: it can no longer be approved)" : ""}`
            : "no limit"}
        </dd>
        {row.decidedBy ? (
          <>
            <dt>Decided</dt>
            <dd>
              by {book.actor(row.decidedBy)} at {local(row.decidedAt)}
              {row.decisionReason ? ` — “${row.decisionReason}”` : ""}
            </dd>
          </>
        ) : null}
        {row.executedAt ? (
          <>
            <dt>Executed</dt>
            <dd>{local(row.executedAt)}</dd>
          </>
        ) : null}
        {row.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{row.lastError}</dd>
          </>
        ) : null}
      </dl>
      {row.draftSource === "template" ? (
        <p class="notice warn">
          Template draft: the model was not available, so this was filled in from a plain template.
        </p>
      ) : null}
      {expired ? (
        <p class="notice warn" data-expired>
          This item was about a day that is over: it expired at {local(row.expiresAt)} and cannot be
          approved. Nothing was sent.
        </p>
      ) : null}
      {pending && !mayDecide ? (
        <p class="notice warn" data-denial>
          You can read this item but not decide it: {denial}.
        </p>
      ) : null}
      <div class="side">
        <section class="panel" aria-labelledby="draft-h">
          <h2 id="draft-h">
            Draft as the {row.draftSource === "template" ? "template" : "model"} wrote it
          </h2>
          {Object.entries(row.draft)
            .filter(([key]) => !whoFields.includes(key))
            .map(([key, value]) => (
              <div data-draft-field={key}>
                <h3>{factLabel(key)}</h3>
                <DraftValue name={key} value={value} timeZone={timeZone} />
              </div>
            ))}
          {row.edited ? (
            <>
              <h3>As approved with edits</h3>
              {Object.entries(row.edited).map(([key, value]) => (
                <div data-edited-field={key}>
                  <h4>{factLabel(key)}</h4>
                  <DraftValue name={key} value={value} timeZone={timeZone} />
                </div>
              ))}
            </>
          ) : null}
        </section>
        <section class="panel" aria-labelledby="edit-h">
          <h2 id="edit-h">Your version</h2>
          {pending && mayDecide && fields.length > 0 ? (
            <form method="post" action={action} data-form="edit">
              {hidden("approve_with_edits")}
              {fields.map((key) =>
                key === "entries" ? (
                  <LogEntryFields
                    entries={logEntries(currentValue(row, key))}
                    timeZone={timeZone}
                  />
                ) : (
                  <>
                    <label for={`edit-${key}`}>{factLabel(key)}</label>
                    <textarea id={`edit-${key}`} name={`edit.${key}`}>
                      {fieldText(currentValue(row, key))}
                    </textarea>
                  </>
                ),
              )}
              <p>
                <button type="submit" class="primary">
                  Approve with edits
                </button>
              </p>
            </form>
          ) : (
            <p class="muted">
              {fields.length === 0
                ? "Nothing in this kind of item can be edited: approve or reject it as it is."
                : "Editing is offered while the item is pending, to those who decide."}
            </p>
          )}
        </section>
      </div>
      {pending && mayDecide ? (
        <section aria-labelledby="decide-h">
          <h2 id="decide-h">Decide</h2>
          <div class="actions">
            <form method="post" action={action} data-form="approve">
              {hidden("approve")}
              <button type="submit" class="primary">
                Approve
              </button>
              <p class="muted">Approves the draft exactly as shown.</p>
            </form>
            <form method="post" action={action} data-form="reject">
              {hidden("reject")}
              <label for="reject-reason">Reason for rejecting</label>
              <textarea id="reject-reason" name="reason" required maxlength={1000} />
              <button type="submit" class="danger">
                Reject
              </button>
            </form>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="call-h">
        <h2 id="call-h">What approval does</h2>
        {row.platformCall ? (
          <>
            <p>{callWords(row.platformCall, book)} It runs once.</p>
            <details>
              <summary>Details: the exact platform call</summary>
              <div data-platform-call>
                <Json value={row.platformCall} />
              </div>
            </details>
          </>
        ) : (
          <p>Nothing is sent to the platform: approval records the decision only.</p>
        )}
      </section>
      <section aria-labelledby="context-h">
        <h2 id="context-h">The facts behind it</h2>
        <div data-context>
          <FactsTable facts={contextFacts(row.context)} book={book} timeZone={timeZone} />
        </div>
        <details>
          <summary>Details: the facts as stored</summary>
          <Json value={row.context} />
        </details>
      </section>
      <section aria-labelledby="origin-h">
        <h2 id="origin-h">Where it came from</h2>
        <dl class="facts" data-provenance>
          <dt>Drafted by</dt>
          <dd data-draft-source={row.draftSource}>
            {row.draftSource === "template" ? "a template (no model)" : "the model"}
          </dd>
          <dt>Prompt</dt>
          <dd>{row.promptId ? `${row.promptId} v${row.promptVersion ?? "?"}` : "— (template)"}</dd>
          <dt>Because of</dt>
          <dd>{book.cause(row.triggerEventId)}</dd>
        </dl>
        <details>
          <summary>Details: ids</summary>
          <dl class="facts">
            <dt>Item</dt>
            <dd>{row.id}</dd>
            <dt>Agent run</dt>
            <dd>{row.agentRunId ?? "—"}</dd>
            <dt>Triggering event</dt>
            <dd>{row.triggerEventId ?? "—"}</dd>
            <dt>Subject</dt>
            <dd>{row.subject ?? "—"}</dd>
            <dt>Content hash</dt>
            <dd>
              <code>{row.contentHash}</code>
            </dd>
          </dl>
        </details>
      </section>
    </>
  );
}

export function registerApprovalPages(app: Hono<AppEnv>, ctx: AppContext): void {
  const queueProps = (
    csrfToken: string | undefined,
    centerId: string,
    query: QueueQuery,
    principal: Principal,
  ): QueueProps => {
    const center = getCenter(ctx.db, centerId);
    return {
      db: ctx.db,
      centerId,
      query,
      now: ctx.wallClock(),
      businessNow: ctx.clock(),
      timeZone: center?.timeZone ?? "UTC",
      book: nameBook(ctx.db, centerId, roleAt(principal, centerId)),
      principal,
      csrfToken,
    };
  };

  app.get("/centers/:centerId/approvals", (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const query = queueQuery.parse(c.req.query());
    const rooms = listRooms(ctx.db, center.id);
    const fragment = `${centerPath(center.id, "approvals")}/fragment${queueSearch(query)}`;
    const bulk = c.req.query("bulk");
    return renderPage(c, {
      ...framed.frame,
      title: "Approvals",
      stream: `/centers/${encodeURIComponent(center.id)}/stream`,
      children: (
        <>
          {bulk ? <BulkSummary summary={bulk} db={ctx.db} /> : null}
          {c.req.query("result") === "not_found" ? (
            <p class="notice bad" role="status">
              {resultText.not_found.text}
            </p>
          ) : null}
          <form class="filters" method="get" action={centerPath(center.id, "approvals")}>
            <div>
              <label for="f-kind">Kind</label>
              <select id="f-kind" name="kind">
                <option value="">All kinds</option>
                {approvalKindSchema.options.map((k) => (
                  <option value={k} selected={query.kind === k}>
                    {kindLabel[k]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-room">Room</label>
              <select id="f-room" name="room">
                <option value="">All rooms</option>
                {rooms.map((r) => (
                  <option value={r.id} selected={query.room === r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">Filter</button>
          </form>
          <div data-live="approvals" data-live-url={fragment}>
            <QueueTable {...queueProps(c.get("csrfToken"), center.id, query, principal)} />
          </div>
        </>
      ),
    });
  });

  app.get("/centers/:centerId/approvals/fragment", (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const query = queueQuery.parse(c.req.query());
    return c.html(<QueueTable {...queueProps(c.get("csrfToken"), center.id, query, principal)} />);
  });

  app.get("/centers/:centerId/approvals/:approvalId", (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const id = z.coerce.number().int().positive().safeParse(c.req.param("approvalId"));
    const row = id.success ? getApproval(ctx.db, id.data) : undefined;
    if (!row || row.centerId !== center.id) return notFound(c);
    const result = decisionResultSchema.safeParse(c.req.query("result"));
    const roomName = row.roomId
      ? (listRooms(ctx.db, center.id).find((r) => r.id === row.roomId)?.name ?? "—")
      : null;
    return renderPage(c, {
      ...framed.frame,
      title: row.title,
      children: (
        <>
          <p>
            <a href={centerPath(center.id, "approvals")}>← Back to the queue</a>
          </p>
          <ItemBody
            row={row}
            roomName={roomName}
            timeZone={center.timeZone}
            denial={denialFor(principal, row)}
            book={nameBook(ctx.db, center.id, roleAt(principal, center.id))}
            businessNow={ctx.clock()}
            csrfToken={c.get("csrfToken")}
            result={result.success ? result.data : undefined}
            field={c.req.query("field")?.slice(0, 100)}
          />
        </>
      ),
    });
  });
}
