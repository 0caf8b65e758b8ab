/**
 * Microformats: mf2 `h-event` (p-name, dt-start, dt-end, dt-duration, p-location or a nested h-card/h-adr,
 * p-summary/e-description, u-url) and the classic hCalendar `vevent` (summary, dtstart, dtend, duration,
 * location, description, url). Date values follow the value-class pattern: `<time datetime>`,
 * `<abbr title>`, `<data value>`, or `class="value"` parts (a date part and a time part are joined).
 */
import type { Document, Element } from "domhandler";
import { isTag } from "domhandler";
import type { ExtractContext, ExtractResult } from "../types.js";
import { collapse, descendants, resolveUrl, textOf } from "./dom.js";
import { buildEvent, joinPlaceParts } from "./draft.js";

// Property class names: mf2 first, then classic hCalendar / hCard.
const NAME = ["p-name", "summary"];
const START = ["dt-start", "dtstart"];
const END = ["dt-end", "dtend"];
const DURATION = ["dt-duration", "duration"];
const LOCATION = ["p-location", "location"];
const DESCRIPTION = ["e-description", "p-description", "description", "p-summary"];
const URL_CLASSES = ["u-url", "url"];
const PLACE_NAME = ["p-name", "fn", "org", "p-org"];
const STREET = ["p-street-address", "street-address"];
const LOCALITY = ["p-locality", "locality"];

const CLASSIC_ROOTS = new Set(["vevent", "vcard", "adr", "geo"]);

/** Events of every h-event / vevent of `doc`, in document order. */
export function extractHEvents(doc: Document, ctx: ExtractContext): ExtractResult {
  const warnings: string[] = [];
  const roots = descendants(doc).filter((el) => classes(el).some((c) => c === "h-event" || c === "vevent"));
  const events = roots.flatMap((root, index) => {
    const props = propertiesOf(root);
    const first = (names: string[]): Element | undefined => names.map((n) => props.get(n)?.[0]).find((el) => el !== undefined);
    const nameEl = first(NAME);
    const urlEl = first(URL_CLASSES);
    const event = buildEvent(
      {
        label: `h-event ${index + 1}`,
        title: nameEl ? plainValue(nameEl) : impliedName(root),
        startDate: dateValue(first(START)),
        endDate: dateValue(first(END)),
        duration: dateValue(first(DURATION)),
        location: locationOf(first(LOCATION)),
        description: first(DESCRIPTION) ? plainValue(first(DESCRIPTION) as Element) : null,
        url: urlEl ? resolveUrl(urlEl.attribs.href ?? urlEl.attribs.src ?? urlEl.attribs.data ?? textOf(urlEl), ctx.baseUrl) : null,
        schedule: null,
      },
      "h-event",
      ctx,
      (m) => warnings.push(m),
    );
    return event ? [event] : [];
  });
  return { events, warnings };
}

function classes(el: Element): string[] {
  return (el.attribs.class ?? "").split(/\s+/).filter(Boolean);
}

function isRoot(el: Element): boolean {
  return classes(el).some((c) => /^h-[a-z]/.test(c) || CLASSIC_ROOTS.has(c));
}

/** Property elements by class name; a nested root is itself a property of the outer one but keeps its insides. */
function propertiesOf(root: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const walk = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      for (const name of classes(child)) props.set(name, [...(props.get(name) ?? []), child]);
      if (!isRoot(child)) walk(child);
    }
  };
  walk(root);
  return props;
}

/** A p- value: `<abbr title>`, `<data value>`, `<img alt>`, else the text. */
function plainValue(el: Element): string | null {
  const value = (el.name === "abbr" ? el.attribs.title : undefined) ?? (el.name === "data" || el.name === "input" ? el.attribs.value : undefined) ?? (el.name === "img" || el.name === "area" ? el.attribs.alt : undefined) ?? textOf(el);
  return collapse(value) === "" ? null : collapse(value);
}

/** A dt- value by the value-class pattern; a date part and a time part are joined into one date-time. */
function dateValue(el: Element | undefined): string | null {
  if (!el) return null;
  const parts = descendants(el)
    .filter((d) => classes(d).includes("value") || classes(d).includes("value-title"))
    .map((d) => (classes(d).includes("value-title") ? (d.attribs.title ?? "") : attributeValue(d) ?? textOf(d)))
    .map(collapse)
    .filter(Boolean);
  if (parts.length === 0) return attributeValue(el) ?? (collapse(textOf(el)) || null);
  const date = parts.find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p));
  const time = parts.find((p) => /^\d{1,2}:\d{2}/.test(p));
  return date && time ? `${date}T${time}` : parts.join(" ");
}

function attributeValue(el: Element): string | null {
  const value = el.attribs.datetime ?? (el.name === "abbr" ? el.attribs.title : undefined) ?? (el.name === "data" || el.name === "input" ? el.attribs.value : undefined) ?? el.attribs.content;
  return value === undefined || collapse(value) === "" ? null : collapse(value);
}

/** A nested h-card / h-adr / vcard as "name, street, locality", else the property's text. */
function locationOf(el: Element | undefined): string | null {
  if (!el) return null;
  if (!isRoot(el)) return plainValue(el);
  const props = propertiesOf(el);
  const value = (names: string[]): string | null => {
    const found = names.map((n) => props.get(n)?.[0]).find((p) => p !== undefined);
    return found ? plainValue(found) : null;
  };
  return joinPlaceParts([value(PLACE_NAME), value(STREET), value(LOCALITY)]) ?? plainValue(el);
}

// mf2's implied name, simplified: the first heading inside the event, else its first link's text.
function impliedName(root: Element): string | null {
  const inner = descendants(root);
  const el = inner.find((d) => /^h[1-6]$/.test(d.name)) ?? inner.find((d) => d.name === "a");
  return el ? collapse(textOf(el)) || null : null;
}
