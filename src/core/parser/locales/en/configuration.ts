/** The English parser: which extractors and refiners run, in order. */
import { dateRangeExtractor } from "../../extractors/DateRangeExtractor.js";
import { dayMonthExtractor } from "../../extractors/DayMonthExtractor.js";
import { durationExtractor } from "../../extractors/DurationExtractor.js";
import { frequencyWordExtractor } from "../../extractors/FrequencyWordExtractor.js";
import { holidayExtractor } from "../../extractors/HolidayExtractor.js";
import { isoDateExtractor } from "../../extractors/IsoDateExtractor.js";
import { monthDayExtractor } from "../../extractors/MonthDayExtractor.js";
import { monthlyRecurrenceExtractor } from "../../extractors/MonthlyRecurrenceExtractor.js";
import { nthWeekdayExtractor } from "../../extractors/NthWeekdayExtractor.js";
import { numericDateExtractor } from "../../extractors/NumericDateExtractor.js";
import { periodExtractor } from "../../extractors/PeriodExtractor.js";
import { ordinalDayExtractor } from "../../extractors/OrdinalDayExtractor.js";
import { recurrenceExtractor } from "../../extractors/RecurrenceExtractor.js";
import { relativeDayExtractor } from "../../extractors/RelativeDayExtractor.js";
import { relativeOffsetExtractor } from "../../extractors/RelativeOffsetExtractor.js";
import { timeExtractor } from "../../extractors/TimeExtractor.js";
import { timeRangeExtractor } from "../../extractors/TimeRangeExtractor.js";
import { timeZoneExtractor } from "../../extractors/TimeZoneExtractor.js";
import { weekdayExtractor } from "../../extractors/WeekdayExtractor.js";
import type { Configuration } from "../../pipeline.js";
import { annotateLeadRefiner } from "../../refiners/AnnotateLeadRefiner.js";
import { mergeDateRangeRefiner } from "../../refiners/MergeDateRangeRefiner.js";
import { mergeDateTimeRangeRefiner } from "../../refiners/MergeDateTimeRangeRefiner.js";
import { mergeTimeRangeRefiner } from "../../refiners/MergeTimeRangeRefiner.js";
import { mergeWeekdayAroundDateRefiner } from "../../refiners/MergeWeekdayAroundDateRefiner.js";
import { dropPastRefiner } from "../../refiners/DropPastRefiner.js";
import { removeOverlapsRefiner } from "../../refiners/RemoveOverlapsRefiner.js";
import { EN } from "./constants.js";

/** Builds the English configuration. Extractor order only breaks ties between equally long readings. */
export function englishConfiguration(): Configuration {
  return {
    extractors: [
      // Recurrences first: "every Friday" must beat the weekday inside it on equal spans.
      monthlyRecurrenceExtractor(EN),
      recurrenceExtractor(EN),
      frequencyWordExtractor(EN),
      dateRangeExtractor(EN),
      isoDateExtractor(),
      nthWeekdayExtractor(EN),
      monthDayExtractor(EN),
      dayMonthExtractor(EN),
      numericDateExtractor(EN),
      ordinalDayExtractor(EN),
      holidayExtractor(EN),
      relativeDayExtractor(EN),
      weekdayExtractor(EN),
      relativeOffsetExtractor(EN),
      periodExtractor(EN),
      timeRangeExtractor(EN),
      timeExtractor(EN),
      durationExtractor(EN),
      timeZoneExtractor(EN),
    ],
    refiners: [
      // Overlaps go first so the merges below see one reading per stretch of text.
      removeOverlapsRefiner(),
      // Before the lead words are read: "the Friday before Christmas" becomes one date.
      mergeWeekdayAroundDateRefiner(),
      // Lead words are read before merging so that "until Dec 17" keeps its "until".
      annotateLeadRefiner(),
      // Date-time ranges before date ranges: "Saturday 10am to Sunday 6pm" is not two dates and two times.
      mergeDateTimeRangeRefiner(),
      mergeDateRangeRefiner(),
      mergeTimeRangeRefiner(),
      // Last: past days are judged on the final readings ("last Tuesday", "yesterday at 5").
      dropPastRefiner(),
    ],
  };
}
