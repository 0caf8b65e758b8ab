// Builders for dedup records from readable local times; every record names its zone.
import type { DedupRecord } from "../../src/core/dedup/types.js";
import { parseIsoInstant } from "../../src/core/time/zone.js";

export const NY = "America/New_York";
export const BERLIN = "Europe/Berlin";

type Extra = Partial<Pick<DedupRecord, "uid" | "location" | "recurrence" | "exdates">>;

/** A timed record starting at `local` (`YYYY-MM-DDTHH:MM`, wall-clock time in `zone`). */
export function timed(key: string, title: string, local: string, zone: string, extra: Extra = {}): DedupRecord {
  const startEpoch = parseIsoInstant(local, zone);
  if (startEpoch === null) throw new Error(`bad local time in test: ${local}`);
  return { key, uid: null, title, location: null, startEpoch, allDay: false, start: local, timezone: zone, recurrence: null, ...extra };
}

/** An all-day record on `date` (`YYYY-MM-DD`); its epoch is the UTC midnight of the date. */
export function allDay(key: string, title: string, date: string, zone: string, extra: Extra = {}): DedupRecord {
  return { key, uid: null, title, location: null, startEpoch: Date.parse(`${date}T00:00:00Z`), allDay: true, start: date, timezone: zone, recurrence: null, ...extra };
}
