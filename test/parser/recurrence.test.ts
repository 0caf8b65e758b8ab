// Recurring events: the RRULE, the first occurrence at or after the reference, and the zone it repeats in.
import { describe, expect, it } from "vitest";
import { expectComponent, expectRule, only } from "./helpers.js";

const ZONE = "America/New_York";
// Wednesday 10 February 2027, 09:00 EST. This week: Mon 8 … Sun 14 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: ZONE };

describe("daily", () => {
  it("starts tomorrow when today's time has passed ('daily at 8am')", () => {
    const text = "Take vitamins daily at 8am";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Take vitamins", start: "2027-02-11T08:00:00-05:00", end: null, allDay: false, timezone: ZONE });
    expectRule(event.recurrence, "FREQ=DAILY");
    expectComponent(text, event, "recurrence", "daily");
  });

  it("starts today when today's time is ahead ('every day at 6pm')", () => {
    const event = only("Stretch every day at 6pm", NY);
    expect(event.start).toBe("2027-02-10T18:00:00-05:00");
    expectRule(event.recurrence, "FREQ=DAILY");
  });

  it("reads 'every 3 days' as an interval", () => {
    const event = only("Water the ferns every 3 days at 8am", NY);
    expect(event.start).toBe("2027-02-11T08:00:00-05:00");
    expectRule(event.recurrence, "FREQ=DAILY;INTERVAL=3");
  });
});

