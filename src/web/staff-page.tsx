/**
 * @module web/staff-page
 * The credential matrix: staff × required credential, each cell coloured by status and always
 * labelled in words (colour is never the only signal), filtered by home room, with the CSV export
 * an inspector would take away.
 */
import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../http/context.js";
import type { staff as staffRules } from "../rules/index.js";
import { credentialMatrix, RENEWAL_TAG, statusLabel, upcomingReviews } from "../staff/index.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";

/** The board's badge colours, reused: green valid, amber soon, red short, dark red lapsed. */
const badgeClass: Record<staffRules.CredentialStatus, string> = {
  valid: "ok",
  expiring_90: "approaching",
  expiring_60: "approaching",
  expiring_30: "violation",
  overdue: "critical",
  missing: "critical",
};

export function registerStaffPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/staff", (c) => {
    const framed = frameFor(c, ctx, "staff");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const all = credentialMatrix(ctx.db, center.id, ctx.clock());
    if (!all) return c.notFound();
    const asked = c.req.query("room") ?? "";
    const room = all.rooms.some((r) => r.id === asked) ? asked : undefined;
    const matrix = room ? (credentialMatrix(ctx.db, center.id, ctx.clock(), room) ?? all) : all;
    const csv = `/api/centers/${encodeURIComponent(center.id)}/staff/credentials?format=csv${room ? `&room=${encodeURIComponent(room)}` : ""}`;
    const attention = matrix.rows.filter((r) => !r.compliance.compliant).length;
    const reviews = upcomingReviews(ctx.db, center.id, matrix.asOf).filter(
      (r) => !room || matrix.rows.some((row) => row.staff.id === r.staffId),
    );
    return renderPage(c, {
      ...framed.frame,
      title: "Staff credentials",
      children: (
        <>
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
            {matrix.rows.length} staff, {attention} with a credential missing or expired.{" "}
            <a href={csv}>Download CSV for an inspector</a> (uses your API token).
          </p>
          {matrix.columns.some((col) => col.unconfirmed) ? (
            <p class="notice">
              Requirements marked † cite no regulation text yet (UNCONFIRMED); check them against
              the state's rules before relying on them.
            </p>
          ) : null}
          <div class="table-wrap">
            <table data-staff={matrix.rows.length}>
              <caption class="muted">Credential status by staff member</caption>
              <thead>
                <tr>
                  <th scope="col">Staff</th>
                  <th scope="col">Role</th>
                  <th scope="col">Room</th>
                  {matrix.columns.map((col) => (
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
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h2>Upcoming reviews</h2>
          {reviews.length === 0 ? (
            <p class="muted">No review summary has been drafted for an upcoming review.</p>
          ) : (
            <ul data-reviews={reviews.length}>
              {reviews.map((r) => (
                <li data-review-staff={r.staffId}>
                  {r.staffName}: review {r.reviewNumber} due {r.dueOn}.{" "}
                  <a href={`${centerPath(center.id, "approvals")}/${r.approvalId}`}>
                    Summary draft ({r.state.replaceAll("_", " ")}) with the data behind it
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  });
}
