/** The package's library entry: the pure parser and the types it speaks. */
export { parse } from "./core/parser/parse.js";
export type { ParseOptions, ParseResult, ParseMeta, ParseTraceStep } from "./core/parser/options.js";
export type { CalendarEvent, ComponentDetail } from "./core/events/event.js";
export { CalendarError, ERROR_CODES, type ErrorCode } from "./core/events/errors.js";
