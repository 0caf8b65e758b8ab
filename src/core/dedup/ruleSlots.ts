/**
 * Where recurring records can occur, by wall-clock position in the week: a rule's occurrences all start at
 * DTSTART's time of day in its zone, on a known set of weekdays. So a dated start needs testing only against
 * the rules of each zone whose weekly position is within the tolerance of the start's position in that zone,
 * instead of against every rule. Rules that end (COUNT, UNTIL) are filed under each PERIOD they are active
 * in as well, so ended seasons cost nothing; open-ended ones are filed once, for all time.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from "../time/civil.js";
import { Buckets } from "./buckets.js";
import { LocalWeek } from "./localWeek.js";
import type { Series } from "./series.js";

const WEEK = 7 * MS_PER_DAY;
/** Width of the time partition for rules that end: four weeks. */
const PERIOD = 4 * WEEK;
/** A rule active in more periods than this (about ten years) is filed as open-ended. */
const MAX_PERIODS = 130;

/** An item stored under a series (the index stores its entries). */
export interface SlotItem {
  series: Series;
}

/** One zone's timed rules: open-ended ones by slot, ending ones by (period, slot). */
interface ZoneSlots<T> {
  open: Buckets<T>;
  ending: Buckets<T>;
}

export class RuleSlots<T extends SlotItem> {
  private readonly timed = new Map<string, ZoneSlots<T>>();
  /** All-day rules by weekday (few: no time partition). */
  private readonly allDay = new Buckets<T>();
  private readonly slotsPerWeek: number;
  private readonly slotWidth: number;
  private readonly localWeek: LocalWeek;

  /** Slots are at least `toleranceMs` wide (one minute at least) and divide the week evenly, so wrapping is exact. */
  constructor(private readonly toleranceMs: number) {
    this.slotsPerWeek = Math.max(1, Math.floor(WEEK / Math.max(toleranceMs, MS_PER_MINUTE)));
    this.slotWidth = WEEK / this.slotsPerWeek;
    this.localWeek = new LocalWeek(toleranceMs + MS_PER_DAY);
  }

  add(item: T): void {
    this.file(item, "add");
  }

  remove(item: T): void {
    this.file(item, "remove");
  }

  /** Calls `visit` with every timed rule that may have an occurrence within the tolerance of `epoch`. */
  visitTimed(epoch: number, visit: (item: T) => void): void {
    // An ending rule is filed in every period its occurrences ± the tolerance touch, so `epoch`'s own will do.
    const period = Math.floor(epoch / PERIOD);
    for (const [zone, slots] of this.timed) {
      // Near an offset change wall-clock and elapsed time part ways (and gap times shift forward): widen by it.
      const { position, shift } = this.localWeek.positionOf(epoch, zone);
      const reach = this.toleranceMs + shift;
      const first = Math.floor((position - reach) / this.slotWidth);
      const last = Math.min(Math.floor((position + reach) / this.slotWidth), first + this.slotsPerWeek - 1);
      for (let s = first; s <= last; s++) {
        const slot = ((s % this.slotsPerWeek) + this.slotsPerWeek) % this.slotsPerWeek;
        slots.open.get(slot).forEach(visit);
        slots.ending.get(period * this.slotsPerWeek + slot).forEach(visit);
      }
    }
  }

  /** Calls `visit` with every all-day rule that may occur on a date with this weekday (0 = Sunday). */
  visitAllDay(weekday: number, visit: (item: T) => void): void {
    this.allDay.get(weekday).forEach(visit);
  }

  private file(item: T, action: "add" | "remove"): void {
    const { series } = item;
    if (series.start.time === null) {
      for (const weekday of series.weekdays) this.allDay[action](weekday, item);
      return;
    }
    let slots = this.timed.get(series.zone);
    if (!slots) this.timed.set(series.zone, (slots = { open: new Buckets<T>(), ending: new Buckets<T>() }));
    const from = Math.floor((series.first - this.toleranceMs) / PERIOD);
    const to = Math.floor((series.last + this.toleranceMs) / PERIOD);
    const periods = Number.isFinite(to) && to - from < MAX_PERIODS ? to - from + 1 : 0;
    for (const weekday of series.weekdays) {
      const slot = Math.floor((weekday * MS_PER_DAY + series.timeOfDay) / this.slotWidth);
      if (periods === 0) slots.open[action](slot, item);
      for (let i = 0; i < periods; i++) slots.ending[action]((from + i) * this.slotsPerWeek + slot, item);
    }
  }
}
