/**
 * Where an instant falls in the local week of a zone (ms since Sunday 00:00 wall-clock time), cheaply: the
 * offset is looked up once per zone and UTC day and reused while it is the same on both sides of a margin.
 */
import { MS_PER_DAY, MS_PER_MINUTE, weekdayOf } from "../time/civil.js";
import { epochToZoned, offsetAt } from "../time/zone.js";

/** The local position and how far wall-clock time may be off elapsed time nearby (an offset change). */
export interface WeekPosition {
  position: number;
  shift: number;
}

interface DayOffset {
  /** The offset in minutes when it is the same from `margin` before the day to `margin` after it; else null. */
  steady: number | null;
}

/**
 * Memoises, per zone and UTC day, whether the offset is steady around the day. Assumes offsets change at
 * most once within one day plus twice the margin (true of every IANA zone for margins below months).
 */
export class LocalWeek {
  private readonly days = new Map<string, Map<number, DayOffset>>();

  /** `margin`: how far around an instant an offset change matters (the tolerance plus a day). */
  constructor(private readonly margin: number) {}

  /** The instant's position in the local week of `zone`, and the offset change (ms) within the margin. */
  positionOf(epoch: number, zone: string): WeekPosition {
    const day = Math.floor(epoch / MS_PER_DAY);
    let perZone = this.days.get(zone);
    if (!perZone) this.days.set(zone, (perZone = new Map()));
    let memo = perZone.get(day);
    if (!memo) {
      const before = offsetAt(day * MS_PER_DAY - this.margin, zone);
      const after = offsetAt((day + 1) * MS_PER_DAY + this.margin, zone);
      memo = { steady: before === after ? before : null };
      perZone.set(day, memo);
    }
    if (memo.steady !== null) {
      const local = epoch + memo.steady * MS_PER_MINUTE;
      const localDay = Math.floor(local / MS_PER_DAY);
      // 1970-01-01 was a Thursday (weekday 4).
      return { position: (((localDay + 4) % 7) + 7) % 7 * MS_PER_DAY + (local - localDay * MS_PER_DAY), shift: 0 };
    }
    const local = epochToZoned(epoch, zone);
    const shift = Math.abs(offsetAt(epoch - this.margin, zone) - offsetAt(epoch + this.margin, zone)) * MS_PER_MINUTE;
    const time = ((local.time.h * 60 + local.time.mi) * 60 + local.time.s) * 1000 + (((epoch % 1000) + 1000) % 1000);
    return { position: weekdayOf(local.date) * MS_PER_DAY + time, shift };
  }
}
