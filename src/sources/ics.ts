/** The iCalendar extractor: a thin wrapper around the core importer (RRULE, EXDATE, overrides, VTIMEZONE, UIDs). */
import { CalendarError } from "../core/events/errors.js";
import { parseComponents, property } from "../core/ical/components.js";
import { importCalendar } from "../core/ical/import.js";
import { decodeText } from "./decode.js";
import { type ExtractContext, type ExtractResult, type SourceExtractor, SourceFormatError } from "./types.js";

/**
 * Reads an .ics document; events keep their UID and exdates, `via` is "ical", and `url` is the VEVENT's URL
 * property (an override takes its master's). A malformed file (the core's CalendarError INVALID_ICALENDAR)
 * is rethrown as SourceFormatError with the core error as `cause`, so callers handle one error for every
 * corrupt document; other errors (a bad context zone) pass through unchanged.
 */
export const icsExtractor: SourceExtractor = {
  kind: "ics",
  async extract(body: Buffer, ctx: ExtractContext): Promise<ExtractResult> {
    const text = decodeText(body);
    try {
      const { events, warnings } = importCalendar(text, { defaultTimezone: ctx.timezone });
      const urls = eventUrls(text);
      return {
        events: events.map((event) => ({ ...event, via: "ical" as const, url: event.uid === undefined ? null : (urls.get(event.uid.split("#")[0]) ?? null) })),
        warnings,
      };
    } catch (error) {
      if (error instanceof CalendarError && error.code === "INVALID_ICALENDAR") {
        throw new SourceFormatError("ics", `malformed iCalendar: ${error.message}`, { cause: error });
      }
      throw error;
    }
  },
};

/** UID → URL of the VEVENTs that are not overrides (the importer does not keep URL). */
function eventUrls(text: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const vevent of parseComponents(text).flatMap((c) => c.components).filter((c) => c.name === "VEVENT")) {
    const uid = property(vevent, "UID")?.value.trim();
    const url = property(vevent, "URL")?.value.trim();
    if (uid && url && !property(vevent, "RECURRENCE-ID") && !urls.has(uid)) urls.set(uid, url);
  }
  return urls;
}
