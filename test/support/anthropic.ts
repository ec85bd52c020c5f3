/**
 * @module test/support/anthropic
 * A scripted Anthropic Messages API for msw, speaking the real wire format: POST /v1/messages
 * answers a `message` object (id `msg_…`, content blocks `text` / `tool_use` with ids `toolu_…`,
 * `stop_reason`, `stop_sequence`, usage with the cache fields) or an error body
 * `{type: "error", error: {type, message}}` with its status, `request-id` and retry headers.
 * Every request body is captured, so a test can assert on exactly what the model was sent.
 *
 *   const model = scriptedAnthropic({ responses: [toolUseMessage(toolUse("read_x", {...})), textMessage("done")] });
 *   const server = setupServer(...model.handlers);
 *   ... model.requests[0].body.system ...
 */
import { randomBytes } from "node:crypto";
import { delay, HttpResponse, http, type RequestHandler } from "msw";

export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

export interface WireUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

export interface WireMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ContentBlock[];
  stop_reason: "end_turn" | "tool_use" | "max_tokens" | "stop_sequence" | "pause_turn" | "refusal";
  stop_sequence: string | null;
  usage: WireUsage;
}

export interface WireError {
  status: number;
  body: { type: "error"; error: { type: string; message: string }; request_id: string };
  headers: Record<string, string>;
}

export type ScriptedReply =
  | { kind: "message"; message: WireMessage; delayMs?: number }
  | { kind: "error"; error: WireError };

export interface CapturedRequest {
  /** The parsed JSON body. */
  body: {
    model: string;
    max_tokens: number;
    system?: { type: "text"; text: string; cache_control?: { type: string } }[] | string;
    tools?: {
      name: string;
      description: string;
      input_schema: Record<string, unknown>;
      cache_control?: { type: string };
    }[];
    messages: { role: "user" | "assistant"; content: unknown }[];
  };
  /** The body exactly as sent. */
  raw: string;
  headers: Record<string, string>;
}

