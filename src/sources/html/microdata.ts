/**
 * schema.org events marked up as microdata: an element with `itemscope` and an Event (or subtype)
 * `itemtype`, with `itemprop` name, startDate, endDate, duration, location (a nested Place or text),
 * description and url. A `content` or `datetime` attribute wins over the element's text.
 */
import type { Document, Element } from "domhandler";
import { isTag } from "domhandler";
import type { ExtractContext, ExtractResult } from "../types.js";
import { collapse, descendants, resolveUrl, textOf } from "./dom.js";
import { buildEvent, joinPlaceParts } from "./draft.js";
import { isEventType } from "./vocabulary.js";

/** Events of every microdata Event item of `doc`, in document order. */
export function extractMicrodata(doc: Document, ctx: ExtractContext): ExtractResult {
  const warnings: string[] = [];
  const items = descendants(doc).filter((el) => isItem(el) && (el.attribs.itemtype ?? "").split(/\s+/).some((t) => t !== "" && isEventType(t)));
  const events = items.flatMap((item, index) => {
    const props = propertiesOf(item);
    const value = (name: string): string | null => {
      const el = props.get(name)?.[0];
      return el ? valueOf(el) : null;
    };
    const event = buildEvent(
      {
        label: `microdata item ${index + 1}`,
        title: value("name"),
        startDate: value("startDate"),
        endDate: value("endDate"),
        duration: value("duration"),
        location: locationOf(props.get("location")?.[0]),
        description: value("description"),
        url: resolveUrl(hrefOf(props.get("url")?.[0]), ctx.baseUrl),
        schedule: null,
      },
      "microdata",
      ctx,
      (m) => warnings.push(m),
    );
    return event ? [event] : [];
  });
  return { events, warnings };
}

function isItem(el: Element): boolean {
  return el.attribs.itemscope !== undefined;
}

/** The item's properties by name, in order; a nested item's own properties are not the outer item's. */
function propertiesOf(item: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const walk = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      for (const name of (child.attribs.itemprop ?? "").split(/\s+/).filter(Boolean)) {
        props.set(name, [...(props.get(name) ?? []), child]);
      }
      if (!isItem(child)) walk(child);
    }
  };
  walk(item);
  return props;
}

/** A property's value: `content`, then `datetime`, then the element kind's own attribute, then its text. */
function valueOf(el: Element): string | null {
  const attribute = el.attribs.content ?? el.attribs.datetime ?? (el.name === "data" || el.name === "meter" ? el.attribs.value : undefined);
  const value = attribute ?? textOf(el);
  return collapse(value) === "" ? null : collapse(value);
}

function hrefOf(el: Element | undefined): string | null {
  if (!el) return null;
  return el.attribs.href ?? el.attribs.src ?? el.attribs.content ?? (textOf(el) || null);
}

/** A nested Place as "name, street, locality" (a nested PostalAddress likewise), or the property's text. */
function locationOf(el: Element | undefined): string | null {
  if (!el) return null;
  if (!isItem(el)) return valueOf(el);
  const props = propertiesOf(el);
  const first = (name: string): Element | undefined => props.get(name)?.[0];
  const addressEl = first("address");
  const address = !addressEl
    ? []
    : isItem(addressEl)
      ? ["streetAddress", "addressLocality"].map((n) => {
          const part = propertiesOf(addressEl).get(n)?.[0];
          return part ? valueOf(part) : null;
        })
      : [valueOf(addressEl)];
  const parts = [first("name") ? valueOf(first("name") as Element) : null, ...address, ...["streetAddress", "addressLocality"].map((n) => (first(n) ? valueOf(first(n) as Element) : null))];
  return joinPlaceParts(parts) ?? valueOf(el);
}
