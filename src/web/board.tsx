/**
 * @module web/board
 * The live room board: server-rendered with hono/jsx, then kept current by swapping in a fresh
 * server-rendered fragment whenever the SSE stream says a center's rooms changed (with a slow poll
 * as a fallback when the stream drops).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { raw } from "hono/html";
import { streamSSE } from "hono/streaming";
import type { Center, RoomState } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { roomStates } from "../live/index.js";
import { getCenter, listCenters } from "../storage/directory.js";
import { boardScript, boardStyles } from "./assets.js";

function RoomCard({ room }: { room: RoomState }) {
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
      <p class="status pending">Ratio status: arrives with the ratio core</p>
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

function CenterRooms({ center, rooms, asOf }: { center: Center; rooms: RoomState[]; asOf: Date }) {
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
                    <CenterRooms center={center} rooms={roomStates(ctx.db, center.id)} asOf={now} />
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
      <CenterRooms center={center} rooms={roomStates(ctx.db, center.id)} asOf={ctx.clock()} />,
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
