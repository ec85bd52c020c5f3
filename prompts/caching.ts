/**
 * @module prompts/caching
 * How long a job's cached prefix (tool definitions, then the system text, which ends in the
 * first `cache_control` breakpoint) must be for the API to cache it at all.
 *
 * Source: Anthropic, "Prompt caching" — https://platform.claude.com/docs/en/build-with-claude/prompt-caching
 * ("Cache limitations": a minimum cacheable prompt length per model; a shorter prefix is
 * processed without caching even when marked, and the request succeeds without any error).
 * The table there gives 1,024 tokens for the Sonnet line up to Claude Sonnet 5, 2,048 or 4,096 for
 * others; the copy we could read (2026-12-08) did not yet list DEFAULT_MODEL (claude-sonnet-5-5).
 * We require 2,048: twice the Sonnet figure, and the length at which caching was observed to take
 * effect on a Sonnet model documented at 1,024 (anthropics/anthropic-sdk-python#1194). Re-check the
 * table when DEFAULT_MODEL changes.
 *
 * Tokens are estimated from characters: the real counts reported for these prefixes (816–1,150
 * tokens for 3,544–4,597 characters of tools and system JSON) give 4.0–4.35 characters per
 * token, so dividing by 4.5 under-estimates, and an estimate above the minimum is safely above it.
 */
export const MIN_CACHEABLE_TOKENS = 2048;
export const CHARS_PER_TOKEN_UPPER = 4.5;

export const estimateTokens = (chars: number): number => Math.floor(chars / CHARS_PER_TOKEN_UPPER);
