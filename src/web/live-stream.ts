/**
 * @module web/live-stream
 * The server side of a live page: an SSE stream that sends what `subscribe` hands it, a heartbeat
 * the client uses to tell "quiet" from "gone", and an end when the service shuts down (an open
 * board must not keep a stopping process alive).
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Lifecycle } from "../http/lifecycle.js";

/** How often a quiet stream says it is still there; the client calls 10 s of silence stale. */
export const HEARTBEAT_MS = 4_000;

type Send = (event: string, data: string) => void;

/** `subscribe` starts listening and returns how to stop. */
export function liveStream(
  c: Context,
  lifecycle: Lifecycle,
  subscribe: (send: Send) => () => void,
): Response {
  return streamSSE(c, async (stream) => {
    const unsubscribe = subscribe((event, data) => void stream.writeSSE({ event, data }));
    let wake: (() => void) | undefined;
    const end = () => {
      void stream.close();
      wake?.();
    };
    lifecycle.once("stopping", end);
    try {
      if (lifecycle.state === "stopping") return;
      await stream.writeSSE({ event: "hello", data: "{}" });
      while (!stream.aborted && !stream.closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS).unref();
        });
        if (stream.closed || stream.aborted) break;
        await stream.writeSSE({ event: "ping", data: "{}" });
      }
    } finally {
      lifecycle.off("stopping", end);
      unsubscribe();
    }
  });
}
