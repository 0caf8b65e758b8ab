/** Instants of a stored event, read the way the store computes them (all-day dates at midnight in the event's zone). */
import { zonedToEpoch, parseIsoInstant } from "../core/time/zone.js";
import type { StoredEvent } from "../ports/eventStore.js";

/** The epoch ms the event starts. */
export function startEpochOf(event: Pick<StoredEvent, "start" | "allDay" | "timezone">): number {
  if (event.allDay) {
    const [y, m, d] = event.start.split("-").map(Number);
    return zonedToEpoch({ y, m, d }, { h: 0, mi: 0, s: 0 }, event.timezone);
  }
  return parseIsoInstant(event.start, event.timezone) ?? Number.NaN;
}
