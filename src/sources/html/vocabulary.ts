/** Vocabularies of the structured-data extractors: schema.org event types, weekday names, frequency words. */

/** schema.org `Event` and its subtypes (https://schema.org/Event, "More specific Types"). */
export const EVENT_TYPES: ReadonlySet<string> = new Set([
  "Event",
  "BusinessEvent",
  "ChildrensEvent",
  "ComedyEvent",
  "CourseInstance",
  "DanceEvent",
  "DeliveryEvent",
  "EducationEvent",
  "EventSeries",
  "ExhibitionEvent",
  "Festival",
  "FoodEvent",
  "Hackathon",
  "LiteraryEvent",
  "MusicEvent",
  "PublicationEvent",
  "BroadcastEvent",
  "OnDemandEvent",
  "SaleEvent",
  "ScreeningEvent",
  "SocialEvent",
  "SportsEvent",
  "TheaterEvent",
  "VisualArtsEvent",
]);

/**
 * True when a type reference names an event type: `MusicEvent`, `schema:MusicEvent`,
 * `https://schema.org/MusicEvent`, `http://schema.org/Event`.
 */
export function isEventType(type: string): boolean {
  return EVENT_TYPES.has(localName(type));
}

/** The last segment of a schema.org reference: `https://schema.org/Tuesday` → `Tuesday`, `schema:Place` → `Place`. */
export function localName(reference: string): string {
  return reference.trim().replace(/^.*[/#:]/, "");
}

/** Weekday names (full and short) → 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, sun: 0, su: 0,
  monday: 1, mon: 1, mo: 1,
  tuesday: 2, tue: 2, tues: 2, tu: 2,
  wednesday: 3, wed: 3, we: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, th: 4,
  friday: 5, fri: 5, fr: 5,
  saturday: 6, sat: 6, sa: 6,
};

/** Plain-word repeat frequencies some pages write instead of an ISO 8601 duration. */
export const FREQUENCY_WORDS: Readonly<Record<string, { freq: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY"; interval: number }>> = {
  daily: { freq: "DAILY", interval: 1 },
  weekly: { freq: "WEEKLY", interval: 1 },
  biweekly: { freq: "WEEKLY", interval: 2 },
  fortnightly: { freq: "WEEKLY", interval: 2 },
  monthly: { freq: "MONTHLY", interval: 1 },
  yearly: { freq: "YEARLY", interval: 1 },
  annually: { freq: "YEARLY", interval: 1 },
};
