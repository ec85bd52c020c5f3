/**
 * @module test/support/fake-providers
 * Twilio's Messages API and a Slack incoming webhook as real HTTP servers on loopback, for tests
 * that need a provider a real process talks to (a child killed mid-send, a restart). Each can be
 * told how to answer: normally, with an error status, after a delay, or by taking the message
 * and never answering (what a crash right after the provider accepted looks like).
 *
 * The fake Twilio keeps every message it took and serves the Messages list
 * (`GET /2010-04-01/Accounts/{Sid}/Messages.json`) filtered by `To`, `From` and `DateSent`
 * (`DateSent`, `DateSent>` and `DateSent<` with a `YYYY-MM-DD` GMT date), newest first, paged
 * with `PageSize`/`Page` and `next_page_uri`, as the real API does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer =
  | { kind: "ok"; delayMs?: number }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "hang" }
  /** Records the message, then never answers. */
  | { kind: "accept-then-hang" };

export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  date_created: string;
  date_sent: string | null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server, hanging: Set<ServerResponse>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

export interface FakeTwilio {
  url: string;
  messages: FakeMessage[];
  /** Every request, as `METHOD path?query`. */
  requests: string[];
  answer: Answer;
  /** Resolves with the next message the fake takes. */
  nextMessage(): Promise<FakeMessage>;
  close(): Promise<void>;
}

export async function startFakeTwilio(
  options: { now?: () => Date; answer?: Answer } = {},
): Promise<FakeTwilio> {
  const now = options.now ?? (() => new Date());
  const messages: FakeMessage[] = [];
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  let waiters: ((m: FakeMessage) => void)[] = [];
  const fake = { answer: options.answer ?? ({ kind: "ok" } as Answer) };

  const list = (res: ServerResponse, path: string, query: URLSearchParams) => {
    const day = (m: FakeMessage) => m.date_sent?.slice(0, 10) ?? null;
    const on = query.get("DateSent");
    const after = query.get("DateSent>");
    const before = query.get("DateSent<");
    const matching = messages
      .filter((m) => !query.get("To") || m.to === query.get("To"))
      .filter((m) => !query.get("From") || m.from === query.get("From"))
      // A message without date_sent (still queued) matches no DateSent filter, as at Twilio.
      .filter((m) => !on || day(m) === on)
      .filter((m) => !after || (day(m) !== null && (day(m) as string) >= after))
      .filter((m) => !before || (day(m) !== null && (day(m) as string) <= before))
      .reverse();
    const size = Math.min(Number(query.get("PageSize") ?? 50) || 50, 1000);
    const page = Number(query.get("Page") ?? 0) || 0;
    const slice = matching.slice(page * size, (page + 1) * size);
    const nextQuery = new URLSearchParams(query);
    nextQuery.set("Page", String(page + 1));
    json(res, 200, {
      messages: slice,
      page,
      page_size: size,
      uri: `${path}?${query}`,
      next_page_uri: (page + 1) * size < matching.length ? `${path}?${nextQuery}` : null,
    });
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (!/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(url.pathname)) {
      return json(res, 404, { code: 20404, message: "not found", status: 404 });
    }
    if (req.method === "GET") return list(res, url.pathname, url.searchParams);
    const form = new URLSearchParams(await readBody(req));
    const answer = fake.answer;
    if (answer.kind === "hang") {
      hanging.add(res);
      return;
    }
    if (answer.kind === "status") {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (answer.retryAfter) headers["retry-after"] = answer.retryAfter;
      res.writeHead(answer.status, headers);
      res.end(JSON.stringify({ code: 20429, message: "Too Many Requests", status: answer.status }));
      return;
    }
    const at = now().toISOString();
    const message: FakeMessage = {
      sid: `SM${String(messages.length + 1).padStart(32, "0")}`,
      to: form.get("To") ?? "",
      from: form.get("From") ?? "",
      body: form.get("Body") ?? "",
      status: "sent",
      date_created: at,
      date_sent: at,
    };
    messages.push(message);
    const ready = waiters;
    waiters = [];
    for (const w of ready) w(message);
    if (answer.kind === "accept-then-hang") {
      hanging.add(res);
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    json(res, 201, { ...message, status: "queued" });
  });
  const url = await listen(server);
  return Object.assign(fake, {
    url,
    messages,
    requests,
    nextMessage: () => new Promise<FakeMessage>((resolve) => waiters.push(resolve)),
    close: closer(server, hanging),
  });
}

export interface FakeSlack {
  url: string;
  posts: { text: string; body: unknown }[];
  answer: Answer;
  close(): Promise<void>;
}

/** A Slack incoming webhook at `${url}/services/T0/B0/fake`. */
export async function startFakeSlack(options: { answer?: Answer } = {}): Promise<FakeSlack> {
  const posts: { text: string; body: unknown }[] = [];
  const hanging = new Set<ServerResponse>();
  const fake = { answer: options.answer ?? ({ kind: "ok" } as Answer) };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const answer = fake.answer;
    if (answer.kind === "hang") {
      hanging.add(res);
      return;
    }
    if (answer.kind === "status") {
      res.writeHead(answer.status, { "content-type": "text/plain" });
      res.end("server_error");
      return;
    }
    const body = JSON.parse(raw) as { text?: string };
    posts.push({ text: body.text ?? "", body });
    if (answer.kind === "accept-then-hang") {
      hanging.add(res);
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
  const base = await listen(server);
  return Object.assign(fake, {
    url: `${base}/services/T0/B0/fake`,
    posts,
    close: closer(server, hanging),
  });
}
