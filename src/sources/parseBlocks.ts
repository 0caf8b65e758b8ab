/**
 * Runs the parser over the text blocks of a document (HTML text, PDF, plain text) and gathers the events.
 * Each block is parsed on its own, so a stray line in one block never bends the reading of another.
 */
import type { CalendarEvent } from "../core/events/event.js";
import { parse } from "../core/parser/parse.js";
import type { ExtractContext, ExtractedEvent, ExtractResult } from "./types.js";

/** A run of lines that belong together: a list item, a table row, a paragraph, a heading with its lines. */
export interface TextBlock {
  text: string;
  /** A heading ends the reach of a date carried down from an earlier date-only block. */
  heading?: boolean;
}

/**
 * Events of all blocks, in order, `via` "text". Three conveniences on top of the parser:
 * - a block whose lines each hold a date of their own is read line by line (one event per line);
 * - a block that is only a date ("Friday, December 11") is not an event: its text is put in front of the
 *   following blocks that have a time but no date, until the next heading;
 * - a block whose events have no title is read again together with the event-less blocks just before and
 *   after it (a flyer's title, date and venue set apart by wide gaps).
 * Events the parser finds without a title are skipped with a warning; a document without any event gets
 * one warning. Component spans refer to the text that was parsed: the block, its line, or the block with
 * the carried date or borrowed neighbours in front.
 */
export function eventsFromBlocks(blocks: readonly TextBlock[], ctx: ExtractContext): ExtractResult {
  const events: ExtractedEvent[] = [];
  const warnings: string[] = [];
  const texts = blocks.map((b) => b.text.trim());
  const readings = texts.map((text) => (text === "" ? [] : readBlock(text, ctx)));
  let carried: string | null = null;
  for (let index = 0; index < blocks.length; index++) {
    const text = texts[index];
    if (blocks[index].heading) carried = null;
    if (text === "") continue;
    let found = readings[index];
    if (isDateOnly(found)) {
      carried = text;
      continue;
    }
    if (carried !== null && found.length > 0 && found.every((e) => !e.components.date && !e.components.recurrence)) {
      const withDate = readBlock(`${carried}\n${text}`, ctx);
      if (withDate.length > 0) found = withDate;
    }
    // A flyer spreads one event over blocks (title, date and time, venue): untitled events borrow the undated
    // blocks on either side.
    if (found.some((e) => e.title.trim() === "")) {
      const before = index > 0 && readings[index - 1].length === 0 && texts[index - 1] !== "" ? texts[index - 1] : null;
      const after = index + 1 < blocks.length && readings[index + 1].length === 0 && !blocks[index + 1].heading && texts[index + 1] !== "" ? texts[index + 1] : null;
      if (before !== null || after !== null) {
        const merged = readBlock([before, text, after].filter((t) => t !== null).join("\n"), ctx);
        if (merged.length > 0 && merged.every((e) => e.title.trim() !== "")) {
          found = merged;
          if (after !== null) index++;
        }
      }
    }
    for (const event of found) {
      if (event.title.trim() === "") warnings.push(`block ${index + 1} (${JSON.stringify(clip(text))}): an event at ${event.start} has no title and was skipped`);
      else events.push(fromParsed(event));
    }
  }
  if (events.length === 0) warnings.push("no dated event was found in the text");
  return { events, warnings };
}

/** Parser events of one block: line by line when every line has a date of its own, else the whole block. */
function readBlock(text: string, ctx: ExtractContext): CalendarEvent[] {
  const options = { reference: ctx.reference, timezone: ctx.timezone };
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length > 1) {
    const perLine = lines.map((line) => parse(line, options).events);
    const dated = (events: CalendarEvent[]): boolean => events.length > 0 && events.every((e) => e.components.date || e.components.recurrence);
    if (perLine.every(dated)) return perLine.flat();
  }
  return parse(text, options).events;
}

// A date heading: one untitled event with a day but no time ("Friday, December 11", "Mon/Wed").
function isDateOnly(events: CalendarEvent[]): boolean {
  return events.length === 1 && events[0].title.trim() === "" && !events[0].components.time;
}

function fromParsed(event: CalendarEvent): ExtractedEvent {
  const { id: _id, description, ...rest } = event;
  return { ...rest, description: description ?? null, via: "text", url: null };
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
