/** What a caller passes to `parse` and what it gets back. */
import type { CalendarEvent } from "../events/event.js";

export interface ParseOptions {
  /** "Now": an ISO 8601 date-time (with offset, or wall-clock in `timezone`) or epoch milliseconds. */
  reference: string | number | Date;
  /** IANA zone that wall-clock times in the text are read in. */
  timezone: string;
  /** Locale of the text; `en` by default. */
  locale?: string;
  /** Receives trace lines about what each pipeline step did; never called when absent. */
  debug?: (step: ParseTraceStep) => void;
  /**
   * A monotonic clock in milliseconds used only to time trace steps (the core never reads a clock of its
   * own); steps carry no duration when absent.
   */
  stopwatch?: () => number;
}

/** One pipeline step as the explain view reports it. */
export interface ParseTraceStep {
  step: string;
  kind: "extractor" | "refiner" | "assembler";
  detail: string;
  spans?: Array<[number, number]>;
  /** Time the step took, when a stopwatch was given. */
  durationMs?: number;
}

export interface ParseMeta {
  route: "rules" | "llm" | "cache";
  /** Overall confidence: the lowest event confidence, 0 when nothing was found. */
  confidence: number;
  durationMs?: number;
}

export interface ParseResult {
  events: CalendarEvent[];
  meta: ParseMeta;
}
