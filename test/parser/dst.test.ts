// Daylight-saving changes: times in the spring gap move forward, ambiguous autumn times take the first
// instant, durations count real time, and recurrences keep their wall-clock time.
import { describe, expect, it } from "vitest";
import { expandRRule } from "../../src/core/recurrence/expand.js";
import { parseRRule } from "../../src/core/recurrence/rrule.js";
import { formatInstant } from "../../src/core/time/zone.js";
import { expectRule, instant, only } from "./helpers.js";

const ZONE = "America/New_York";
// Wednesday 10 February 2027, 09:00 EST. DST starts Sunday 14 March 2027 at 02:00 (clocks go to 03:00).
const WINTER = { reference: "2027-02-10T09:00:00-05:00", timezone: ZONE };
// Tuesday 20 October 2026, 10:00 EDT. DST ends Sunday 1 November 2026 at 02:00 (clocks go back to 01:00).
const AUTUMN = { reference: "2026-10-20T10:00:00-04:00", timezone: ZONE };

describe("spring forward", () => {
  it("moves a time in the gap forward by the gap (02:30 → 03:30 EDT)", () => {
    const event = only("Daylight saving check-in Sunday March 14 2027 at 2:30am", WINTER);
    expect(event.start).toBe("2027-03-14T03:30:00-04:00");
  });

  it("switches the offset between the day before and the day after", () => {
    expect(only("Breakfast March 13 at 9am", WINTER).start).toBe("2027-03-13T09:00:00-05:00");
    expect(only("Breakfast March 15 at 9am", WINTER).start).toBe("2027-03-15T09:00:00-04:00");
  });

  it("ends an overnight range after the change with the new offset", () => {
    expect(only("Party Saturday March 13 9pm-3am", WINTER)).toMatchObject({
      start: "2027-03-13T21:00:00-05:00",
      end: "2027-03-14T03:00:00-04:00",
    });
  });

  it("counts a duration across the gap in real time", () => {
    const event = only("Night hike March 13 at 11pm for 4 hours", WINTER);
    expect(event.start).toBe("2027-03-13T23:00:00-05:00");
    expect(instant(event.end)).toBe(instant("2027-03-14T04:00:00-04:00"));
  });
});

describe("other zones", () => {
  it("moves a time in Berlin's spring gap forward (28 March 2027, 02:30 → 03:30 CEST)", () => {
    const berlin = { reference: "2027-02-10T09:00:00+01:00", timezone: "Europe/Berlin" };
    expect(only("Server restart March 28 at 2:30am", berlin).start).toBe("2027-03-28T03:30:00+02:00");
  });

  it("reads Sydney's ambiguous 02:30 on 4 April 2027 as the first (+11:00)", () => {
    const sydney = { reference: "2027-03-01T09:00:00+11:00", timezone: "Australia/Sydney" };
    expect(only("Backup April 4 at 2:30am", sydney).start).toBe("2027-04-04T02:30:00+11:00");
  });
});

describe("fall back", () => {
  it("reads an ambiguous 01:30 as the first of the two (-04:00)", () => {
    expect(only("Server maintenance Nov 1 at 1:30am", AUTUMN).start).toBe("2026-11-01T01:30:00-04:00");
  });

  it("switches to -05:00 after the change", () => {
    expect(only("Dentist Nov 2 at 9am", AUTUMN).start).toBe("2026-11-02T09:00:00-05:00");
    expect(only("Dentist Oct 31 at 9am", AUTUMN).start).toBe("2026-10-31T09:00:00-04:00");
  });
});

describe("recurrences across a change", () => {
  it("keeps a weekly 9am rule at 9am wall-clock time across the spring change", () => {
    // Wednesday 10 March 2027, 10:00 EST: the first Friday is 12 March, before the change.
    const reference = { reference: "2027-03-10T10:00:00-05:00", timezone: ZONE };
    const event = only("Standup every Friday at 9am", reference);
    expect(event).toMatchObject({ start: "2027-03-12T09:00:00-05:00", timezone: ZONE, allDay: false });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=FR");

    const rule = parseRRule(event.recurrence ?? "");
    expect(rule).not.toBeNull();
    if (!rule) return;
    const occurrences = [...expandRRule(rule, { date: { y: 2027, m: 3, d: 12 }, time: { h: 9, mi: 0, s: 0 } }, { zone: event.timezone, limit: 3 })];
    expect(occurrences.map((o) => formatInstant(o.instant as number, ZONE))).toEqual([
      "2027-03-12T09:00:00-05:00",
      "2027-03-19T09:00:00-04:00",
      "2027-03-26T09:00:00-04:00",
    ]);
  });

  it("starts a weekly rule after the autumn change at the new offset", () => {
    // Friday 30 October 2026, 12:00 EDT: the first Monday is 2 November, after the change.
    const reference = { reference: "2026-10-30T12:00:00-04:00", timezone: ZONE };
    const event = only("Weekly sync every Monday at 9am", reference);
    expect(event.start).toBe("2026-11-02T09:00:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO");
    expect(event.timezone).toBe(ZONE);
  });
});
