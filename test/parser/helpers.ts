/** Shared shorthand for the parser tests: the one event of a text, component spans by word, rules and instants. */
import { expect } from "vitest";
import type { CalendarEvent, ComponentName } from "../../src/core/events/event.js";
import type { ParseOptions } from "../../src/core/parser/options.js";
import { parse } from "../../src/core/parser/parse.js";

/** The single event `parse` finds in `text`; fails the test when there is not exactly one. */
export function only(text: string, options: ParseOptions): CalendarEvent {
  const { events } = parse(text, options);
  expect(events, `events of ${JSON.stringify(text)}`).toHaveLength(1);
  return events[0];
}

/** Half-open span of the first occurrence of `word` in `text` at or after `from`. */
export function spanOf(text: string, word: string, from = 0): [number, number] {
  const at = text.indexOf(word, from);
  if (at < 0) throw new Error(`test bug: ${JSON.stringify(word)} is not in ${JSON.stringify(text)}`);
  return [at, at + word.length];
}

// Connecting words a component span may or may not include; the words it was read from follow them.
const CONNECTOR = /^(?:at|on|from|in|for|@|,|-)\s*/i;

/**
 * Asserts that component `name` exists, that its text is exactly the source slice at its span, and that
 * (apart from a leading connector such as "at") it is the occurrence of `words` at or after `from`.
 */
export function expectComponent(text: string, event: CalendarEvent, name: ComponentName, words: string, from = 0): void {
  const component = event.components[name];
  expect(component, `component "${name}" of ${JSON.stringify(text)}`).toBeDefined();
  if (!component) return;
  const [start, end] = component.span;
  expect(text.slice(start, end), `text of component "${name}"`).toBe(component.text);
  const [wordStart, wordEnd] = spanOf(text, words, from);
  expect(end, `end of component "${name}"`).toBe(wordEnd);
  expect(text.slice(start, wordStart), `what component "${name}" covers before ${JSON.stringify(words)}`).toMatch(
    new RegExp(`^(?:${CONNECTOR.source.slice(1)})?$`, "i"),
  );
}

/** Compares two RRULEs part by part, so `FREQ=…;BYDAY=…;COUNT=…` may come in any order (values keep theirs). */
export function expectRule(got: string | null, want: string): void {
  expect(got, "recurrence").not.toBeNull();
  const parts = (rule: string): string[] => rule.split(";").filter(Boolean).sort();
  expect(parts(got ?? "")).toEqual(parts(want));
}

/** Epoch milliseconds of an ISO date-time with offset (to compare instants, not spellings). */
export function instant(iso: string | null): number {
  if (iso === null) throw new Error("expected a date-time, got null");
  return Date.parse(iso);
}

/** A small seeded generator (mulberry32) for property tests, so a failure can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
