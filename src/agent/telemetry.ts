/**
 * @module agent/telemetry
 * OpenTelemetry spans for agent runs, following the GenAI semantic conventions: one
 * `invoke_agent <job>` span per run, a `chat <model>` span per model call (model, tokens by
 * kind, finish reason) and an `execute_tool <name>` span per tool call, with the run's end reason.
 * Nothing personal goes into an attribute: no message text, no tool input or result, no names —
 * only the job, model, token counts, tool names and ids the API made up, and end reasons.
 *
 * Spans are exported over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; otherwise the
 * global tracer is used, which records nothing unless the process registered a provider.
 */
import {
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ATTR_ERROR_TYPE, ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import {
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
  GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
  GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
} from "@opentelemetry/semantic-conventions/incubating";
import type { Usage } from "./types.js";

const TRACER = "centerline-agent";
/** Not a GenAI attribute: why the run ended (`end_turn`, `incomplete`, `unknown_token`, ...). */
export const ATTR_END_REASON = "centerline.agent.end_reason";

const providers = new Map<string, BasicTracerProvider>();

/** The agent's tracer: an OTLP/HTTP exporter for `endpoint` if given, else the global tracer. */
export function agentTracer(endpoint: string | undefined): Tracer {
  if (!endpoint) return trace.getTracer(TRACER);
  let provider = providers.get(endpoint);
  if (!provider) {
    provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: "centerline" }),
      spanProcessors: [
        new BatchSpanProcessor(
          new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, "")}/v1/traces` }),
        ),
      ],
    });
    providers.set(endpoint, provider);
  }
  return provider.getTracer(TRACER);
}

/** Flushes and stops every exporter the agent started (at shutdown). */
export async function shutdownAgentTracing(): Promise<void> {
  await Promise.all([...providers.values()].map((p) => p.shutdown()));
  providers.clear();
}

const usageAttributes = (u: Usage) => ({
  [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: u.inputTokens,
  [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: u.outputTokens,
  [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: u.cacheReadInputTokens,
  [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: u.cacheCreationInputTokens,
});

export function startRunSpan(tracer: Tracer, job: string, model: string): Span {
  return tracer.startSpan(`${GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT} ${job}`, {
    kind: SpanKind.INTERNAL,
    attributes: {
      [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
      [ATTR_GEN_AI_PROVIDER_NAME]: GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
      [ATTR_GEN_AI_AGENT_NAME]: job,
      [ATTR_GEN_AI_REQUEST_MODEL]: model,
    },
  });
}

export function endRunSpan(span: Span, status: string, endReason: string, usage: Usage): void {
  span.setAttributes({ ...usageAttributes(usage), [ATTR_END_REASON]: endReason });
  if (status !== "completed") {
    span.setAttribute(ATTR_ERROR_TYPE, endReason);
    span.setStatus({ code: SpanStatusCode.ERROR, message: endReason });
  }
  span.end();
}

export function startChatSpan(tracer: Tracer, parent: Span, model: string, maxTokens: number) {
  return tracer.startSpan(
    `${GEN_AI_OPERATION_NAME_VALUE_CHAT} ${model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
        [ATTR_GEN_AI_PROVIDER_NAME]: GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
        [ATTR_GEN_AI_REQUEST_MODEL]: model,
        [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: maxTokens,
      },
    },
    trace.setSpan(ROOT_CONTEXT, parent),
  );
}

export function endChatSpan(
  span: Span,
  r: { id: string; model: string; stopReason: string | null; usage: Usage } | { error: string },
): void {
  if ("error" in r) {
    span.setAttribute(ATTR_ERROR_TYPE, r.error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: r.error });
  } else {
    span.setAttributes({
      [ATTR_GEN_AI_RESPONSE_ID]: r.id,
      [ATTR_GEN_AI_RESPONSE_MODEL]: r.model,
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [r.stopReason ?? "unknown"],
      ...usageAttributes(r.usage),
    });
  }
  span.end();
}

export function startToolSpan(tracer: Tracer, parent: Span, name: string, callId: string): Span {
  return tracer.startSpan(
    `${GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL} ${name}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
        [ATTR_GEN_AI_TOOL_NAME]: name,
        [ATTR_GEN_AI_TOOL_CALL_ID]: callId,
      },
    },
    trace.setSpan(ROOT_CONTEXT, parent),
  );
}

/** `error` is the refusal's code (`unknown_tool`, `off_target`, ...), never its message. */
export function endToolSpan(span: Span, error: string | null): void {
  if (error) {
    span.setAttribute(ATTR_ERROR_TYPE, error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error });
  }
  span.end();
}
