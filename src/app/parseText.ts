/**
 * The parse use case: validates the request, answers from the cache when it can, runs the rules parser
 * otherwise, and reports what it did (route, duration, confidence) to an injected observer.
 */
import type { CalendarEvent } from "../core/events/event.js";
import { CalendarError } from "../core/events/errors.js";
import { parse, validateOptions } from "../core/parser/parse.js";
import type { ParseResult, ParseTraceStep } from "../core/parser/options.js";
import type { Cache } from "../ports/cache.js";
import type { Clock } from "../ports/clock.js";

export interface ParseRequest {
  text: unknown;
  reference?: unknown;
  timezone?: unknown;
  locale?: unknown;
}

export interface ParseTextDeps {
  cache: Cache<ParseResult>;
  clock: Clock;
  /** A monotonic clock in ms, for durations. */
  stopwatch: () => number;
  maxInputLength: number;
  defaultTimezone: string;
  /** Told about every parse (for metrics and the decision log). */
  observe?: (outcome: ParseOutcome) => void;
}

export interface ParseOutcome {
  text: string;
  route: ParseResult["meta"]["route"];
  durationMs: number;
  confidence: number;
  events: CalendarEvent[];
}

/** Checks the request fields and names the first bad one. */
function readRequest(request: ParseRequest, deps: ParseTextDeps): { text: string; reference: string | number; timezone: string; locale?: string } {
  const { text, reference, timezone, locale } = request;
  if (typeof text !== "string" || text.trim() === "") throw new CalendarError("INVALID_TEXT", "text must be a non-empty string", "text");
  if (text.length > deps.maxInputLength) throw new CalendarError("TEXT_TOO_LONG", `text is ${text.length} characters; the maximum is ${deps.maxInputLength}`, "text");
  if (reference !== undefined && typeof reference !== "string") throw new CalendarError("INVALID_REFERENCE", "reference must be an ISO 8601 date-time string", "reference");
  if (timezone !== undefined && typeof timezone !== "string") throw new CalendarError("INVALID_TIMEZONE", "timezone must be an IANA zone name", "timezone");
  if (locale !== undefined && typeof locale !== "string") throw new CalendarError("INVALID_TEXT", "locale must be a string", "locale");
  // Without a reference, "now" is taken to the minute so that repeated texts within a minute share a cache entry.
  const now = Math.floor(deps.clock.now() / 60_000) * 60_000;
  const input = { text, reference: reference ?? now, timezone: timezone ?? deps.defaultTimezone, locale: locale as string | undefined };
  // Checked before the cache is asked, so a refused request is not counted as a miss.
  validateOptions(input.text, { reference: input.reference, timezone: input.timezone });
  return input;
}

/** The cache key: normalised text, reference, zone and locale. */
export function cacheKey(text: string, reference: string | number, timezone: string, locale = ""): string {
  return JSON.stringify([text.trim().replace(/\s+/g, " "), String(reference), timezone, locale]);
}

/** Parses a request; throws CalendarError for bad input (nothing is stored either way). */
export function parseText(request: ParseRequest, deps: ParseTextDeps): ParseResult {
  const began = deps.stopwatch();
  const input = readRequest(request, deps);
  const key = cacheKey(input.text, input.reference, input.timezone, input.locale);
  const cached = deps.cache.get(key);
  let result: ParseResult;
  if (cached) {
    result = { events: cached.events, meta: { ...cached.meta, route: "cache" } };
  } else {
    result = parse(input.text, { reference: input.reference, timezone: input.timezone, locale: input.locale });
    deps.cache.set(key, result);
  }
  const durationMs = Math.round((deps.stopwatch() - began) * 1000) / 1000;
  const answer: ParseResult = { events: result.events, meta: { ...result.meta, durationMs } };
  deps.observe?.({ text: input.text, route: answer.meta.route, durationMs, confidence: answer.meta.confidence, events: answer.events });
  return answer;
}

export interface ExplainedParse extends ParseResult {
  trace: ParseTraceStep[];
}

/** The same parse, never from the cache, with the trace of every pipeline step and its duration. */
export function explainParse(request: ParseRequest, deps: ParseTextDeps): ExplainedParse {
  const began = deps.stopwatch();
  const input = readRequest(request, deps);
  const trace: ParseTraceStep[] = [];
  const result = parse(input.text, { reference: input.reference, timezone: input.timezone, locale: input.locale, debug: (step) => trace.push(step), stopwatch: deps.stopwatch });
  const durationMs = Math.round((deps.stopwatch() - began) * 1000) / 1000;
  deps.observe?.({ text: input.text, route: "rules", durationMs, confidence: result.meta.confidence, events: result.events });
  return { events: result.events, meta: { ...result.meta, durationMs }, trace };
}
