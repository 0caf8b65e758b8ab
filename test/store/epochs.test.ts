/** The instants an event occupies: what the window query compares. */
import { describe, expect, it } from "vitest";
import { eventEpochs, MAX_EXPANDED_OCCURRENCES, OPEN_END_EPOCH } from "../../src/adapters/store/epochs.js";

const at = (iso: string): number => Date.parse(iso);
const timed = { allDay: false, timezone: "UTC", recurrence: null };

describe("eventEpochs", () => {
  it("a timed event spans start to end; without an end, its start instant", () => {
    expect(eventEpochs({ ...timed, start: "2026-03-10T10:00:00+01:00", end: "2026-03-10T12:00:00+01:00" })).toEqual({
      startEpoch: at("2026-03-10T09:00:00Z"),
      endEpoch: at("2026-03-10T11:00:00Z"),
    });
    expect(eventEpochs({ ...timed, start: "2026-03-10T10:00:00Z", end: null })).toEqual({ startEpoch: at("2026-03-10T10:00:00Z"), endEpoch: at("2026-03-10T10:00:00Z") });
  });

  it("an offset-less time is wall-clock time in the event's zone", () => {
    expect(eventEpochs({ ...timed, timezone: "Asia/Tokyo", start: "2026-03-10T09:00:00", end: null }).startEpoch).toBe(at("2026-03-10T00:00:00Z"));
  });

  it("an end before the start counts as the start", () => {
    expect(eventEpochs({ ...timed, start: "2026-03-10T10:00:00Z", end: "2026-03-10T09:00:00Z" }).endEpoch).toBe(at("2026-03-10T10:00:00Z"));
  });

  it("all-day dates are midnights in the event's zone; no end means one day", () => {
    expect(eventEpochs({ start: "2026-03-10", end: null, allDay: true, timezone: "Pacific/Auckland", recurrence: null })).toEqual({
      startEpoch: at("2026-03-09T11:00:00Z"),
      endEpoch: at("2026-03-10T11:00:00Z"),
    });
    // The US switches to daylight time on 2026-03-08: the "two days" are 47 hours long.
    expect(eventEpochs({ start: "2026-03-07", end: "2026-03-09", allDay: true, timezone: "America/New_York", recurrence: null })).toEqual({
      startEpoch: at("2026-03-07T05:00:00Z"),
      endEpoch: at("2026-03-09T04:00:00Z"),
    });
  });

  it("a rule without COUNT or UNTIL, or one that cannot be read, is open", () => {
    expect(eventEpochs({ ...timed, start: "2026-03-10T10:00:00Z", end: null, recurrence: "FREQ=WEEKLY" }).endEpoch).toBe(OPEN_END_EPOCH);
    expect(eventEpochs({ ...timed, start: "2026-03-10T10:00:00Z", end: null, recurrence: "FREQ=HOURLY" }).endEpoch).toBe(OPEN_END_EPOCH);
    expect(OPEN_END_EPOCH).toBe(at("+010000-01-01T00:00:00Z"));
  });

  it("COUNT ends at the last occurrence's end, in wall-clock time across DST", () => {
    // Mondays 09:00–10:00 New York from 2026-03-02 (EST): the third, 2026-03-16, is in EDT (13:00Z).
    expect(eventEpochs({ start: "2026-03-02T09:00:00-05:00", end: "2026-03-02T10:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: "FREQ=WEEKLY;COUNT=3" }).endEpoch).toBe(
      at("2026-03-16T14:00:00Z"),
    );
  });

  it("UNTIL ends at the last occurrence on or before it", () => {
    expect(eventEpochs({ ...timed, start: "2026-01-01T08:00:00Z", end: "2026-01-01T09:00:00Z", recurrence: "FREQ=WEEKLY;UNTIL=20260131" }).endEpoch).toBe(at("2026-01-29T09:00:00Z"));
  });

  it("UNTIL before the start leaves the first instance only", () => {
    expect(eventEpochs({ ...timed, start: "2026-03-10T08:00:00Z", end: "2026-03-10T09:00:00Z", recurrence: "FREQ=DAILY;UNTIL=20260101" }).endEpoch).toBe(at("2026-03-10T09:00:00Z"));
  });

  it("an all-day rule ends after its last day", () => {
    expect(eventEpochs({ start: "2026-03-10", end: "2026-03-11", allDay: true, timezone: "UTC", recurrence: "FREQ=DAILY;COUNT=3" }).endEpoch).toBe(at("2026-03-13T00:00:00Z"));
  });

  it(`a rule longer than ${MAX_EXPANDED_OCCURRENCES} occurrences is bounded by UNTIL, or open with COUNT`, () => {
    const daily = { ...timed, start: "2026-01-01T08:00:00Z", end: "2026-01-01T09:00:00Z" };
    const untilBound = eventEpochs({ ...daily, recurrence: "FREQ=DAILY;UNTIL=20600101T000000Z" }).endEpoch;
    expect(untilBound).toBeGreaterThanOrEqual(at("2059-12-31T09:00:00Z"));
    expect(untilBound).toBeLessThan(at("2060-01-03T00:00:00Z"));
    expect(eventEpochs({ ...daily, recurrence: `FREQ=DAILY;COUNT=${MAX_EXPANDED_OCCURRENCES + 10}` }).endEpoch).toBe(OPEN_END_EPOCH);
  });

  it("names the field it cannot read", () => {
    expect(() => eventEpochs({ ...timed, start: "tomorrow", end: null })).toThrow(/^start:/);
    expect(() => eventEpochs({ ...timed, start: "2026-03-10T10:00:00Z", end: "later" })).toThrow(/^end:/);
    expect(() => eventEpochs({ start: "2026-02-30", end: null, allDay: true, timezone: "UTC", recurrence: null })).toThrow(/^start:/);
    expect(() => eventEpochs({ ...timed, timezone: "Mars/Olympus", start: "2026-03-10T10:00:00Z", end: null })).toThrow(/^timezone:/);
  });
});
