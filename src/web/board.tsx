/**
 * @module web/board
 * The live room board: server-rendered with hono/jsx, then kept current by swapping in a fresh
 * server-rendered fragment whenever the SSE stream says a center's rooms changed (with a slow poll
 * as a fallback when the stream drops).
 */
import type { Hono } from "hono";
import { raw } from "hono/html";
import { streamSSE } from "hono/streaming";
import { isAcknowledged } from "../alerts/decide.js";
import { canSeeCenter, SignOutForm } from "../auth/index.js";
import {
  centerOutlook,
  type RoomOutlook,
  type RoomWithRatio,
  roomsWithRatio,
} from "../compliance/index.js";
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { type AlertRow, listOpenAlerts } from "../storage/alerts.js";
import type { Store } from "../storage/db.js";
import { getCenter, listCenters, listStaff } from "../storage/directory.js";
import { boardScript, boardStyles } from "./assets.js";

/** Offered on the signed-in board to people who may act: an Acknowledge form per alert. */
export interface AckForms {
  centerId: string;
  csrfToken: string | undefined;
}

interface RoomExtras {
  outlook: RoomOutlook | undefined;
  alerts: AlertRow[];
  staffNames: ReadonlyMap<string, string>;
  timeZone: string;
  ack: AckForms | undefined;
  /** The room's quick-log form, for people who may post there. */
  quickLogHref: string | undefined;
}

function AlertLine({
  alert,
  timeZone,
  ack,
}: {
  alert: AlertRow;
  timeZone: string;
  ack: AckForms | undefined;
}) {
  return (
    <div class={`alert ${alert.severity}`} data-alert={alert.id}>
      Alert #{alert.id}: {alert.severity}
      {alert.state === "resolving" ? " (back in ratio, confirming)" : ""} since{" "}
      {instantToZoned(new Date(alert.openedAt), timeZone).time}
      {alert.acknowledgedBy ? ` · acknowledged by ${alert.acknowledgedBy}` : " · not acknowledged"}
      {ack && !isAcknowledged(alert) ? (
        <form
          class="ack"
          method="post"
          action={`/centers/${encodeURIComponent(ack.centerId)}/alerts/${alert.id}/acknowledge`}
        >
          <input type="hidden" name="_csrf" value={ack.csrfToken ?? ""} />
          <button type="submit" aria-label={`Acknowledge alert ${alert.id} (${alert.roomName})`}>
            Acknowledge
          </button>
        </form>
      ) : null}
    </div>
  );
}

function OutlookLines({ extras }: { extras: RoomExtras }) {
  const o = extras.outlook;
  if (!o) return null;
  const breach = o.forecast.firstBreach;
  const first = o.coverage?.proposals[0];
  const local = (iso: string) => instantToZoned(new Date(iso), extras.timeZone).time;
  return (
    <div class="outlook">
      <p
        class={breach ? "forecast breach" : "forecast"}
        data-forecast={breach ? breach.at : "none"}
      >
        {breach
          ? breach.cause
            ? `Forecast: out of ratio at ${local(breach.at)}: ${breach.reasons[0] ?? breach.status}`
            : "Forecast: out of ratio now"
          : `Forecast: in ratio through ${local(o.forecast.horizonEnd)}`}
      </p>
      {first ? (
        <p class="coverage" data-coverage={first.staffId}>
          Suggested (needs approval): move {extras.staffNames.get(first.staffId) ?? first.staffId}
          {first.fixesFully ? "" : " (partial fix)"} — {first.reasoning[0]}
        </p>
      ) : o.coverage ? (
        <p class="coverage none">
          No coverage move found: {o.coverage.reasons[0] ?? "no eligible staff"}
        </p>
      ) : null}
    </div>
  );
}

