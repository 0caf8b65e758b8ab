/**
 * The parser's entry point: text, reference instant and zone in, events out. Pure: "now" and the zone are
 * arguments, nothing is read from the clock or the environment. Invalid options throw a CalendarError;
 * text that holds no event gives an empty list.
 */
import type { CalendarEvent } from "../events/event.js";
import { CalendarError } from "../events/errors.js";
import { isValidZone, parseIsoInstant } from "../time/zone.js";
import { referenceWallClock } from "./assembly/timing.js";
import { configurationFor, localeFor, detectLocale } from "./locales/registry.js";
import type { ParseOptions, ParseResult } from "./options.js";
import { runPipeline } from "./pipeline.js";
import type { ParsingContext } from "./types.js";

/** Reads the reference option as epoch milliseconds, or throws INVALID_REFERENCE. */
export function readReference(reference: ParseOptions["reference"], zone: string): number {
  if (typeof reference === "number" && Number.isFinite(reference)) return reference;
  if (reference instanceof Date && !Number.isNaN(reference.getTime())) return reference.getTime();
  if (typeof reference === "string") {
    const epoch = parseIsoInstant(reference, zone);
    if (epoch !== null) return epoch;
  }
  throw new CalendarError("INVALID_REFERENCE", `reference is not an ISO 8601 date-time: ${JSON.stringify(reference)}`, "reference");
}

/** Checks the options; throws a CalendarError naming the bad field. */
export function validateOptions(text: unknown, options: ParseOptions): { zone: string; reference: number } {
  if (typeof text !== "string") throw new CalendarError("INVALID_TEXT", "text must be a string", "text");
  if (!options || typeof options.timezone !== "string" || !isValidZone(options.timezone)) {
    throw new CalendarError("INVALID_TIMEZONE", `timezone is not a known IANA zone: ${JSON.stringify(options?.timezone)}`, "timezone");
  }
  return { zone: options.timezone, reference: readReference(options.reference, options.timezone) };
}

/** Parses `text` into calendar events as seen at `options.reference` in `options.timezone`. */
export function parse(text: string, options: ParseOptions): ParseResult {
  const { zone, reference } = validateOptions(text, options);
  const localeCode = options.locale && options.locale !== "auto" ? options.locale : detectLocale(text);
  const locale = localeFor(localeCode);
  const { today, minutes } = referenceWallClock(reference, zone);
  const ctx: ParsingContext = { text, reference, today, nowMinutes: minutes, zone, locale, debug: options.debug, stopwatch: options.stopwatch };
  options.debug?.({ step: "locale", kind: "assembler", detail: `locale ${localeCode}${options.locale && options.locale !== "auto" ? " (given)" : " (detected)"}` });
  const events: CalendarEvent[] = text.trim().length === 0 ? [] : runPipeline(ctx, configurationFor(localeCode));
  let confidence = events.length === 0 ? 0 : Infinity;
  for (const e of events) confidence = Math.min(confidence, e.confidence);
  return { events, meta: { route: "rules", confidence } };
}
