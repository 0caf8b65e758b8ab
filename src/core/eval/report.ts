/** Human-readable text for golden and Duckling scoring reports (what the `eval` command prints). */
import type { CalendarEvent } from "../events/event.js";
import type { DucklingReport } from "./duckling.js";
import type { GoldenEvent, GoldenReport } from "./golden.js";
import type { Tally } from "./tally.js";

/**
 * The golden report: `accuracy: 93.8% (75/80 correct)` first, then per field, per tag, the confidence
 * line, and each failure with what differed and the expected vs returned events.
 */
export function formatGoldenReport(report: GoldenReport): string {
  const lines = [`accuracy: ${percent(report.accuracy)} (${report.correct}/${report.total} correct)`];
  lines.push("per field:", ...tallyLines(report.fields));
  lines.push("per tag:", ...tallyLines(report.tags));
  const { correctMean, wrongMean } = report.confidence;
  lines.push(`confidence: correct mean ${meanText(correctMean)}, wrong mean ${meanText(wrongMean)}`);
  lines.push(`failures (${report.failures.length}):`);
  for (const f of report.failures) {
    lines.push(`  ${f.id} ${JSON.stringify(f.text)}`);
    lines.push(`    differs: ${f.fields.join(", ")}${f.error === undefined ? "" : ` (parse threw: ${f.error})`}`);
    lines.push(...eventLines("expected", f.expected.map(expectedText)));
    lines.push(...eventLines("got", f.got.map(gotText)));
  }
  return lines.join("\n");
}

/** The Duckling report: accuracy first, then per grain, per kind and each failure with its reason. */
export function formatDucklingReport(report: DucklingReport): string {
  const lines = [`accuracy: ${percent(report.accuracy)} (${report.correct}/${report.total} correct)`];
  lines.push("per grain:", ...tallyLines(report.grains));
  lines.push("per kind:", ...tallyLines(report.kinds));
  lines.push(`failures (${report.failures.length}):`);
  for (const f of report.failures) {
    const e = f.expected;
    lines.push(`  ${f.id} ${JSON.stringify(f.text)}: ${f.reason}`);
    lines.push(`    expected: ${e.kind} ${e.start}${e.end === null ? "" : ` → ${e.end}`} (${e.grain}${e.holiday === undefined ? "" : `, ${e.holiday}`})`);
    lines.push(`    got:      ${f.got === null ? "nothing" : `${f.got.start}${f.got.end === null ? "" : ` → ${f.got.end}`}${f.got.allDay ? " (all-day)" : ""}`}`);
  }
  return lines.join("\n");
}

function tallyLines(tallies: Record<string, Tally>): string[] {
  const keys = Object.keys(tallies);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `  ${k.padEnd(width)}  ${percent(tallies[k].accuracy).padStart(6)} (${tallies[k].correct}/${tallies[k].total})`);
}

function eventLines(label: string, events: string[]): string[] {
  const head = `    ${`${label}:`.padEnd(9)} `;
  if (events.length === 0) return [`${head}[]`];
  return events.map((text, i) => `${i === 0 ? head : " ".repeat(head.length)}${text}`);
}

/** Only the fields the expected event lists. */
function expectedText(e: GoldenEvent): string {
  const parts: string[] = [];
  if (e.title !== undefined) parts.push(e.title === null ? "title=null" : JSON.stringify(e.title));
  if (e.start !== undefined) parts.push(`${e.start ?? "null"}${e.end === undefined ? "" : ` → ${e.end ?? "null"}`}`);
  else if (e.end !== undefined) parts.push(`end ${e.end ?? "null"}`);
  if (e.allDay !== undefined) parts.push(e.allDay ? "all-day" : "timed");
  if (e.recurrence !== undefined) parts.push(`rrule ${e.recurrence ?? "none"}`);
  if (e.location !== undefined) parts.push(`@ ${e.location ?? "none"}`);
  if (e.timezone !== undefined) parts.push(`[${e.timezone}]`);
  return parts.join(" | ");
}

function gotText(e: CalendarEvent): string {
  return [
    JSON.stringify(e.title),
    `${e.start} → ${e.end ?? "null"}`,
    e.allDay ? "all-day" : "timed",
    `rrule ${e.recurrence ?? "none"}`,
    `@ ${e.location ?? "none"}`,
    `[${e.timezone}]`,
    `conf ${e.confidence.toFixed(2)}`,
  ].join(" | ");
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function meanText(value: number | null): string {
  return value === null ? "n/a" : value.toFixed(2);
}