describe("weekdays and weekends", () => {
  it("reads 'every weekday' as Monday to Friday", () => {
    const text = "Team standup every weekday at 9:30am for 15 minutes";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Team standup", start: "2027-02-10T09:30:00-05:00", end: "2027-02-10T09:45:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expectComponent(text, event, "recurrence", "every weekday");
  });

  it("starts 'every weekday' on Monday when written on a Saturday", () => {
    const saturday = { reference: "2027-02-13T10:00:00-05:00", timezone: ZONE };
    const event = only("Standup every weekday at 9:30am", saturday);
    expect(event.start).toBe("2027-02-15T09:30:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  });

  it("reads 'every weekend' as Saturday and Sunday", () => {
    const event = only("Farmers market every weekend at 8am", NY);
    expect(event.start).toBe("2027-02-13T08:00:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=SA,SU");
  });

  it("reads 'every day except Saturday'", () => {
    const event = only("Morning run at 7am every day except Saturday", NY);
    expect(event).toMatchObject({ title: "Morning run", start: "2027-02-11T07:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SU");
  });
});

describe("weekly on given days", () => {
  it("reads 'every Monday, Wednesday and Friday' and starts today", () => {
    const event = only("Gym every Monday, Wednesday and Friday at 6pm", NY);
    expect(event).toMatchObject({ title: "Gym", start: "2027-02-10T18:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO,WE,FR");
  });

  it("writes BYDAY Monday first whatever the written order", () => {
    const event = only("Pilates every Friday and Monday at 8am", NY);
    expect(event.start).toBe("2027-02-12T08:00:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO,FR");
  });

  it("reads 'Tue/Thu 3-5pm'", () => {
    const event = only("Office hours Tue/Thu 3-5pm", NY);
    expect(event).toMatchObject({ title: "Office hours", start: "2027-02-11T15:00:00-05:00", end: "2027-02-11T17:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TU,TH");
  });

  it("reads a plural weekday as weekly ('Tuesdays 8-11pm')", () => {
    const event = only("Swing dance Tuesdays 8-11pm at the Elks Lodge", NY);
    expect(event).toMatchObject({ title: "Swing dance", start: "2027-02-16T20:00:00-05:00", end: "2027-02-16T23:00:00-05:00" });
    expect(["the Elks Lodge", "Elks Lodge"]).toContain(event.location);
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TU");
  });

  it("starts today when the weekday is today and the time is ahead ('Mondays at 2pm' on a Monday morning)", () => {
    const monday = { reference: "2027-02-08T10:00:00-05:00", timezone: ZONE };
    const event = only("Weekly 1:1 with Priya on Mondays at 2pm", monday);
    expect(event).toMatchObject({ title: "1:1 with Priya", start: "2027-02-08T14:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO");
  });

  it("skips to next week when today's time has passed", () => {
    const monday = { reference: "2027-02-08T10:00:00-05:00", timezone: ZONE };
    expect(only("Weekly sync every Monday at 9am", monday).start).toBe("2027-02-15T09:00:00-05:00");
  });

  it("gives an all-day rule for a weekday without a time", () => {
    const event = only("Trash pickup every Thursday", NY);
    expect(event).toMatchObject({ title: "Trash pickup", start: "2027-02-11", allDay: true, end: null });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TH");
  });

  it("keeps an overnight range in a weekly rule ('every Friday 9pm-1am')", () => {
    const event = only("Salsa social every Friday 9pm-1am at Havana Club, $10 cover", NY);
    expect(event).toMatchObject({
      title: "Salsa social",
      start: "2027-02-12T21:00:00-05:00",
      end: "2027-02-13T01:00:00-05:00",
      location: "Havana Club",
    });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=FR");
  });
});

describe("intervals", () => {
  it("reads 'every other Thursday'", () => {
    const text = "Book club every other Thursday at 7pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T19:00:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    expectComponent(text, event, "recurrence", "every other Thursday");
  });

  it("reads 'every two weeks on Friday starting March 5'", () => {
    const event = only("Payroll every two weeks on Friday starting March 5", NY);
    expect(event).toMatchObject({ title: "Payroll", start: "2027-03-05", allDay: true });
    expectRule(event.recurrence, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
  });

  it("reads 'every 3 weeks on Monday'", () => {
    const event = only("Haircut every 3 weeks on Monday at 5pm", NY);
    expect(event.start).toBe("2027-02-15T17:00:00-05:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO");
  });
});

describe("monthly", () => {
  it("reads 'first Sunday of every month'", () => {
    const event = only("Bachata workshop first Sunday of every month 2-4pm", NY);
    // 7 February has passed; the next first Sunday is 7 March (still EST).
    expect(event).toMatchObject({ title: "Bachata workshop", start: "2027-03-07T14:00:00-05:00", end: "2027-03-07T16:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=MONTHLY;BYDAY=1SU");
  });

  it("reads 'last Thursday of each month'", () => {
    const event = only("Board meeting last Thursday of each month at 4pm", NY);
    expect(event).toMatchObject({ title: "Board meeting", start: "2027-02-25T16:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=MONTHLY;BYDAY=-1TH");
  });

  it("reads 'on the 15th monthly' as an all-day monthly rule", () => {
    const event = only("Pay credit card on the 15th monthly", NY);
    expect(event).toMatchObject({ title: "Pay credit card", start: "2027-02-15", allDay: true });
    expectRule(event.recurrence, "FREQ=MONTHLY;BYMONTHDAY=15");
  });

  it("reads 'on the 1st of every month'", () => {
    const event = only("Rent due on the 1st of every month", NY);
    expect(event).toMatchObject({ title: "Rent due", start: "2027-03-01", allDay: true });
    expectRule(event.recurrence, "FREQ=MONTHLY;BYMONTHDAY=1");
  });

  it("starts today when today is the day of the month and the time is ahead", () => {
    const event = only("Budget review on the 10th of every month at 6pm", NY);
    expect(event.start).toBe("2027-02-10T18:00:00-05:00");
    expectRule(event.recurrence, "FREQ=MONTHLY;BYMONTHDAY=10");
  });

  it("reads 'every month on the 20th at 7pm'", () => {
    const event = only("Writers circle every month on the 20th at 7pm", NY);
    expect(event.start).toBe("2027-02-20T19:00:00-05:00");
    expectRule(event.recurrence, "FREQ=MONTHLY;BYMONTHDAY=20");
  });
});

describe("yearly", () => {
  it("reads 'every year on June 14'", () => {
    const event = only("Anniversary every year on June 14", NY);
    expect(event).toMatchObject({ title: "Anniversary", start: "2027-06-14", allDay: true });
    expectRule(event.recurrence, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=14");
  });

  it("starts next year when this year's date has passed", () => {
    const event = only("Dad's birthday every year on January 30", NY);
    expect(event.start).toBe("2028-01-30");
    expectRule(event.recurrence, "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=30");
  });
});

describe("bounds", () => {
  it("reads 'for 8 weeks' as COUNT=8", () => {
    const event = only("Piano lessons every Saturday at 10am for 8 weeks", NY);
    expect(event).toMatchObject({ title: "Piano lessons", start: "2027-02-13T10:00:00-05:00", end: null });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=SA;COUNT=8");
  });

  it("reads 'until March 4' as an inclusive floating UNTIL for a timed rule", () => {
    const event = only("Yoga every Tuesday and Thursday 6-7pm until March 4", NY);
    expect(event).toMatchObject({ title: "Yoga", start: "2027-02-11T18:00:00-05:00", end: "2027-02-11T19:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270304T235959");
  });

  it("reads 'until March 25' as a date UNTIL for an all-day rule", () => {
    const event = only("Recycling every Thursday until March 25", NY);
    expect(event).toMatchObject({ start: "2027-02-11", allDay: true });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270325");
  });

  it("starts on the 'starting' date", () => {
    const event = only("Book club every other Tuesday at 7pm starting March 2", NY);
    expect(event).toMatchObject({ title: "Book club", start: "2027-03-02T19:00:00-05:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
  });
});
