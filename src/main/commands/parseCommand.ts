/** `calendar-api parse "text" [--reference ISO] [--timezone IANA]` and `parse --batch` (JSON lines in and out). */
import { createInterface } from "node:readline";
import { CalendarError } from "../../core/events/errors.js";
import { parse } from "../../core/parser/parse.js";
import { CliError, type CliIo } from "../io.js";

export interface ParseFlags {
  text?: string;
  reference?: string;
  timezone?: string;
  locale?: string;
  batch: boolean;
}

/** The zone used when none is given: the machine's, as Intl reports it. */
export function defaultZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function toCliError(error: unknown): never {
  if (error instanceof CalendarError) throw new CliError(error.message);
  throw error;
}

export async function parseCommand(flags: ParseFlags, io: CliIo): Promise<number> {
  if (flags.batch) return parseBatch(flags, io);
  if (flags.text === undefined || flags.text.trim() === "") throw new CliError('parse needs the text to read, e.g. calendar-api parse "Lunch tomorrow at noon"');
  const timezone = flags.timezone ?? defaultZone();
  const started = performance.now();
  try {
    const result = parse(flags.text, { reference: flags.reference ?? io.now(), timezone, locale: flags.locale });
    result.meta.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    toCliError(error);
  }
}

/** One `{"events":[…]}` line per input line, in order; a bad line gets `{"error":{…}}` and the batch goes on. */
async function parseBatch(flags: ParseFlags, io: CliIo): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  for await (const line of io.readStdin()) {
    lineNo++;
    if (line.trim() === "") continue;
    try {
      let input: { text?: unknown; reference?: unknown; timezone?: unknown };
      try {
        input = JSON.parse(line) as typeof input;
      } catch {
        throw new CalendarError("INVALID_TEXT", `line ${lineNo} is not valid JSON`, "text");
      }
      if (typeof input !== "object" || input === null || typeof input.text !== "string") throw new CalendarError("INVALID_TEXT", `line ${lineNo}: "text" must be a string`, "text");
      const timezone = typeof input.timezone === "string" ? input.timezone : flags.timezone ?? defaultZone();
      const reference = typeof input.reference === "string" ? input.reference : flags.reference ?? io.now();
      const result = parse(input.text, { reference, timezone, locale: flags.locale });
      io.stdout(`${JSON.stringify({ events: result.events })}\n`);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      failures++;
      io.stdout(`${JSON.stringify({ error: { code: error.code, field: error.field ?? null, message: error.message } })}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Lines of the process's stdin. */
export async function* stdinLines(): AsyncIterable<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}
