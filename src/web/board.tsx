/**
 * @module web/board
 * The live room board: server-rendered with hono/jsx, then kept current by the live client
 * (`live-client.ts`), which swaps in a fresh server-rendered fragment whenever the SSE stream says
 * a center changed, and on a short timer, without moving the viewer's focus. Trouble comes first:
 * a one-line center summary, then rooms ordered by severity, each status in words and a shape.
 */
import type { Hono } from "hono";
import { raw } from "hono/html";
import { isAcknowledged } from "../alerts/decide.js";
import { CsrfField, canSeeCenter, SignOutForm } from "../auth/index.js";
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
import type { RatioStatus } from "../rules/index.js";
import { type AlertRow, listOpenAlerts } from "../storage/alerts.js";
import type { Store } from "../storage/db.js";
import { getCenter, listCenters, listChildren } from "../storage/directory.js";
import { listPickupHolds } from "../storage/door.js";
import { visibleCenters } from "./access.js";
import { boardStyles } from "./assets.js";
import { type BoardMove, boardMoves, centerNames } from "./board-moves.js";
import { boardClientStyles, liveScript } from "./live-client.js";
import { liveStream } from "./live-stream.js";

/** Offered on the signed-in board to people who may act: Acknowledge and Propose forms. */
export interface AckForms {
  centerId: string;
  csrfToken: string | undefined;
  /** A director or assistant director: offered "Approve now" beside "Propose". */
  mayApprove?: boolean;
  /** Who would propose a move (`user:<id>`). */
  actor?: string;
}

interface RoomExtras {
  outlook: RoomOutlook | undefined;
  moves: BoardMove[];
  alerts: AlertRow[];
  names: Readonly<Record<string, string>>;
  timeZone: string;
  ack: AckForms | undefined;
  /** The room's quick-log form, for people who may post there. */
  quickLogHref: string | undefined;
  /** The approvals queue of the center, for links to a proposed move. */
  approvalsHref: string | undefined;
}

/** Each status in words and a shape, so none depends on colour alone. */
export const statusLook: Record<RatioStatus | "pending", { icon: string; label: string }> = {
  critical: { icon: "‼", label: "Critical: far out of ratio" },
  violation: { icon: "✖", label: "Out of ratio" },
  approaching: { icon: "▲", label: "At limit" },
  ok: { icon: "✓", label: "In ratio" },
  pending: { icon: "?", label: "Not evaluated" },
};

/** Lower is more urgent: the order rooms are shown in. */
function severity(room: RoomWithRatio, outlook: RoomOutlook | undefined): number {
  switch (room.ratio?.status) {
    case "critical":
      return 0;
    case "violation":
      return 1;
    case "approaching":
      return 2;
    case "ok":
      return outlook?.forecast.firstBreach ? 3 : 4;
    default:
      return 5;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Wall time with seconds in the center's zone (`instantToZoned` stops at minutes). */
export function localClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);
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
  const look = statusLook[alert.severity as RatioStatus] ?? statusLook.pending;
  return (
    <div class={`alert ${alert.severity}`} data-alert={alert.id}>
      <span class="icon" aria-hidden="true">
        {look.icon}
      </span>{" "}
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
          <CsrfField token={ack.csrfToken} />
          <button
            type="submit"
            id={`ack-${alert.id}`}
            aria-label={`Acknowledge alert ${alert.id} (${alert.roomName})`}
          >
            Acknowledge
          </button>
        </form>
      ) : null}
    </div>
  );
}

