/**
 * @module web/staff-page
 * The credential matrix: staff × required credential and mandated training, each cell coloured by
 * status and always labelled in words (colour is never the only signal), filtered by home room,
 * with the CSV export an inspector would take away; each person's hire date; a director's forms to
 * record a completed training and to set a hire date (both audited); and every staff member's next
 * review from the stored hire date, linked to its summary draft when one exists.
 */
import type { Context, Hono } from "hono";
import { defaultDraftingPolicy } from "../drafting/policy.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import type { staff as staffRules } from "../rules/index.js";
import {
  type CredentialMatrix,
  centerDate,
  credentialMatrix,
  RENEWAL_TAG,
  recordHireDates,
  recordTraining,
  statusLabel,
  trainingStatusLabel,
  upcomingReviews,
  validateHireDates,
  validateTraining,
} from "../staff/index.js";
import { listStaff } from "../storage/directory.js";
import { roleAt } from "./access.js";
import { type Framed, frameFor } from "./frame.js";
import { CsrfField, centerPath, renderBare, renderPage } from "./layout.js";
import { ResearchNotice } from "./research-notice.js";

/** The board's badge colours, reused: green valid, amber soon, red short, dark red lapsed. */
const badgeClass: Record<staffRules.CredentialStatus, string> = {
  valid: "ok",
  expiring_90: "approaching",
  expiring_60: "approaching",
  expiring_30: "violation",
  overdue: "critical",
  missing: "critical",
};

const trainingClass: Record<staffRules.TrainingStatus["status"], string> = {
  met: "ok",
  on_pace: "ok",
  behind_pace: "approaching",
  overdue: "critical",
};

