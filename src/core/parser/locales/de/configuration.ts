/** The German parser: the same units as English, read with German vocabulary; English-only units left out. */
import { dayMonthExtractor } from "../../extractors/DayMonthExtractor.js";
import { frequencyWordExtractor } from "../../extractors/FrequencyWordExtractor.js";
import { holidayExtractor } from "../../extractors/HolidayExtractor.js";
import { isoDateExtractor } from "../../extractors/IsoDateExtractor.js";
import { numericDateExtractor } from "../../extractors/NumericDateExtractor.js";
import { recurrenceExtractor } from "../../extractors/RecurrenceExtractor.js";
import { relativeDayExtractor } from "../../extractors/RelativeDayExtractor.js";
import { timeExtractor } from "../../extractors/TimeExtractor.js";
import { timeRangeExtractor } from "../../extractors/TimeRangeExtractor.js";
import { timeZoneExtractor } from "../../extractors/TimeZoneExtractor.js";
import { weekdayExtractor } from "../../extractors/WeekdayExtractor.js";
import type { Configuration } from "../../pipeline.js";
import { annotateLeadRefiner } from "../../refiners/AnnotateLeadRefiner.js";
import { mergeDateRangeRefiner } from "../../refiners/MergeDateRangeRefiner.js";
import { mergeTimeRangeRefiner } from "../../refiners/MergeTimeRangeRefiner.js";
import { dropPastRefiner } from "../../refiners/DropPastRefiner.js";
import { removeOverlapsRefiner } from "../../refiners/RemoveOverlapsRefiner.js";
import { DE } from "./constants.js";

/** German frequency words ("täglich", "wöchentlich") in the shape the frequency extractor reads. */
const FREQUENCY_WORDS = {
  "täglich": { freq: "DAILY" as const },
  "wöchentlich": { freq: "WEEKLY" as const, open: true },
  "monatlich": { freq: "MONTHLY" as const, open: true },
  "jährlich": { freq: "YEARLY" as const, open: true },
};

export function germanConfiguration(): Configuration {
  return {
    extractors: [
      // Recurrences first, as in English: "jeden Mittwoch" beats "Mittwoch".
      recurrenceExtractor(DE),
      frequencyWordExtractor(DE, FREQUENCY_WORDS),
      isoDateExtractor(),
      dayMonthExtractor(DE),
      numericDateExtractor(DE, "dmy"),
      holidayExtractor(DE),
      relativeDayExtractor(DE),
      weekdayExtractor(DE),
      timeRangeExtractor(DE),
      timeExtractor(DE),
      timeZoneExtractor(DE),
    ],
    refiners: [removeOverlapsRefiner(), annotateLeadRefiner(), mergeDateRangeRefiner(), mergeTimeRangeRefiner(), dropPastRefiner()],
  };
}