function MoveLine({
  roomId,
  first,
  extras,
}: {
  roomId: string;
  first: BoardMove;
  extras: RoomExtras;
}) {
  const { move, approval } = first;
  const who = extras.names[move.staffId] ?? move.staffId;
  const from = move.fromRoomId
    ? `from ${extras.names[move.fromRoomId] ?? move.fromRoomId}`
    : "(not in a room now)";
  const room = extras.names[roomId] ?? roomId;
  const ack = extras.ack;
  return (
    <div class="coverage" data-coverage={move.staffId}>
      <p>
        Suggested move (needs approval): <strong>{who}</strong> {from} to {room}
        {move.fixesFully ? "" : " (partial fix)"} — {move.reasoning[0]}
      </p>
      {approval ? (
        <p data-proposed={approval.id}>
          Proposed:{" "}
          {extras.approvalsHref ? (
            <a href={`${extras.approvalsHref}/${approval.id}`}>approval #{approval.id}</a>
          ) : (
            `approval #${approval.id}`
          )}{" "}
          ({approval.state.replaceAll("_", " ")})
        </p>
      ) : ack ? (
        <form
          class="move"
          method="post"
          action={`/centers/${encodeURIComponent(ack.centerId)}/board/moves`}
        >
          <CsrfField token={ack.csrfToken} />
          <input type="hidden" name="room" value={roomId} />
          <input type="hidden" name="staff" value={move.staffId} />
          <input type="hidden" name="hash" value={first.hash} />
          <button
            type="submit"
            name="action"
            value="propose"
            id={`propose-${roomId}`}
            aria-label={`Propose moving ${who} to ${room}`}
          >
            Propose
          </button>
          {ack.mayApprove ? (
            <button
              type="submit"
              name="action"
              value="approve"
              class="primary"
              id={`approve-${roomId}`}
              aria-label={`Approve now: move ${who} to ${room}`}
            >
              Approve now
            </button>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function OutlookLines({ roomId, extras }: { roomId: string; extras: RoomExtras }) {
  const o = extras.outlook;
  if (!o) return null;
  const breach = o.forecast.firstBreach;
  const first = extras.moves[0];
  const local = (iso: string) => instantToZoned(new Date(iso), extras.timeZone).time;
  return (
    <div class="outlook">
      <p
        class={breach ? "forecast breach" : "forecast"}
        data-forecast={breach ? breach.at : "none"}
      >
        {breach ? (
          <span class="icon" aria-hidden="true">
            ◆{" "}
          </span>
        ) : null}
        {breach
          ? breach.cause
            ? `Forecast: out of ratio at ${local(breach.at)}: ${breach.reasons[0] ?? breach.status}`
            : "Forecast: out of ratio now"
          : `Forecast: in ratio through ${local(o.forecast.horizonEnd)}`}
      </p>
      {first ? (
        <MoveLine roomId={roomId} first={first} extras={extras} />
      ) : o.coverage ? (
        <p class="coverage none">
          No coverage move found: {o.coverage.reasons[0] ?? "no eligible staff"}
        </p>
      ) : null}
    </div>
  );
}

function RoomCard({ room, extras }: { room: RoomWithRatio; extras: RoomExtras }) {
  const status = room.ratio?.status ?? "pending";
  return (
    <article
      class={`room ${status}`}
      data-room={room.id}
      data-severity={status}
      id={`room-${room.id}`}
      tabindex={-1}
      aria-labelledby={`room-${room.id}-name`}
    >
      <header>
        <h3 id={`room-${room.id}-name`}>{room.name}</h3>
        <span class="counts">
          <strong data-count="children">{room.counts.children}</strong> children ·{" "}
          <strong data-count="staff">{room.counts.staffPresent}</strong> staff
          {room.counts.staffOnBreak > 0 ? ` (+${room.counts.staffOnBreak} on break)` : ""}
        </span>
      </header>
      <RatioLine room={room} />
      {extras.quickLogHref ? (
        <p>
          <a href={extras.quickLogHref} id={`quicklog-${room.id}`}>
            Quick log about a child
          </a>
        </p>
      ) : null}
      {extras.alerts.map((alert) => (
        <AlertLine alert={alert} timeZone={extras.timeZone} ack={extras.ack} />
      ))}
      <OutlookLines roomId={room.id} extras={extras} />
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

function StatusBadge({ status }: { status: RatioStatus }) {
  const look = statusLook[status];
  return (
    <>
      <span class="icon" aria-hidden="true">
        {look.icon}
      </span>{" "}
      <strong>{look.label}</strong> <span class="word">({status})</span>
    </>
  );
}

function RatioLine({ room }: { room: RoomWithRatio }) {
  const r = room.ratio;
  if (!r)
    return (
      <p class="status pending">
        <span class="icon" aria-hidden="true">
          ?
        </span>{" "}
        Ratio: not evaluated (no rule pack for this jurisdiction)
      </p>
    );
  if (r.children === 0 && r.compliant) {
    return (
      <div class={`status ${r.status}`} data-status={r.status}>
        <StatusBadge status={r.status} /> · no children
      </div>
    );
  }
  return (
    <div class={`status ${r.status}`} data-status={r.status}>
      <StatusBadge status={r.status} /> · {r.countedStaff} of {r.requiredStaff} staff needed ·{" "}
      {r.slack}
      {r.reasons.length > 0 ? <div class="reasons">{r.reasons.join("; ")}</div> : null}
      {r.note ? <div class="card-note">{r.note}</div> : null}
      <details id={`rule-${room.id}`}>
        <summary id={`rule-${room.id}-summary`}>
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

export interface CenterSummary {
  rooms: number;
  outOfRatio: number;
  atLimit: number;
  holds: number;
}

function summarize(rooms: readonly RoomWithRatio[], holds: number): CenterSummary {
  const status = (r: RoomWithRatio) => r.ratio?.status;
  return {
    rooms: rooms.length,
    outOfRatio: rooms.filter((r) => status(r) === "violation" || status(r) === "critical").length,
    atLimit: rooms.filter((r) => status(r) === "approaching").length,
    holds,
  };
}

/** A center's summary counts: rooms out of ratio, open pick-up holds, rooms at limit. */
export function centerSummary(db: Store, centerId: string): CenterSummary {
  const holds = listPickupHolds(db, centerId).filter((h) => h.state === "open").length;
  return summarize(roomsWithRatio(db, centerId), holds);
}

/** The one line a director reads first. */
export function summaryLine(s: CenterSummary): string {
  const parts = [
    s.outOfRatio > 0 ? plural(s.outOfRatio, "room out of ratio", "rooms out of ratio") : "",
    s.holds > 0 ? plural(s.holds, "pick-up hold", "pick-up holds") : "",
    s.atLimit > 0 ? plural(s.atLimit, "room at limit", "rooms at limit") : "",
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(" · ");
  return `${s.rooms === 1 ? "The room is" : `All ${s.rooms} rooms`} in ratio · no pick-up holds`;
}

function SummaryParts({ summary, doorHref }: { summary: CenterSummary; doorHref?: string }) {
  const holds = plural(summary.holds, "pick-up hold", "pick-up holds");
  const parts = [
    summary.outOfRatio > 0
      ? plural(summary.outOfRatio, "room out of ratio", "rooms out of ratio")
      : null,
    summary.holds > 0 ? doorHref ? <a href={doorHref}>{holds}</a> : holds : null,
    summary.atLimit > 0 ? plural(summary.atLimit, "room at limit", "rooms at limit") : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return <>{summaryLine(summary)}</>;
  return <>{parts.map((p, i) => (i === 0 ? p : <> · {p}</>))}</>;
}

/** A hidden list of what deserves a notice (tab title, beep, announcement) when it first shows. */
function Notices({ items }: { items: { key: string; text: string }[] }) {
  return (
    <ul hidden class="notices">
      {items.map((n) => (
        <li data-notice={n.key}>{n.text}</li>
      ))}
    </ul>
  );
}

export function CenterRooms({
  db,
  center,
  asOf,
  ack,
  quickLog,
  doorHref,
  approvalsHref,
}: {
  db: Store;
  center: Center;
  asOf: Date;
  ack?: AckForms;
  /** The quick-log form of a room, when the viewer may post there. */
  quickLog?: (roomId: string) => string | undefined;
  /** The center's door page, linked from the hold count. */
  doorHref?: string;
  /** The center's approvals queue, linked from a proposed move. */
  approvalsHref?: string;
}) {
  const rooms = roomsWithRatio(db, center.id);
  const outlookList = centerOutlook(db, center.id, asOf);
  const outlook = new Map(outlookList.map((o) => [o.roomId, o]));
  const moves = boardMoves(db, center, outlookList, ack?.actor ?? "user:board");
  const alerts = listOpenAlerts(db, center.id);
  const holds = listPickupHolds(db, center.id).filter((h) => h.state === "open");
  const names = centerNames(db, center.id);
  const childNames = new Map(
    listChildren(
      db,
      center.id,
      holds.map((h) => h.childId),
    ).map((k) => [k.id, `${k.firstName} ${k.lastName}`]),
  );
  const order = new Map(rooms.map((r, i) => [r.id, i]));
  const sorted = [...rooms].sort(
    (a, b) =>
      severity(a, outlook.get(a.id)) - severity(b, outlook.get(b.id)) ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  const statusOf = (r: RoomWithRatio) => r.ratio?.status;
  const summary = summarize(rooms, holds.length);
  const trouble = summary.outOfRatio + summary.holds > 0;
  const notices = [
    ...rooms.flatMap((r) => {
      const s = statusOf(r);
      return s === "violation" || s === "critical"
        ? [{ key: `room:${r.id}:${s}`, text: `${r.name}: ${statusLook[s].label.toLowerCase()}` }]
        : [];
    }),
    ...alerts
      .filter((a) => a.severity === "critical")
      .map((a) => ({ key: `alert:${a.id}:critical`, text: `Critical alert in ${a.roomName}` })),
    ...holds.map((h) => ({
      key: `hold:${h.id}`,
      text: `Pick-up hold: ${childNames.get(h.childId) ?? "a child"} at the door`,
    })),
  ];
  const local = instantToZoned(asOf, center.timeZone);
  return (
    <div class="center-body" data-as-of={asOf.toISOString()}>
      <p
        class={`summary ${trouble ? "trouble" : summary.atLimit > 0 ? "limit" : "calm"}`}
        data-summary={`${summary.outOfRatio}/${summary.holds}/${summary.atLimit}`}
      >
        <span class="icon" aria-hidden="true">
          {trouble ? "✖" : summary.atLimit > 0 ? "▲" : "✓"}
        </span>{" "}
        <SummaryParts summary={summary} doorHref={doorHref} />
      </p>
      <p class="clock">
        Local time at center: {local.date} {local.time} ({center.timeZone})
      </p>
      <div class="rooms">
        {sorted.map((room) => (
          <RoomCard
            room={room}
            extras={{
              outlook: outlook.get(room.id),
              moves: moves.get(room.id) ?? [],
              alerts: alerts.filter((a) => a.roomId === room.id),
              names,
              timeZone: center.timeZone,
              ack,
              quickLogHref: quickLog?.(room.id),
              approvalsHref,
            }}
          />
        ))}
      </div>
      <Notices items={notices} />
    </div>
  );
}

export function registerBoard(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/", (c) => {
    const principal = c.get("principal");
    const centers = listCenters(ctx.db).filter((center) => canSeeCenter(principal, center.id));
    const app = visibleCenters(ctx.db, principal);
    const now = ctx.clock();
    return c.html(
      "<!doctype html>" +
        (
          <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Centerline — live room board</title>
              <style>{raw(boardStyles + boardClientStyles)}</style>
            </head>
            <body data-stream="/board/stream">
              <SignOutForm token={c.get("csrfToken")} name={principal.name} />
              <h1>Centerline · live room board</h1>
              <nav class="open-links" aria-label="Centerline app">
                {app.length > 0 ? (
                  <>
                    Open in the app (alerts, approvals, acknowledge):{" "}
                    {app.map((center, i) => (
                      <>
                        {i > 0 ? " · " : ""}
                        <a href={`/centers/${encodeURIComponent(center.id)}`}>{center.name}</a>
                      </>
                    ))}
                  </>
                ) : (
                  <a href="/sign-in">Sign in to the app</a>
                )}
              </nav>
              <p class="live">
                <span id="live">connecting…</span> <span id="live-updated" />
              </p>
              <main>
                {centers.length === 0 ? (
                  <p>No centers yet: the directory sync has not run.</p>
                ) : null}
                {centers.map((center) => (
                  <section class="center" id={`center-${center.id}`} data-center={center.id}>
                    <h2>
                      {center.name}{" "}
                      <small>
                        {center.jurisdiction} · {center.provider}
                      </small>
                    </h2>
                    <div
                      class="center-slot"
                      data-live="rooms"
                      data-live-url={`/board/centers/${encodeURIComponent(center.id)}`}
                      data-live-center={center.id}
                      data-live-every="10"
                    >
                      <CenterRooms db={ctx.db} center={center} asOf={now} />
                    </div>
                  </section>
                ))}
              </main>
              <script>{raw(liveScript)}</script>
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

  app.get("/board/stream", (c) => {
    const principal = c.get("principal");
    return liveStream(c, ctx.lifecycle, (send) => {
      const onChange = (change: { centerId: string }) => {
        if (canSeeCenter(principal, change.centerId))
          send("rooms", JSON.stringify({ centerId: change.centerId }));
      };
      ctx.events.on("rooms", onChange);
      ctx.events.on("alerts", onChange);
      return () => {
        ctx.events.off("rooms", onChange);
        ctx.events.off("alerts", onChange);
      };
    });
  });
}