/** Staff records are a director's (or assistant director's) to change, as in the API. */
function mayRecord(framed: Extract<Framed, { ok: true }>): boolean {
  const role = roleAt(framed.principal, framed.center.id);
  return (
    (role === "director" || role === "assistant_director") &&
    framed.principal.scopes.includes("write")
  );
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

function RecordForms({
  matrix,
  csrfToken,
  action,
}: {
  matrix: CredentialMatrix;
  csrfToken: string | undefined;
  action: string;
}) {
  const options = matrix.rows.map((r) => (
    <option value={r.staff.id}>
      {r.staff.lastName}, {r.staff.firstName}
    </option>
  ));
  return (
    <>
      <h2 id="record-training">Record training</h2>
      <form class="filters" method="post" action={`${action}/training`} data-form="training">
        <CsrfField token={csrfToken} />
        <div>
          <label for="t-staff">Staff member</label>
          <select id="t-staff" name="staffId" required>
            {options}
          </select>
        </div>
        <div>
          <label for="t-topic">Topic</label>
          <input id="t-topic" name="topic" maxlength={120} />
        </div>
        <div>
          <label for="t-hours">Hours</label>
          <input
            id="t-hours"
            name="hours"
            type="number"
            min="0.25"
            max="200"
            step="0.25"
            required
          />
        </div>
        <div>
          <label for="t-date">Completed on</label>
          <input id="t-date" name="completedOn" type="date" max={matrix.asOf} required />
        </div>
        <div>
          <label for="t-provider">Provider</label>
          <input id="t-provider" name="provider" maxlength={120} required />
        </div>
        <div>
          <label for="t-reference">Certificate or course number</label>
          <input id="t-reference" name="reference" maxlength={120} />
        </div>
        <button type="submit">Record training</button>
      </form>
      <h2 id="hire-date">Set a hire date</h2>
      <form class="filters" method="post" action={`${action}/hire-date`} data-form="hire-date">
        <CsrfField token={csrfToken} />
        <div>
          <label for="h-staff">Staff member</label>
          <select id="h-staff" name="staffId" required>
            {options}
          </select>
        </div>
        <div>
          <label for="h-date">Hire date</label>
          <input id="h-date" name="hireDate" type="date" required />
        </div>
        <button type="submit">Save hire date</button>
      </form>
    </>
  );
}

export function registerStaffPage(app: Hono<AppEnv>, ctx: AppContext): void {
  const render = (
    c: Context<AppEnv>,
    framed: Extract<Framed, { ok: true }>,
    opts: { error?: string; saved?: string } = {},
  ) => {
    const { center } = framed;
    const all = credentialMatrix(ctx.db, center.id, ctx.clock());
    if (!all) return c.notFound();
    const asked = c.req.query("room") ?? "";
    const room = all.rooms.some((r) => r.id === asked) ? asked : undefined;
    const matrix = room ? (credentialMatrix(ctx.db, center.id, ctx.clock(), room) ?? all) : all;
    const csv = `/api/centers/${encodeURIComponent(center.id)}/staff/credentials?format=csv${room ? `&room=${encodeURIComponent(room)}` : ""}`;
    const attention = matrix.rows.filter((r) => !r.compliance.compliant).length;
    const policy = ctx.reviewPolicyFor?.(center.id) ?? defaultDraftingPolicy.review;
    const reviews = upcomingReviews(ctx.db, center.id, matrix.asOf, policy).filter(
      (r) => !room || matrix.rows.some((row) => row.staff.id === r.staffId),
    );
    return renderPage(
      c,
      {
        ...framed.frame,
        title: "Staff credentials",
        children: (
          <>
            {opts.saved ? (
              <p class="notice good" role="status" data-saved={opts.saved}>
                Saved the {opts.saved === "training" ? "training record" : "hire date"}.
              </p>
            ) : null}
            {opts.error ? (
              <p class="notice bad" role="alert" data-error>
                Nothing was saved: {opts.error}
              </p>
            ) : null}
            <form class="filters" method="get" action={centerPath(center.id, "staff")}>
              <div>
                <label for="s-room">Home room</label>
                <select id="s-room" name="room">
                  <option value="">All rooms</option>
                  {all.rooms.map((r) => (
                    <option value={r.id} selected={room === r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">Filter</button>
            </form>
            <p class="muted">
              Status on {matrix.asOf} under{" "}
              {matrix.pack ? matrix.pack.name : `no credential pack for ${center.jurisdiction}`}.{" "}
              {matrix.rows.length} staff;{" "}
              {attention === 0
                ? "everyone's credentials and training are in order."
                : `${attention} ${attention === 1 ? "needs" : "need"} attention (a credential missing or expired, or a training period ended short).`}{" "}
              <a href={csv}>Download the staff credentials for an inspector (CSV)</a>.
            </p>
            <ResearchNotice matrix={matrix} jurisdiction={center.jurisdiction} />
            <div class="table-wrap">
              <table data-staff={matrix.rows.length}>
                <caption class="muted">Credential status by staff member</caption>
                <thead>
                  <tr>
                    <th scope="col">Staff</th>
                    <th scope="col">Role</th>
                    <th scope="col">Room</th>
                    <th scope="col">Hired</th>
                    {matrix.columns.map((col) => (
                      <th scope="col" title={col.source}>
                        {col.label}
                        {col.unconfirmed ? " †" : ""}
                      </th>
                    ))}
                    {matrix.trainingColumns.map((col) => (
                      <th scope="col" title={col.source}>
                        {col.label}
                        {col.unconfirmed ? " †" : ""}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.rows.map((row) => {
                    const byType = new Map(row.compliance.credentials.map((x) => [x.type, x]));
                    return (
                      <tr data-staff-id={row.staff.id}>
                        <th scope="row">
                          {row.staff.lastName}, {row.staff.firstName}
                        </th>
                        <td>{row.staff.role.replaceAll("_", " ")}</td>
                        <td>{row.roomName ?? "—"}</td>
                        <td data-hire-date={row.hireDate ?? ""}>{row.hireDate ?? "not on file"}</td>
                        {matrix.columns.map((col) => {
                          const cell = byType.get(col.type);
                          if (!cell) return <td class="muted">not required</td>;
                          return (
                            <td data-status={cell.status} title={cell.explanation}>
                              <span class={`badge ${badgeClass[cell.status]}`}>
                                {statusLabel[cell.status]}
                              </span>
                              {cell.expiresOn ? <div class="muted">{cell.expiresOn}</div> : null}
                              {row.renewals[col.type] ? (
                                <div>
                                  <span class="badge">{RENEWAL_TAG}</span>
                                </div>
                              ) : null}
                            </td>
                          );
                        })}
                        {matrix.trainingColumns.map((col) => {
                          const t = row.compliance.training.find((x) => x.requirementId === col.id);
                          if (!t) {
                            return (
                              <td
                                class="muted"
                                data-training={col.id}
                                data-training-status="not_required"
                              >
                                not required
                              </td>
                            );
                          }
                          return (
                            <td
                              data-training={col.id}
                              data-training-status={t.status}
                              title={t.explanation}
                            >
                              <span class={`badge ${trainingClass[t.status]}`}>
                                {trainingStatusLabel[t.status]}
                              </span>
                              <div>
                                {t.completed} / {t.required} h by {t.periodEnd}
                              </div>
                              <div class="muted">
                                {t.recordIds.length} record{t.recordIds.length === 1 ? "" : "s"}
                              </div>
                              {row.renewals[`training:${col.id}`] ? (
                                <div>
                                  <span class="badge">{RENEWAL_TAG}</span>
                                </div>
                              ) : null}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <h2>Upcoming reviews</h2>
            <p class="muted">
              Every {policy.intervalMonths} months from the hire date; the summary is drafted{" "}
              {policy.leadDays} days ahead.
            </p>
            <ul data-reviews={reviews.filter((r) => r.dueOn !== null).length}>
              {reviews.map((r) => (
                <li data-review-staff={r.staffId}>
                  {r.dueOn === null ? (
                    <>
                      {r.staffName}:{" "}
                      {r.hireDate === null
                        ? "no hire date on file."
                        : `hired ${r.hireDate}, not started yet.`}
                    </>
                  ) : (
                    <>
                      {r.staffName}: review {r.reviewNumber} due {r.dueOn} (in {r.daysUntil} day
                      {r.daysUntil === 1 ? "" : "s"}; hired {r.hireDate}).{" "}
                      {r.draft ? (
                        <a href={`${centerPath(center.id, "approvals")}/${r.draft.approvalId}`}>
                          Summary draft ({r.draft.state.replaceAll("_", " ")}) with the data behind
                          it
                        </a>
                      ) : r.withinWindow ? (
                        "The summary draft is being prepared."
                      ) : (
                        <span class="muted">No summary draft yet.</span>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
            {mayRecord(framed) ? (
              <RecordForms
                matrix={all}
                csrfToken={c.get("csrfToken")}
                action={centerPath(center.id, "staff")}
              />
            ) : null}
          </>
        ),
      },
      opts.error ? 400 : 200,
    );
  };

  app.get("/centers/:centerId/staff", (c) => {
    const framed = frameFor(c, ctx, "staff");
    if (!framed.ok) return framed.response;
    return render(c, framed, { saved: c.req.query("saved") });
  });

  const staffIdsAt = (centerId: string) => new Set(listStaff(ctx.db, centerId).map((s) => s.id));

  const post = (
    path: "training" | "hire-date",
    save: (framed: Extract<Framed, { ok: true }>, body: Record<string, unknown>) => void,
  ) =>
    app.post(`/centers/:centerId/staff/${path}`, async (c) => {
      const framed = frameFor(c, ctx, "staff");
      if (!framed.ok) return framed.response;
      if (!mayRecord(framed)) {
        return renderBare(
          c,
          403,
          "Not allowed",
          "Only the center's director records staff records.",
        );
      }
      const body = await c.req.parseBody();
      try {
        save(framed, body);
      } catch (error) {
        if (error instanceof AppError && error.code === "bad_request") {
          // The form holds one entry: name its field as the form does (`hours`, not `training.0.hours`).
          return render(c, framed, { error: error.message.replace(/^\w+\.0\./, "") });
        }
        throw error;
      }
      return c.redirect(`${centerPath(framed.center.id, "staff")}?saved=${path}`, 303);
    });

  post("training", (framed, body) => {
    const { center, principal } = framed;
    const entry = {
      staffId: text(body.staffId),
      topic: text(body.topic),
      hours: text(body.hours),
      completedOn: text(body.completedOn),
      provider: text(body.provider),
      reference: text(body.reference),
    };
    const list = validateTraining(
      { training: [entry] },
      staffIdsAt(center.id),
      centerDate(center, ctx.clock()),
    );
    recordTraining(ctx.db, center.id, list, "form", principal.actor, ctx.wallClock());
  });

  post("hire-date", (framed, body) => {
    const { center, principal } = framed;
    const entry = { staffId: text(body.staffId), hireDate: text(body.hireDate) };
    const list = validateHireDates({ hireDates: [entry] }, staffIdsAt(center.id));
    recordHireDates(ctx.db, center.id, list, "form", principal.actor, ctx.wallClock());
  });
}