/** One scripted answer: a reply, or a function of the request (may wait, e.g. on a gate). */
export type Scripted =
  | ScriptedReply
  | ((request: CapturedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);

const id = (prefix: string) => `${prefix}_01${randomBytes(16).toString("base64url").slice(0, 22)}`;

/** Usage with every field the API sends; unspecified numbers are small defaults. */
export function usage(over: Partial<WireUsage> = {}): WireUsage {
  return {
    input_tokens: 120,
    output_tokens: 40,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    ...over,
  };
}

export function text(value: string): ContentBlock {
  return { type: "text", text: value };
}

/** A `tool_use` content block with a fresh `toolu_…` id. */
export function toolUse(
  name: string,
  input: Record<string, unknown>,
  toolUseId = id("toolu"),
): ContentBlock {
  return { type: "tool_use", id: toolUseId, name, input };
}

/**
 * An assistant message. `stop_reason` defaults to `tool_use` when a block calls a tool, else
 * `end_turn`.
 */
export function message(
  content: ContentBlock[],
  options: {
    stopReason?: WireMessage["stop_reason"];
    usage?: Partial<WireUsage>;
    model?: string;
    delayMs?: number;
  } = {},
): ScriptedReply {
  return {
    kind: "message",
    delayMs: options.delayMs,
    message: {
      id: id("msg"),
      type: "message",
      role: "assistant",
      model: options.model ?? "claude-test-model",
      content,
      stop_reason:
        options.stopReason ??
        (content.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn"),
      stop_sequence: null,
      usage: usage(options.usage),
    },
  };
}

/** `end_turn` with one text block. */
export function textMessage(
  value: string,
  options: Parameters<typeof message>[1] = {},
): ScriptedReply {
  return message([text(value)], options);
}

/** A turn that calls the given tools (several blocks = parallel tool calls); `message` for options. */
export function toolUseMessage(...blocks: ContentBlock[]): ScriptedReply {
  return message(blocks);
}

function apiError(
  status: number,
  type: string,
  messageText: string,
  headers: Record<string, string> = {},
): ScriptedReply {
  return {
    kind: "error",
    error: {
      status,
      body: { type: "error", error: { type, message: messageText }, request_id: id("req") },
      headers,
    },
  };
}

const retryHeaders = (retryAfterMs: number) => ({
  "retry-after-ms": String(retryAfterMs),
  "retry-after": String(Math.ceil(retryAfterMs / 1000)),
});

/**
 * 529 `overloaded_error`. `retryAfterMs` (default 1) keeps the SDK's retry near-immediate; the
 * SDK ignores a wait of 0 and falls back to its own 0.5 s+ backoff.
 */
export function overloaded(options: { retryAfterMs?: number } = {}): ScriptedReply {
  return apiError(529, "overloaded_error", "Overloaded", retryHeaders(options.retryAfterMs ?? 1));
}

/** 429 `rate_limit_error` with retry headers (default wait 1 ms, as for `overloaded`). */
export function rateLimited(options: { retryAfterMs?: number } = {}): ScriptedReply {
  return apiError(
    429,
    "rate_limit_error",
    "Number of request tokens has exceeded your per-minute rate limit",
    { ...retryHeaders(options.retryAfterMs ?? 1), "anthropic-ratelimit-tokens-remaining": "0" },
  );
}

/** A non-retryable 400 `invalid_request_error`. */
export function invalidRequest(messageText: string): ScriptedReply {
  return apiError(400, "invalid_request_error", messageText);
}

/**
 * Works around an msw bug (msw 2.15 / @mswjs/interceptors 0.41.9, mswjs/interceptors#799):
 * cancelling the body of a mocked response never resolves, and the Anthropic SDK cancels an error
 * body before each retry, so a scripted 429/529 would hang the run until the test times out. This
 * re-makes every non-2xx response as a plain `Response` with the same status, headers and body.
 * Call it after `server.listen()` and before the SDK client is built (the client takes
 * `globalThis.fetch` when constructed); call what it returns before `server.close()`.
 */
export function settleErrorBodies(): () => void {
  const mocked = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await mocked(input, init);
    return response.ok ? response : new Response(await response.arrayBuffer(), response);
  };
  return () => {
    globalThis.fetch = mocked;
  };
}

/**
 * msw handlers for POST `${baseUrl}/v1/messages` answering `responses` in order (or
 * `responses(request, index)` when it is a function). Past the end of the list the handler
 * answers a 400 naming the call, so an unexpected extra call fails the test loudly.
 */
export function scriptedAnthropic(options: {
  responses:
    | Scripted[]
    | ((request: CapturedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);
  baseUrl?: string;
}): { handlers: RequestHandler[]; requests: CapturedRequest[] } {
  const base = (options.baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, "");
  const requests: CapturedRequest[] = [];
  const handler = http.post(`${base}/v1/messages`, async ({ request }) => {
    const raw = await request.text();
    const captured: CapturedRequest = {
      body: JSON.parse(raw) as CapturedRequest["body"],
      raw,
      headers: Object.fromEntries(request.headers.entries()),
    };
    const index = requests.length;
    requests.push(captured);
    const script = options.responses;
    const entry =
      typeof script === "function"
        ? script
        : (script[index] ??
          invalidRequest(`scriptedAnthropic: no response scripted for call ${index + 1}`));
    const reply = typeof entry === "function" ? await entry(captured, index) : entry;
    const requestId = id("req");
    if (reply.kind === "error") {
      return HttpResponse.json(
        { ...reply.error.body, request_id: requestId },
        {
          status: reply.error.status,
          headers: { "request-id": requestId, ...reply.error.headers },
        },
      );
    }
    if (reply.delayMs) await delay(reply.delayMs);
    return HttpResponse.json(reply.message, { headers: { "request-id": requestId } });
  });
  return { handlers: [handler], requests };
}