function RoomCard({ room, extras }: { room: RoomWithRatio; extras: RoomExtras }) {
  return (
    <article class="room" data-room={room.id}>
      <header>
        <h3>{room.name}</h3>
        <span class="counts">
          <strong data-count="children">{room.counts.children}</strong> children ·{" "}
          <strong data-count="staff">{room.counts.staffPresent}</strong> staff
          {room.counts.staffOnBreak > 0 ? ` (+${room.counts.staffOnBreak} on break)` : ""}
        </span>
      </header>
      <RatioLine room={room} />
      {extras.quickLogHref ? (
        <p>
          <a href={extras.quickLogHref}>Quick log about a child</a>
        </p>
      ) : null}
      {extras.alerts.map((alert) => (
        <AlertLine alert={alert} timeZone={extras.timeZone} ack={extras.ack} />
      ))}
      <OutlookLines extras={extras} />
      <div class="people">
        <section>
          <h4>Staff</h4>
          <ul>
            {room.staff.map((s) => (
              <li class={s.onBreak ? "break" : ""}>
                {s.firstName} {s.lastName} <small>{s.role.replaceAll("_", " ")}</small>
                {s.onBreak ? <small class="tag">on break</small> : null}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h4>Children</h4>
          <ul class="children">
            {room.children.map((k) => (
              <li>
                {k.firstName} {k.lastName}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}

function RatioLine({ room }: { room: RoomWithRatio }) {
  const r = room.ratio;
  if (!r)
    return <p class="status pending">Ratio: not evaluated (no rule pack for this jurisdiction)</p>;
  if (r.children === 0 && r.compliant) {
    return (
      <div class={`status ${r.status}`} data-status={r.status}>
        <strong>{r.status}</strong> · no children
      </div>
    );
  }
  return (
    <div class={`status ${r.status}`} data-status={r.status}>
      <strong>{r.status}</strong> · {r.countedStaff} of {r.requiredStaff} staff needed · {r.slack}
      {r.reasons.length > 0 ? <div class="reasons">{r.reasons.join("; ")}</div> : null}
      <details>
        <summary>
          {r.ruleSource}: {r.governingBand.label} 1:{r.governingBand.ratio}
          {r.governingBand.maxGroup ? `, group ≤ ${r.governingBand.maxGroup}` : ""}
        </summary>
        <ul class="explanation">
          {r.explanation.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function CenterRooms({
  db,
  center,
  asOf,
  ack,
  quickLog,
}: {
  db: Store;
  center: Center;
  asOf: Date;
  ack?: AckForms;
  /** The quick-log form of a room, when the viewer may post there. */
  quickLog?: (roomId: string) => string | undefined;
}) {
  const rooms = roomsWithRatio(db, center.id);
  const outlook = new Map(centerOutlook(db, center.id, asOf).map((o) => [o.roomId, o]));
  const alerts = listOpenAlerts(db, center.id);
  const staffNames = new Map(
    listStaff(db, center.id).map((s) => [s.id, `${s.firstName} ${s.lastName}`]),
  );
  const local = instantToZoned(asOf, center.timeZone);
  return (
    <div class="center-body">
      <p class="clock">
        Local time at center: {local.date} {local.time} ({center.timeZone})
      </p>
      <div class="rooms">
        {rooms.map((room) => (
          <RoomCard
            room={room}
            extras={{
              outlook: outlook.get(room.id),
              alerts: alerts.filter((a) => a.roomId === room.id),
              staffNames,
              timeZone: center.timeZone,
              ack,
              quickLogHref: quickLog?.(room.id),
            }}
          />
        ))}
      </div>
    </div>
  );
}

export function registerBoard(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/", (c) => {
    const principal = c.get("principal");
    const centers = listCenters(ctx.db).filter((center) => canSeeCenter(principal, center.id));
    const now = ctx.clock();
    return c.html(
      "<!doctype html>" +
        (
          <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Centerline — live room board</title>
              <style>{raw(boardStyles)}</style>
            </head>
            <body>
              <SignOutForm token={c.get("csrfToken")} name={principal.name} />
              <h1>Centerline · live room board</h1>
              <p class="live" id="live">
                connecting…
              </p>
              {centers.length === 0 ? <p>No centers yet: the directory sync has not run.</p> : null}
              {centers.map((center) => (
                <section class="center" id={`center-${center.id}`} data-center={center.id}>
                  <h2>
                    {center.name}{" "}
                    <small>
                      {center.jurisdiction} · {center.provider}
                    </small>
                  </h2>
                  <div class="center-slot">
                    <CenterRooms db={ctx.db} center={center} asOf={now} />
                  </div>
                </section>
              ))}
              <script>{raw(boardScript)}</script>
            </body>
          </html>
        ).toString(),
    );
  });

  app.get("/board/centers/:center", (c) => {
    const id = c.req.param("center");
    const center = canSeeCenter(c.get("principal"), id) ? getCenter(ctx.db, id) : undefined;
    if (!center) throw new AppError("not_found", `unknown center "${c.req.param("center")}"`);
    return c.html(<CenterRooms db={ctx.db} center={center} asOf={ctx.clock()} />);
  });

  app.get("/board/stream", (c) =>
    streamSSE(c, async (stream) => {
      const principal = c.get("principal");
      const onRooms = (change: { centerId: string }) => {
        if (!canSeeCenter(principal, change.centerId)) return;
        void stream.writeSSE({
          event: "rooms",
          data: JSON.stringify({ centerId: change.centerId }),
        });
      };
      ctx.events.on("rooms", onRooms);
      ctx.events.on("alerts", onRooms);
      stream.onAbort(() => {
        ctx.events.off("rooms", onRooms);
        ctx.events.off("alerts", onRooms);
      });
      await stream.writeSSE({ event: "hello", data: "{}" });
      while (!stream.aborted) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: "ping", data: "{}" });
      }
    }),
  );
}
