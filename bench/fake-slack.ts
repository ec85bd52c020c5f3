/**
 * @module bench/fake-slack
 * A Slack incoming webhook on loopback: answers every POST `200 ok` at once and notes when it
 * arrived, which alert notice it carried (the message's context line reads
 * `Centerline alert #<id> • <event>`) and the center and room it names (its `*Center*` and
 * `*Room*` fields), so the benchmark can match each breach to its first channel send.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface SlackReceipt {
  /** `performance.now()` when the request body had arrived. */
  at: number;
  alertId: number | null;
  /** `opened`, `upgraded`, `escalated`, `resolved`; null when the body did not say. */
  event: string | null;
  /** The center's and the room's names as the message shows them (unescaped); null if absent. */
  center: string | null;
  room: string | null;
}

export interface FakeSlack {
  url: string;
  receipts: SlackReceipt[];
  close(): Promise<void>;
}

const CONTEXT = /Centerline alert #(\d+) • (\w+)/;

/** The alert id and event of a Slack message, wherever its blocks put the context line. */
export function noticeOf(body: string): { alertId: number | null; event: string | null } {
  const match = CONTEXT.exec(body);
  return match
    ? { alertId: Number(match[1]), event: match[2] ?? null }
    : { alertId: null, event: null };
}

const unescapeMrkdwn = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The value of a Block Kit field `*<label>*\n<value>` anywhere in the message. */
function field(body: string, label: string): string | null {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return null;
  }
  const blocks = (message as { blocks?: { fields?: { text?: unknown }[] }[] }).blocks ?? [];
  for (const block of blocks) {
    for (const f of block.fields ?? []) {
      const prefix = `*${label}*\n`;
      if (typeof f.text === "string" && f.text.startsWith(prefix)) {
        return unescapeMrkdwn(f.text.slice(prefix.length));
      }
    }
  }
  return null;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const receipts: SlackReceipt[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString("utf8");
      receipts.push({
        at,
        ...noticeOf(body),
        center: field(body, "Center"),
        room: field(body, "Room"),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/bench`,
    receipts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
