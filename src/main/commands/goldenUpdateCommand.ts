/**
 * `calendar-api golden update --feedback FILE [--golden FILE] [--dry-run]`: adds reviewed parse feedback to the
 * golden set. The feedback file holds JSON lines `{ "text", "reference", "timezone", "expect": [...],
 * "reviewed": true, "tags"? }`; reviewed lines are validated as golden cases, given new ids (f001, f002…),
 * tagged "feedback" and appended, unless the same text, reference and zone is already in the golden set.
 * Any bad line stops the command before anything is written (exit 2, naming the line).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CalendarError } from "../../core/events/errors.js";
import { type GoldenCase, parseGoldenFile, parseGoldenLine } from "../../core/eval/golden.js";
import { CliError, type CliIo } from "../io.js";

/** The golden file feedback goes to by default (relative to the package root, as the eval defaults). */
export const FEEDBACK_GOLDEN = "test/data/golden/events-feedback.jsonl";

/** The tag every added case carries, so `eval` reports feedback cases apart. */
export const FEEDBACK_TAG = "feedback";

export interface GoldenUpdateFlags {
  feedback?: string;
  /** The golden file to append to (created when missing). */
  golden: string;
  /** Other golden files a feedback case must not repeat (the eval defaults); missing ones are ignored. */
  others: string[];
  dryRun: boolean;
}

export async function goldenUpdateCommand(flags: GoldenUpdateFlags, io: CliIo): Promise<number> {
  if (flags.feedback === undefined) throw new CliError("golden update needs --feedback FILE (JSON lines of reviewed parses)");
  const feedback = await readOrFail(io, flags.feedback);
  const existing = existsSync(flags.golden) ? await readFile(flags.golden, "utf8") : "";
  const target = parseOrFail(flags.golden, existing);

  const seen = new Set(target.map(caseKey));
  for (const other of flags.others) {
    if (other === flags.golden || !existsSync(other)) continue;
    for (const c of parseOrFail(other, await readFile(other, "utf8"))) seen.add(caseKey(c));
  }
  let next = Math.max(0, ...target.map((c) => /^f(\d+)$/.exec(c.id)?.[1]).filter((n) => n !== undefined).map(Number)) + 1;

  const added: GoldenCase[] = [];
  let duplicates = 0;
  let unreviewed = 0;
  const problems: string[] = [];
  feedback.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${flags.feedback}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return void problems.push(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return void problems.push(`${where}: not a JSON object`);
    const entry = value as Record<string, unknown>;
    if (entry.reviewed !== undefined && typeof entry.reviewed !== "boolean") return void problems.push(`${where}: "reviewed" must be true or false`);
    if (entry.reviewed !== true) return void unreviewed++;
    let parsed: GoldenCase;
    try {
      const candidate = { id: `f${String(next).padStart(3, "0")}`, text: entry.text, reference: entry.reference, timezone: entry.timezone, tags: entry.tags, expect: entry.expect };
      parsed = parseGoldenLine(JSON.stringify(candidate), i + 1);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      return void problems.push(`${where}: ${error.message.replace(/^golden line \d+: /, "")}`);
    }
    const key = caseKey(parsed);
    if (seen.has(key)) return void duplicates++;
    seen.add(key);
    next++;
    added.push({ ...parsed, tags: [...new Set([...parsed.tags, FEEDBACK_TAG])] });
  });
  if (problems.length > 0) throw new CliError(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more bad lines)` : ""}; nothing was added`);

  if (added.length > 0 && !flags.dryRun) {
    const prefix = existing === "" || existing.endsWith("\n") ? existing : `${existing}\n`;
    const content = `${prefix}${added.map((c) => `${goldenJson(c)}\n`).join("")}`;
    parseOrFail(flags.golden, content);
    await mkdir(dirname(flags.golden), { recursive: true });
    const partial = `${flags.golden}.partial-${process.pid}`;
    await writeFile(partial, content, "utf8");
    await rename(partial, flags.golden);
  }
  const verb = flags.dryRun ? "would add" : "added";
  for (const c of added) io.stdout(`${verb} ${c.id}: ${JSON.stringify(c.text)}\n`);
  io.stdout(`${added.length} ${verb === "added" ? "added" : "to add"}, ${duplicates} duplicates skipped, ${unreviewed} unreviewed skipped; golden file ${flags.golden}\n`);
  return 0;
}

/** A case's identity for duplicates: the same text read at the same moment in the same zone. */
function caseKey(c: Pick<GoldenCase, "text" | "reference" | "timezone">): string {
  return JSON.stringify([c.text, c.reference, c.timezone]);
}

/** One golden line in the style of the existing files (`{"id": "d001", "text": …}`, keys in the usual order). */
export function goldenJson(c: GoldenCase): string {
  return spaced({ id: c.id, text: c.text, reference: c.reference, timezone: c.timezone, tags: c.tags, expect: c.expect });
}

function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

async function readOrFail(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

function parseOrFail(path: string, content: string): GoldenCase[] {
  try {
    return parseGoldenFile(content);
  } catch (error) {
    if (error instanceof CalendarError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}
