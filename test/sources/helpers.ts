/** Shared pieces of the source extractor tests: fixtures, contexts with an explicit reference and zone. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractContext, ExtractedEvent } from "../../src/sources/types.js";

const FIXTURES = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");

/** The bytes of `fixtures/<name>`. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Monday 23 November 2026, 10:00 in New York (-05:00). */
export const NY: ExtractContext = { reference: "2026-11-23T10:00:00-05:00", timezone: "America/New_York" };

/** The same moment with the page's address, for resolving relative links. */
export const NY_PAGE = (baseUrl: string): ExtractContext => ({ ...NY, baseUrl });

/** The fields the tests compare, without components, confidence and provenance details. */
export function timing(event: ExtractedEvent | undefined): Pick<ExtractedEvent, "title" | "start" | "end" | "allDay" | "timezone" | "recurrence" | "location"> {
  if (!event) throw new Error("expected an event, got none");
  const { title, start, end, allDay, timezone, recurrence, location } = event;
  return { title, start, end, allDay, timezone, recurrence, location };
}

/** The event titled `title`; fails the test when there is none. */
export function titled(events: readonly ExtractedEvent[], title: string): ExtractedEvent {
  const found = events.find((e) => e.title === title);
  if (!found) throw new Error(`no event titled ${JSON.stringify(title)} among ${JSON.stringify(events.map((e) => e.title))}`);
  return found;
}
