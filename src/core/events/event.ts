/** The Event contract of DESIGN.md: what the parser returns and the store keeps. */

/** Where one component of an event came from in the source text. */
export interface ComponentDetail {
  /** The exact source text the component was read from. */
  text: string;
  /** Half-open character span `[start, end)` into the parsed text. */
  span: [number, number];
  /** 0..1: how sure the reading is (explicit text is high, guessed readings are low). */
  confidence: number;
}

export type ComponentName = "date" | "time" | "end" | "duration" | "recurrence" | "timezone" | "title" | "location";

export interface CalendarEvent {
  /** Present once stored (`evt_…`); the parser leaves it out. */
  id?: string;
  title: string;
  /** ISO 8601 with offset, or a plain `YYYY-MM-DD` date when `allDay`. */
  start: string;
  /** Same form as `start`; exclusive date for all-day events; `null` when the text gives no end. */
  end: string | null;
  allDay: boolean;
  /** IANA zone the wall-clock times (and any recurrence) are read in. */
  timezone: string;
  /** RFC 5545 RRULE without the `RRULE:` prefix, or `null`. */
  recurrence: string | null;
  location: string | null;
  /** 0..1 overall confidence: the weakest essential component, lowered by guesses. */
  confidence: number;
  components: Partial<Record<ComponentName, ComponentDetail>>;
  description?: string | null;
}
