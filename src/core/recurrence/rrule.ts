/** RFC 5545 RRULE text ⇄ a typed rule, for the subset the parser produces and the expander understands. */
import { type CivilDate, type WallTime, formatDate, isValidDate } from "../time/civil.js";

/** The supported FREQ values. */
export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

/** One BYDAY entry: `weekday` is 0 = Sunday … 6 = Saturday; `ordinal` is e.g. 1 for `1SU`, -1 for `-1TH`, null for plain `TU`. */
export interface ByDay {
  weekday: number;
  ordinal: number | null;
}

/**
 * The UNTIL bound, inclusive. `date` is a plain `YYYYMMDD`; `floating` a wall-clock date-time read in the
 * event's zone; `utc` a `…Z` date-time compared as an instant.
 */
export type RRuleUntil =
  | { kind: "date"; date: CivilDate }
  | { kind: "floating"; date: CivilDate; time: WallTime }
  | { kind: "utc"; date: CivilDate; time: WallTime };

/** A parsed rule; BYxxx lists keep the order they were written in. */
export interface RRule {
  freq: Frequency;
  /** Every `interval`th period; 1 by default. */
  interval: number;
  /** Total occurrences, DTSTART included; null when unbounded or bounded by `until`. */
  count: number | null;
  until: RRuleUntil | null;
  /** Empty when absent. */
  byDay: ByDay[];
  /** 1–31 or -31…-1; empty when absent. */
  byMonthDay: number[];
  /** 1–12; empty when absent. */
  byMonth: number[];
  /** First day of the week (0 = Sunday); Monday (1) by default. */
  wkst: number;
}

/** Two-letter RFC 5545 weekday codes, indexed by 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

const FREQUENCIES: readonly Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const KNOWN_KEYS = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"]);

/**
 * Parses RRULE text (an optional `RRULE:` prefix is accepted; keys and values are case-insensitive).
 * Returns null on anything malformed or outside the subset: unknown or repeated keys, a missing FREQ,
 * COUNT together with UNTIL, out-of-range numbers, BYDAY ordinals outside MONTHLY/YEARLY, BYMONTHDAY
 * with WEEKLY (RFC 5545 marks it not applicable).
 */
export function parseRRule(text: string): RRule | null {
  if (typeof text !== "string") return null;
  const body = text.trim().toUpperCase().replace(/^RRULE:/, "");
  if (body.length === 0) return null;
  const parts = new Map<string, string>();
  for (const part of body.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (!KNOWN_KEYS.has(key) || parts.has(key) || value.length === 0) return null;
    parts.set(key, value);
  }
  const freq = FREQUENCIES.find((f) => f === parts.get("FREQ"));
  if (!freq) return null;

  const interval = parts.has("INTERVAL") ? parsePositive(parts.get("INTERVAL") as string) : 1;
  const count = parts.has("COUNT") ? parsePositive(parts.get("COUNT") as string) : null;
  const until = parts.has("UNTIL") ? parseUntil(parts.get("UNTIL") as string) : null;
  const byDay = parts.has("BYDAY") ? parseList(parts.get("BYDAY") as string, parseByDay) : [];
  const byMonthDay = parts.has("BYMONTHDAY") ? parseList(parts.get("BYMONTHDAY") as string, (v) => parseSignedInRange(v, 31)) : [];
  const byMonth = parts.has("BYMONTH") ? parseList(parts.get("BYMONTH") as string, (v) => parsePositiveInRange(v, 12)) : [];
  const wkst = parts.has("WKST") ? WEEKDAY_CODES.indexOf(parts.get("WKST") as (typeof WEEKDAY_CODES)[number]) : 1;

  if (interval === null || (count === null && parts.has("COUNT")) || (until === null && parts.has("UNTIL"))) return null;
  if (byDay === null || byMonthDay === null || byMonth === null || wkst < 0) return null;
  if (count !== null && until !== null) return null;
  const ordinalLimit = freq === "MONTHLY" ? 5 : freq === "YEARLY" ? 53 : 0;
  if (byDay.some((b) => b.ordinal !== null && Math.abs(b.ordinal) > ordinalLimit)) return null;
  if (freq === "WEEKLY" && byMonthDay.length > 0) return null;
  return { freq, interval, count, until, byDay, byMonthDay, byMonth, wkst };
}

/** Canonical text: FREQ;INTERVAL;BYMONTH;BYMONTHDAY;BYDAY;COUNT;UNTIL, INTERVAL left out when 1, WKST appended only when not MO. */
export function formatRRule(rule: RRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth.length > 0) parts.push(`BYMONTH=${rule.byMonth.join(",")}`);
  if (rule.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(",")}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.map((b) => `${b.ordinal ?? ""}${WEEKDAY_CODES[b.weekday]}`).join(",")}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  if (rule.wkst !== 1) parts.push(`WKST=${WEEKDAY_CODES[rule.wkst]}`);
  return parts.join(";");
}

function formatUntil(until: RRuleUntil): string {
  const date = formatDate(until.date).replace(/-/g, "");
  if (until.kind === "date") return date;
  const time = [until.time.h, until.time.mi, until.time.s].map((n) => String(n).padStart(2, "0")).join("");
  return `${date}T${time}${until.kind === "utc" ? "Z" : ""}`;
}

function parseUntil(value: string): RRuleUntil | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (!isValidDate(date.y, date.m, date.d)) return null;
  if (m[4] === undefined) return { kind: "date", date };
  const time = { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6]) };
  // 60 seconds is allowed by RFC 5545 for leap seconds; this subset does not model them.
  if (time.h > 23 || time.mi > 59 || time.s > 59) return null;
  return { kind: m[7] === "Z" ? "utc" : "floating", date, time };
}

function parseByDay(value: string): ByDay | null {
  const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(value);
  if (!m) return null;
  const weekday = WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number]);
  if (m[1] === undefined) return { weekday, ordinal: null };
  const ordinal = Number(m[1]);
  return ordinal === 0 ? null : { weekday, ordinal };
}

function parseList<T>(value: string, item: (v: string) => T | null): T[] | null {
  const out: T[] = [];
  for (const v of value.split(",")) {
    const parsed = item(v);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

function parsePositive(value: string): number | null {
  return /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

function parsePositiveInRange(value: string, max: number): number | null {
  const n = parsePositive(value);
  return n !== null && n <= max ? n : null;
}

function parseSignedInRange(value: string, max: number): number | null {
  if (!/^[+-]?\d{1,2}$/.test(value)) return null;
  const n = Number(value);
  return n !== 0 && Math.abs(n) <= max ? n : null;
}
