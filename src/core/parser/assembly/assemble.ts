/** Turns the refined mentions of a text into events: one per group of parts that says when something happens. */
import type { CalendarEvent, ComponentDetail, ComponentName } from "../../events/event.js";
import { formatDate } from "../../time/civil.js";
import { formatInstant } from "../../time/zone.js";
import type { DateMention, Mention, ParsingContext } from "../types.js";
import { groupParts, type HeaderGroup, isAdjectival, mentionsOf, type Part, splitParts } from "./segment.js";
import { readTiming, type Timing } from "./timing.js";
import { readTitleLocation, type TitleLocation } from "./titleLocation.js";

function detail(ctx: ParsingContext, m: Mention | undefined, confidence?: number): ComponentDetail | undefined {
  if (!m) return undefined;
  return { text: ctx.text.slice(m.start, m.end), span: [m.start, m.end], confidence: round(confidence ?? m.confidence) };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Reads the title and location once the timing says which mentions were read. */
function readNames(ctx: ParsingContext, parts: Part[], groupMentions: Mention[], timing: Timing): TitleLocation {
  // Soft words used as adjectives ("Christmas market", "Midnight release party") stay in the title.
  const removed = groupMentions.filter((m) => (timing.used.has(m) && !isNamedDay(m)) || !isSoftWord(m) || !isAdjectival(ctx, m));
  // Plain loops over the read mentions (in the order they were noted): no copies of the set per event.
  let firstMention = Infinity;
  for (const m of timing.used) firstMention = Math.min(firstMention, m.start);
  let names = readTitleLocation(ctx, parts, removed, firstMention);
  // A frequency adjective that was read ("Weekly sync every Monday") stays when the title would otherwise be one word.
  let adjective: Mention | undefined;
  for (const m of timing.used) {
    if (m.kind === "recurrence" && m.adjectival && isAdjectival(ctx, m)) {
      adjective = m;
      break;
    }
  }
  if (adjective && names.title.split(/\s+/).filter(Boolean).length < 2) {
    names = readTitleLocation(ctx, parts, removed.filter((m) => m !== adjective), firstMention);
  }
  return names;
}

const DATE_LIST_JOINER = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\+\s*)$/i;

/**
 * "Sat 3/11 and Sat 3/18, 9-10:30am": several written dates joined by "and" or commas make one event each,
 * sharing the rest of the item. Otherwise the group is read once.
 */
function dateVariants(ctx: ParsingContext, mentions: Mention[]): Mention[][] {
  if (mentions.some((m) => m.kind === "recurrence")) return [mentions];
  const dates = mentions.filter((m): m is DateMention => m.kind === "date" && m.explicit && !m.soft && !m.endDate && !(m.lead && (ctx.locale.untilWords.has(m.lead) || ctx.locale.startingWords.has(m.lead))));
  if (dates.length < 2) return [mentions];
  for (let i = 1; i < dates.length; i++) if (!DATE_LIST_JOINER.test(ctx.text.slice(dates[i - 1].end, dates[i].start))) return [mentions];
  return dates.map((keep) => mentions.filter((m) => m === keep || !dates.includes(m as DateMention)));
}

/** The events of a text, in the order they are written. */
export function assemble(ctx: ParsingContext, mentions: Mention[]): CalendarEvent[] {
  const groups = groupParts(ctx, splitParts(ctx, mentions));
  const events: CalendarEvent[] = [];
  let previousDay;
  for (const parts of groups) {
    const groupMentions = mentionsOf(parts);
    const start = parts[0].start;
    const end = parts[parts.length - 1].end;
    const text = ctx.text.slice(start, end);
    for (const variant of dateVariants(ctx, groupMentions)) {
      const timing = readTiming(ctx, variant, text, previousDay);
      if (!timing) continue;
      if ((parts as HeaderGroup).header) {
        previousDay = timing.day ?? previousDay;
        continue;
      }
      previousDay = timing.day ?? previousDay;
      events.push(toEvent(ctx, timing, readNames(ctx, parts, groupMentions, timing)));
    }
  }
  return events;
}

/** A holiday name before a noun names the event too ("Easter brunch"): it stays in the title even when read. */
function isNamedDay(m: Mention): boolean {
  return m.kind === "date" && m.source === "HolidayExtractor";
}

function isSoftWord(m: Mention): boolean {
  return ("soft" in m && Boolean(m.soft)) || (m.kind === "recurrence" && Boolean(m.adjectival));
}

function toEvent(ctx: ParsingContext, timing: ReturnType<typeof readTiming> & object, names: ReturnType<typeof readTitleLocation>): CalendarEvent {
  // Each component set by name, in the order the JSON lists them (named stores: a store keyed by a variable
  // name is a megamorphic lookup on every event).
  const components: Partial<Record<ComponentName, ComponentDetail>> = {};
  const date = detail(ctx, timing.recurrenceMention ?? timing.dayMention);
  if (date) components.date = date;
  const time = detail(ctx, timing.timeMention, timing.timeMention && timing.confidence < timing.timeMention.confidence ? timing.confidence : undefined);
  if (time) components.time = time;
  const recurrence = detail(ctx, timing.recurrenceMention);
  if (recurrence) components.recurrence = recurrence;
  const duration = detail(ctx, timing.durationMention);
  if (duration) components.duration = duration;
  const timezone = detail(ctx, timing.zoneMention);
  if (timezone) components.timezone = timezone;
  const titleConfidence = names.title ? 0.9 : 0.2;
  if (names.titleSpan) components.title = { text: names.title, span: names.titleSpan, confidence: titleConfidence };
  if (names.locationSpan && names.location) components.location = { text: names.location, span: names.locationSpan, confidence: 0.8 };
  const confidence = round(Math.max(0.05, timing.confidence * (names.title ? 1 : 0.8)));
  const allDay = timing.allDay;
  const zone = timing.timezone ?? ctx.zone;
  return {
    title: names.title,
    start: allDay ? formatDate(timing.startDate!) : formatInstant(timing.startEpoch!, zone),
    end: allDay ? (timing.endDate ? formatDate(timing.endDate) : null) : timing.endEpoch != null ? formatInstant(timing.endEpoch, zone) : null,
    allDay,
    timezone: zone,
    recurrence: timing.recurrence,
    location: names.location,
    confidence,
    components,
  };
}
