/**
 * schema.org events in `<script type="application/ld+json">`: a single object, an array, or an `@graph`,
 * at any depth (an ItemList of events, an Organization's `event`), `Event` and all its subtypes. Nodes
 * referred to by `@id` alone (`"location": {"@id": "#hall"}`) are looked up in the page's other nodes.
 */
import type { Document } from "domhandler";
import type { ExtractContext, ExtractResult } from "../types.js";
import { descendants, htmlText, resolveUrl, textOf } from "./dom.js";
import { buildEvent, type EventDraft, joinPlaceParts } from "./draft.js";
import type { ScheduleDraft } from "./schedule.js";
import { isEventType, localName } from "./vocabulary.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Events of every JSON-LD block of `doc`, in order; `ctx.baseUrl` resolves relative `url`s. */
export function extractJsonLd(doc: Document, ctx: ExtractContext): ExtractResult {
  const warnings: string[] = [];
  const roots: Json[] = [];
  const scripts = descendants(doc).filter((el) => el.name === "script" && (el.attribs.type ?? "").split(";")[0].trim().toLowerCase() === "application/ld+json");
  scripts.forEach((script, index) => {
    const parsed = readJson(script.children.map((c) => ("data" in c ? String(c.data) : textOf(c))).join(""));
    if (parsed === undefined) warnings.push(`JSON-LD block ${index + 1} is not valid JSON and was skipped`);
    else roots.push(parsed);
  });
  const byId = new Map<string, JsonObject>();
  roots.forEach((root) => indexIds(root, byId));
  const found: JsonObject[] = [];
  roots.forEach((root) => collectEvents(root, byId, found, new Set()));

  const events = found.flatMap((node, index) => {
    const label = `JSON-LD item ${index + 1}`;
    const status = text(node.eventStatus);
    if (status && /cancel/i.test(localName(status))) {
      warnings.push(`${label} ${JSON.stringify(text(node.name) ?? "")}: the event is cancelled and was skipped`);
      return [];
    }
    const base: EventDraft = {
      label,
      title: plain(node.name),
      startDate: text(node.startDate),
      endDate: text(node.endDate),
      duration: text(node.duration),
      location: locationText(node.location, byId),
      description: plain(node.description),
      url: resolveUrl(text(node.url) ?? idOf(node.url), ctx.baseUrl),
      schedule: null,
    };
    // Several schedules (Tuesdays 6pm, Saturdays 10am) are several recurring events.
    const schedules = list(node.eventSchedule).map((s) => deref(s, byId)).filter((s): s is JsonObject => s !== null);
    const drafts = schedules.length === 0 ? [base] : schedules.map((s) => ({ ...base, schedule: scheduleDraft(s) }));
    return drafts.flatMap((draft) => {
      const event = buildEvent(draft, "json-ld", ctx, (m) => warnings.push(m));
      return event ? [event] : [];
    });
  });
  return { events, warnings };
}

// Pages often ship JSON with raw newlines inside strings or trailing commas; both are forgiven.
function readJson(source: string): Json | undefined {
  const body = source.trim().replace(/^<!--/, "").replace(/-->$/, "").replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, "");
  for (const candidate of [body, body.replace(/[\u0000-\u001f]+/g, " ").replace(/,\s*([}\]])/g, "$1")]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the next, more forgiving reading
    }
  }
  return undefined;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: Json | undefined): Json[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function types(node: JsonObject): string[] {
  return list(node["@type"]).filter((t): t is string => typeof t === "string");
}

function idOf(value: Json | undefined): string | null {
  return isObject(value) && typeof value["@id"] === "string" ? value["@id"] : null;
}

function indexIds(value: Json, byId: Map<string, JsonObject>): void {
  if (Array.isArray(value)) value.forEach((v) => indexIds(v, byId));
  else if (isObject(value)) {
    const id = idOf(value);
    if (id !== null && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    Object.values(value).forEach((v) => indexIds(v, byId));
  }
}

/** A node, or the node its `@id` refers to when it carries nothing else. */
function deref(value: Json | undefined, byId: Map<string, JsonObject>): JsonObject | null {
  if (!isObject(value)) return null;
  const id = idOf(value);
  return id !== null && Object.keys(value).length === 1 ? (byId.get(id) ?? null) : value;
}

// Depth-first in document order; an event's own values are not searched except its subEvents.
function collectEvents(value: Json, byId: Map<string, JsonObject>, out: JsonObject[], seen: Set<JsonObject>): void {
  if (Array.isArray(value)) {
    value.forEach((v) => collectEvents(v, byId, out, seen));
    return;
  }
  if (!isObject(value) || seen.has(value)) return;
  seen.add(value);
  if (types(value).some(isEventType)) {
    if (value.startDate !== undefined || value.eventSchedule !== undefined || value.name !== undefined) out.push(value);
    for (const key of ["subEvent", "subEvents"]) if (value[key] !== undefined) collectEvents(value[key], byId, out, seen);
    return;
  }
  Object.values(value).forEach((v) => collectEvents(v, byId, out, seen));
}

/** A string value: strings and numbers as such, `{"@value": …}` unwrapped, the first of a list. */
function text(value: Json | undefined): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = text(v);
      if (t !== null) return t;
    }
    return null;
  }
  if (isObject(value) && value["@value"] !== undefined) return text(value["@value"]);
  return null;
}

/** A string value with markup stripped and entities decoded (pages put HTML in JSON-LD strings). */
function plain(value: Json | undefined): string | null {
  const raw = text(value);
  return raw === null ? null : htmlText(raw);
}

function texts(value: Json | undefined): string[] {
  return list(value).flatMap((v) => {
    const t = text(v);
    return t === null ? [] : [t];
  });
}

/** Place → "name, street, locality"; PostalAddress → "street, locality"; text as is; the first of several. */
function locationText(value: Json | undefined, byId: Map<string, JsonObject>): string | null {
  for (const item of list(value)) {
    if (typeof item === "string") return htmlText(item) || null;
    const node = deref(item, byId);
    if (!node) continue;
    const address = node.address;
    const addressNode = deref(address, byId);
    const parts = [
      text(node.name),
      ...(typeof address === "string" ? [address] : addressNode ? [text(addressNode.streetAddress), text(addressNode.addressLocality)] : []),
      ...(types(node).some((t) => localName(t) === "PostalAddress") ? [text(node.streetAddress), text(node.addressLocality)] : []),
    ];
    const joined = joinPlaceParts(parts.map((p) => (p === null ? null : htmlText(p)))) ?? text(node.url);
    if (joined) return joined;
  }
  return null;
}

function scheduleDraft(node: JsonObject): ScheduleDraft {
  return {
    repeatFrequency: text(node.repeatFrequency),
    byDay: texts(node.byDay),
    byMonthDay: texts(node.byMonthDay),
    byMonth: texts(node.byMonth),
    startDate: text(node.startDate),
    endDate: text(node.endDate),
    startTime: text(node.startTime),
    endTime: text(node.endTime),
    duration: text(node.duration),
    repeatCount: text(node.repeatCount),
    exceptDates: texts(node.exceptDate),
    scheduleTimezone: text(node.scheduleTimezone),
  };
}
