/** `calendar-api eval [--golden FILE…] [--duckling FILE]`: scores the parser on labelled sets and prints the report. */
import { CalendarError } from "../../core/events/errors.js";
import { scoreDuckling, parseDucklingLine } from "../../core/eval/duckling.js";
import { parseGoldenFile, scoreGolden } from "../../core/eval/golden.js";
import { formatDucklingReport, formatGoldenReport } from "../../core/eval/report.js";
import { parse } from "../../core/parser/parse.js";
import { CliError, type CliIo } from "../io.js";

export interface EvalFlags {
  golden: string[];
  duckling?: string;
  json: boolean;
}

/** The project's own golden files, used when no --golden is given (paths relative to the package root). */
export const DEFAULT_GOLDEN = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl", "test/data/golden/events-hard.jsonl", "test/data/golden/events-feedback.jsonl"];

async function read(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

export async function evalCommand(flags: EvalFlags, io: CliIo): Promise<number> {
  try {
    if (flags.duckling) {
      const lines = (await read(io, flags.duckling)).split(/\r?\n/);
      const records = lines.flatMap((line, i) => (line.trim() ? [parseDucklingLine(line, i + 1)] : []));
      const report = scoreDuckling(records, parse);
      io.stdout(flags.json ? `${JSON.stringify(report)}\n` : `${formatDucklingReport(report)}\n`);
      if (flags.golden.length === 0) return 0;
    }
    const cases = [];
    for (const path of flags.golden) cases.push(...parseGoldenFile(await read(io, path)));
    const report = scoreGolden(cases, parse);
    io.stdout(flags.json ? `${JSON.stringify(report)}\n` : `${formatGoldenReport(report)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CalendarError) throw new CliError(error.message);
    throw error;
  }
}
