/**
 * What the structured-data extractors (JSON-LD, microdata, h-event) read from a page, as raw strings, and
 * how such a draft becomes an event: dates read as schema.org writes them, entities decoded, the title
 * collapsed, links resolved by the extractor.
 */
import { type CivilDate, addDays, compareDates, formatDate } from "../../core/time/civil.js";
import { parse } from "../../core/parser/parse.js";
import { parseDuration } from "../../core/ical/values.js";
import { formatInstant } from "../../core/time/zone.js";
import type { ExtractContext, ExtractedEvent, ExtractionVia } from "../types.js";
import { collapse } from "./dom.js";
import { scheduleTiming, type ScheduleDraft } from "./schedule.js";
import { type SchemaMoment, addDuration, dateOf, epochOf, readSchemaDate, zoneFor } from "./schemaDate.js";

/** One event as a page describes it; every value is text as found (null when absent). */
export interface EventDraft {
  /** Names the item in warnings, e.g. `JSON-LD item 2`. */
  label: string;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
  /** ISO 8601 duration (`PT2H`), used when there is no end. */
  duration: string | null;
  location: string | null;
  description: string | null;
  /** Already absolute when the page's base was known. */
  url: string | null;
  /** A schema.org Schedule: the event repeats. */
  schedule: ScheduleDraft | null;
}

/**
 * The event of a draft, or null (after a warning) when it has no name or no recognisable start. A date
 * that is not ISO 8601 ("Dec 10, 2026 7pm") is read with the parser. A date-only `endDate` is inclusive
 * (schema.org) and becomes the exclusive end date of the Event contract. Structured data is explicit:
 * confidence 1, no components.
 */
export function buildEvent(draft: EventDraft, via: ExtractionVia, ctx: ExtractContext, warn: (message: string) => void): ExtractedEvent | null {
  const title = collapse(draft.title ?? "");
  if (title === "") {
    warn(`${draft.label}: the event has no name and was skipped`);
    return null;
  }
  const name = `${draft.label} ${JSON.stringify(title)}`;
  const start = draft.startDate ? readMoment(draft.startDate, ctx) : null;
  const end = draft.endDate ? readMoment(draft.endDate, ctx) : null;
  const common = {
    title,
    location: nonEmpty(draft.location),
    description: nonEmpty(draft.description),
    confidence: 1,
    components: {},
    via,
    url: draft.url,
  };
  if (draft.schedule) {
    const timing = scheduleTiming(draft.schedule, { start, end, duration: draft.duration }, ctx, (m) => warn(`${name}: ${m}`));
    if (typeof timing !== "string") {
      const { exdates, ...rest } = timing;
      return { ...common, ...rest, ...(exdates.length > 0 ? { exdates } : {}) };
    }
    if (!start) {
      warn(`${name}: ${timing}; skipped`);
      return null;
    }
    warn(`${name}: ${timing}; read as a single event`);
  }
  if (!start) {
    warn(`${name}: no recognisable startDate${draft.startDate ? ` (${JSON.stringify(draft.startDate)})` : ""}; skipped`);
    return null;
  }
  const zone = zoneFor(start, ctx.timezone);
  const timing = start.kind === "date" ? allDayTiming(start.date, end, draft.duration, zone, (m) => warn(`${name}: ${m}`)) : timedTiming(start, end, draft.duration, zone, (m) => warn(`${name}: ${m}`));
  return { ...common, ...timing, timezone: zone, recurrence: null };
}

/** ISO 8601 first, then the parser for human-written dates; null when neither finds a date. */
export function readMoment(value: string, ctx: ExtractContext): SchemaMoment | null {
  const iso = readSchemaDate(value);
  if (iso) return iso;
  const [event] = parse(collapse(value), { reference: ctx.reference, timezone: ctx.timezone }).events;
  return event && (event.components.date || event.components.time) ? readSchemaDate(event.start) : null;
}

function allDayTiming(date: CivilDate, end: SchemaMoment | null, duration: string | null, zone: string, warn: (m: string) => void) {
  let endDate: string | null = null;
  if (end) {
    const last = dateOf(end, zone);
    if (compareDates(last, date) >= 0) endDate = formatDate(addDays(last, 1));
    else warn("endDate is before startDate; the end is dropped");
  } else if (duration) {
    const days = parseDuration(duration)?.days ?? 0;
    if (days > 0) endDate = formatDate(addDays(date, days));
  }
  return { start: formatDate(date), end: endDate, allDay: true };
}

function timedTiming(start: SchemaMoment, end: SchemaMoment | null, duration: string | null, zone: string, warn: (m: string) => void) {
  const startEpoch = epochOf(start, zone) as number;
  let endEpoch: number | null = null;
  if (end && end.kind === "date") warn("endDate is a date while startDate has a time; the end is dropped");
  else if (end) {
    endEpoch = epochOf(end, zone);
    if (endEpoch !== null && endEpoch < startEpoch) {
      warn("endDate is before startDate; the end is dropped");
      endEpoch = null;
    }
  } else if (duration) endEpoch = addDuration(startEpoch, duration, zone);
  return { start: formatInstant(startEpoch, zone), end: endEpoch === null || endEpoch === startEpoch ? null : formatInstant(endEpoch, zone), allDay: false };
}

/** Place parts ("name", "street", "locality") joined with ", ", empty parts and parts already contained in an earlier one left out. */
export function joinPlaceParts(parts: ReadonlyArray<string | null>): string | null {
  const kept: string[] = [];
  for (const part of parts) {
    const value = collapse(part ?? "");
    if (value !== "" && !kept.some((k) => k.toLowerCase().includes(value.toLowerCase()))) kept.push(value);
  }
  return kept.length === 0 ? null : kept.join(", ");
}

function nonEmpty(text: string | null): string | null {
  const value = collapse(text ?? "");
  return value === "" ? null : value;
}
