/**
 * @module web/board
 * The live room board: server-rendered with hono/jsx, then kept current by swapping in a fresh
 * server-rendered fragment whenever the SSE stream says a center's rooms changed (with a slow poll
 * as a fallback when the stream drops).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { raw } from "hono/html";
import { streamSSE } from "hono/streaming";
import { type RoomWithRatio, roomsWithRatio } from "../compliance/index.js";
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { getCenter, listCenters } from "../storage/directory.js";
import { boardScript, boardStyles } from "./assets.js";

function RoomCard({ room }: { room: RoomWithRatio }) {
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

function CenterRooms({
  center,
  rooms,
  asOf,
}: {
  center: Center;
  rooms: RoomWithRatio[];
  asOf: Date;
}) {
  const local = instantToZoned(asOf, center.timeZone);
  return (
    <div class="center-body">
      <p class="clock">
        Local time at center: {local.date} {local.time} ({center.timeZone})
      </p>
      <div class="rooms">
        {rooms.map((room) => (
          <RoomCard room={room} />
        ))}
      </div>
    </div>
  );
}

export function registerBoard(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.get("/", (c) => {
    const centers = listCenters(ctx.db);
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
                    <CenterRooms
                      center={center}
                      rooms={roomsWithRatio(ctx.db, center.id)}
                      asOf={now}
                    />
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
    const center = getCenter(ctx.db, c.req.param("center"));
    if (!center) throw new AppError("not_found", `unknown center "${c.req.param("center")}"`);
    return c.html(
      <CenterRooms center={center} rooms={roomsWithRatio(ctx.db, center.id)} asOf={ctx.clock()} />,
    );
  });

  app.get("/board/stream", (c) =>
    streamSSE(c, async (stream) => {
      const onRooms = (change: { centerId: string }) => {
        void stream.writeSSE({
          event: "rooms",
          data: JSON.stringify({ centerId: change.centerId }),
        });
      };
      ctx.events.on("rooms", onRooms);
      stream.onAbort(() => {
        ctx.events.off("rooms", onRooms);
      });
      await stream.writeSSE({ event: "hello", data: "{}" });
      while (!stream.aborted) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: "ping", data: "{}" });
      }
    }),
  );
}
