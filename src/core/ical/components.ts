/** Reads an iCalendar stream into its component tree (VCALENDAR ▸ VEVENT, VTIMEZONE ▸ STANDARD …). */
import { CalendarError } from "../events/errors.js";
import { type ContentLine, parseContentLine, unfoldLines } from "./contentLine.js";

/** One BEGIN…END block. */
export interface Component {
  name: string;
  properties: ContentLine[];
  components: Component[];
  /** Line of its BEGIN. */
  line: number;
  /**
   * Broken content lines found inside this VEVENT (`line N: …`). A broken line inside a VEVENT spoils
   * only that event; anywhere else it spoils the file.
   */
  problems: string[];
}

function fail(message: string): never {
  throw new CalendarError("INVALID_ICALENDAR", message);
}

/**
 * The top-level VCALENDAR components of `text`. Throws `INVALID_ICALENDAR` naming the line when the text
 * holds no VCALENDAR, has content outside one, nests BEGIN/END wrongly, or has a broken line outside a VEVENT.
 */
export function parseComponents(text: string): Component[] {
  if (typeof text !== "string") fail("the calendar is not text");
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const unfolded of unfoldLines(text)) {
    const parsed = parseContentLine(unfolded);
    const where = `line ${unfolded.line}`;
    const open = stack[stack.length - 1];
    if (typeof parsed === "string") {
      const event = [...stack].reverse().find((c) => c.name === "VEVENT");
      if (!event) fail(`${where}: ${parsed}: ${JSON.stringify(unfolded.text.slice(0, 80))}`);
      event.problems.push(`${where}: ${parsed}`);
      continue;
    }
    if (parsed.name === "BEGIN") {
      const name = parsed.value.trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(name)) fail(`${where}: BEGIN names no component`);
      if (!open && name !== "VCALENDAR") fail(`${where}: expected BEGIN:VCALENDAR, found BEGIN:${name}`);
      const component: Component = { name, properties: [], components: [], line: unfolded.line, problems: [] };
      (open ? open.components : roots).push(component);
      stack.push(component);
    } else if (parsed.name === "END") {
      const name = parsed.value.trim().toUpperCase();
      if (!open) fail(`${where}: END:${name} without a matching BEGIN`);
      if (open.name !== name) fail(`${where}: END:${name} closes BEGIN:${open.name} of line ${open.line}`);
      stack.pop();
    } else {
      if (!open) fail(`${where}: ${parsed.name} outside BEGIN:VCALENDAR … END:VCALENDAR`);
      open.properties.push(parsed);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`line ${unclosed.line}: BEGIN:${unclosed.name} is never closed by END:${unclosed.name}`);
  if (roots.length === 0) fail("no BEGIN:VCALENDAR found: this is not an iCalendar file");
  return roots;
}

/** The first property called `name`. */
export function property(component: Component, name: string): ContentLine | undefined {
  return component.properties.find((p) => p.name === name);
}

/** Every property called `name`, in file order. */
export function properties(component: Component, name: string): ContentLine[] {
  return component.properties.filter((p) => p.name === name);
}

/** The first value of parameter `name`, or undefined. */
export function param(line: ContentLine, name: string): string | undefined {
  return line.params[name]?.[0];
}
