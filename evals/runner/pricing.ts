/**
 * @module evals/runner/pricing
 * List prices per model id, as data with their source and date, so a report's cost is an estimate
 * anyone can check and update. A model missing from the table is reported as unpriced, never as 0.
 */
import type { Cost, TokenUsage } from "./types.js";

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Prompt-cache hits. */
  cacheRead: number;
  /** 5-minute prompt-cache writes. */
  cacheWrite: number;
}

export interface PricingTable {
  source: string;
  asOf: string;
  prices: Record<string, ModelPrice>;
}

export const anthropicPricing: PricingTable = {
  source:
    "https://platform.claude.com/docs/en/about-claude/pricing (Model pricing table: base input, " +
    "5m cache writes, cache hits, output); claude-sonnet-5-5 (the default model) from " +
    "https://platform.claude.com/docs/en/models/sonnet-5-5/overview (Pricing: input $2, output " +
    "$10, 5m cache write $2.50, cache read $0.20 per MTok), read 2026-12-08",
  asOf: "2026-12-08",
  prices: {
    "claude-opus-4-5": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
    "claude-opus-4-6": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
    "claude-opus-4-7": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
    "claude-sonnet-4-5": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    "claude-sonnet-4-6": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    "claude-haiku-4-5": { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
    "claude-sonnet-5-5": { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
  },
};

/** A dated model id (`claude-sonnet-4-5-20250929`) is priced as its undated alias. */
function priceFor(table: PricingTable, model: string): ModelPrice | undefined {
  return table.prices[model] ?? table.prices[model.replace(/-\d{8}$/, "")];
}

export function estimateCost(usage: readonly TokenUsage[], table = anthropicPricing): Cost {
  let usd = 0;
  const unpriced = new Set<string>();
  for (const u of usage) {
    const p = priceFor(table, u.model);
    if (p === undefined) {
      unpriced.add(u.model);
      continue;
    }
    usd +=
      (u.inputTokens * p.input +
        u.outputTokens * p.output +
        u.cacheReadTokens * p.cacheRead +
        u.cacheWriteTokens * p.cacheWrite) /
      1_000_000;
  }
  return {
    usd: Math.round(usd * 1_000_000) / 1_000_000,
    estimate: true,
    pricingSource: table.source,
    pricingAsOf: table.asOf,
    unpricedModels: [...unpriced].sort(),
  };
}

/** Sums usage per model. */
export function sumUsage(usage: readonly TokenUsage[]): TokenUsage[] {
  const byModel = new Map<string, TokenUsage>();
  for (const u of usage) {
    const t = byModel.get(u.model) ?? {
      model: u.model,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    };
    t.inputTokens += u.inputTokens;
    t.outputTokens += u.outputTokens;
    t.cacheReadTokens += u.cacheReadTokens;
    t.cacheWriteTokens += u.cacheWriteTokens;
    byModel.set(u.model, t);
  }
  return [...byModel.values()].sort((a, b) => (a.model < b.model ? -1 : 1));
}
