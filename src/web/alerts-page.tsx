/**
 * @module web/alerts-page
 * Alert history for a local day (and optionally one room): every alert with its severity, when it
 * opened and resolved, who acknowledged it, its escalations, and every send from the outbox.
 * Also the board's Acknowledge form post.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { instantToZoned } from "../domain/time.js";
import { holdWhatHappened } from "../door/hold-words.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { listAlerts, listOpenAlerts } from "../storage/alerts.js";
import { listChildren, listRooms } from "../storage/directory.js";
import { listHoldSends, listPickupHolds, type PickupHoldRow } from "../storage/door.js";
import { deliveryTroubles, listOutbox, type OutboxRow } from "../storage/outbox.js";
import { canAct, roleAt } from "./access.js";
import { DeliveryNote } from "./delivery-note.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { nameBook } from "./names.js";
import { isDay, localDay } from "./timeline-page.js";

type LocalTime = (iso: string | null) => string;

/** Every send of one alert or hold, as the outbox recorded it. */
function SendList({ rows, local }: { rows: readonly OutboxRow[]; local: LocalTime }) {
  return (
    <ul data-sends>
      {rows.map((row) => (
        <li data-send={row.channel}>
          {row.channel} → {row.recipient}: <strong>{row.status}</strong>
          {row.sentAt ? ` at ${local(row.sentAt)}` : ""}
          {row.attempts > 1 ? ` (${row.attempts} attempts)` : ""}
          {row.lastError ? ` — ${row.lastError}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** A pick-up hold in the alert table: critical, open until a director releases it. */
function HoldRow(props: {
  hold: PickupHoldRow;
  room: string | undefined;
  childFirstName: string;
  doorHref: string;
  local: LocalTime;
  sends: readonly OutboxRow[];
}) {
  const { hold: h, local } = props;
  return (
    <tr data-hold-alert={h.id} data-state={h.state}>
      <td>
        <strong>Pick-up hold</strong>
      </td>
      <td>
        {props.room ?? "—"}
        <br />
        <small>{holdWhatHappened(h, props.childFirstName)}</small>
      </td>
      <td>
        <span class="badge critical">critical</span>
      </td>
      <td>{local(h.occurredAt)}</td>
      <td>
        {h.state === "released" ? (
          `released at ${local(h.releasedAt)}: ${h.outcome === "handed_over" ? `${props.childFirstName} left with them` : `${props.childFirstName} stayed`}`
        ) : (
          <>
            open —{" "}
            <a href={`${props.doorHref}#hold-${h.id}`}>release {props.childFirstName}’s hold</a>
          </>
        )}
      </td>
      <td>{h.releasedByName ? `released by ${h.releasedByName}` : "not released"}</td>
      <td>—</td>
      <td>
        <SendList rows={props.sends} local={local} />
      </td>
    </tr>
  );
}

export function registerAlertPages(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/alerts", (c) => {
    const framed = frameFor(c, ctx, "alerts");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const rooms = listRooms(ctx.db, center.id);
    const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
    const asked = c.req.query("date");
    const badDate = asked !== undefined && asked !== "" && !isDay(asked);
    const date = asked && !badDate ? asked : instantToZoned(ctx.clock(), center.timeZone).date;
    const room = roomNames.has(c.req.query("room") ?? "") ? c.req.query("room") : undefined;
    const day = localDay(date, center.timeZone);
    const alerts = listAlerts(ctx.db, center.id, {
      from: day.dayStart.toISOString(),
      to: day.dayEnd.toISOString(),
    }).filter((a) => (room ? a.roomId === room : true) && a.openedAt < day.dayEnd.toISOString());
    const local = (iso: string | null) => {
      if (!iso) return "—";
      const z = instantToZoned(new Date(iso), center.timeZone);
      return z.date === date ? z.time : `${z.date} ${z.time}`;
    };
    const book = nameBook(ctx.db, center.id, roleAt(framed.principal, center.id));
    const outbox = new Map(alerts.map((a) => [a.id, listOutbox(ctx.db, { alertId: a.id })]));
    // Pick-up holds are critical alerts too: every hold of the day, and any still open from before.
    const holds = listPickupHolds(ctx.db, center.id, {
      from: day.dayStart.toISOString(),
      to: day.dayEnd.toISOString(),
    }).filter((h) => h.occurredAt < day.dayEnd.toISOString() && (!room || h.roomId === room));
    const firstNames = new Map(
      listChildren(ctx.db, center.id, [...new Set(holds.map((h) => h.childId))]).map((ch) => [
        ch.id,
        ch.firstName,
      ]),
    );
    return renderPage(
      c,
      {
        ...framed.frame,
        title: "Alert history",
        children: (
          <>
            <form class="filters" method="get" action={centerPath(center.id, "alerts")}>
              <div>
                <label for="a-date">Day</label>
                <input id="a-date" type="date" name="date" value={date} />
              </div>
              <div>
                <label for="a-room">Room</label>
                <select id="a-room" name="room">
                  <option value="">All rooms</option>
                  {rooms.map((r) => (
                    <option value={r.id} selected={room === r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">Filter</button>
            </form>
            {badDate ? (
              <p class="notice bad" role="alert">
                date: expected a day as YYYY-MM-DD, got “{asked}”; showing {date}.
              </p>
            ) : null}
            <DeliveryNote
              troubles={deliveryTroubles(ctx.db, center.id, { alertIds: alerts.map((a) => a.id) })}
              timeZone={center.timeZone}
            />
            <p class="muted">
              {alerts.length} alert{alerts.length === 1 ? "" : "s"} opened on {date} (
              {center.timeZone})
              {holds.length > 0
                ? `, and ${holds.length} pick-up hold${holds.length === 1 ? "" : "s"} (critical)`
                : ""}
              .
            </p>
            <section class="table-wrap" tabindex={0} aria-label="Alerts">
              <table class="cards" data-alerts={alerts.length} data-holds={holds.length}>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Room</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Opened</th>
                    <th scope="col">Resolved</th>
                    <th scope="col">Acknowledged</th>
                    <th scope="col">Escalations</th>
                    <th scope="col">Sends</th>
                  </tr>
                </thead>
                <tbody>
                  {holds.map((h) => (
                    <HoldRow
                      hold={h}
                      room={h.roomId ? roomNames.get(h.roomId) : undefined}
                      childFirstName={firstNames.get(h.childId) ?? "A child"}
                      doorHref={centerPath(center.id, "door")}
                      local={local}
                      sends={listHoldSends(ctx.db, h.id)}
                    />
                  ))}
                  {alerts.map((a) => (
                    <tr data-alert={a.id}>
                      <td>
                        {a.id}
                        {a.shadow ? (
                          <>
                            {" "}
                            <span class="badge">shadow</span>
                          </>
                        ) : null}
                      </td>
                      <td>{roomNames.get(a.roomId) ?? a.roomName}</td>
                      <td>
                        <span class={`badge ${a.severity}`}>{a.severity}</span>
                      </td>
                      <td>{local(a.openedAt)}</td>
                      <td>
                        {a.resolvedAt
                          ? `${local(a.resolvedAt)}${a.resolution === "superseded" ? " (superseded)" : ""}`
                          : a.state === "resolving"
                            ? "back in ratio, confirming"
                            : "open"}
                      </td>
                      <td>
                        {a.acknowledgedBy
                          ? `${book.actor(a.acknowledgedBy)} at ${local(a.acknowledgedAt)}`
                          : "not acknowledged"}
                      </td>
                      <td>
                        {a.escalationLevel === 0
                          ? "none"
                          : `${a.escalationLevel}, last at ${local(a.escalatedAt)}`}
                      </td>
                      <td>
                        <SendList rows={outbox.get(a.id) ?? []} local={local} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ),
      },
      badDate ? 400 : 200,
    );
  });

  app.post("/centers/:centerId/alerts/:alertId/acknowledge", async (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const board = centerPath(center.id);
    const id = z.coerce.number().int().positive().safeParse(c.req.param("alertId"));
    const open = id.success
      ? listOpenAlerts(ctx.db, center.id, { includeShadow: true }).find((a) => a.id === id.data)
      : undefined;
    if (!open || !ctx.alerting) return c.redirect(`${board}?ack=gone`, 303);
    if (!canAct(principal, center.id)) return c.redirect(`${board}?ack=forbidden`, 303);
    const result = ctx.alerting.engine.acknowledge(
      open.id,
      `${principal.actor} (${principal.name})`,
    );
    if (!result.ok) return c.redirect(`${board}?ack=gone`, 303);
    ctx.events.emit("alerts", { centerId: center.id, alertId: open.id, event: "acknowledged" });
    return c.redirect(`${board}?ack=${open.id}`, 303);
  });
}
