// German texts (locale "de"): weekday and month names, "um 19 Uhr", "morgen", "jeden Mittwoch", day.month.
// dates; and picking the German locale from the text when none is passed.
import { describe, expect, it } from "vitest";
import { expectComponent, expectRule, only } from "./helpers.js";

const ZONE = "Europe/Berlin";
// Mittwoch, 10. Februar 2027, 09:00 in Berlin (+01:00; Sommerzeit beginnt am 28. März 2027).
const BERLIN = { reference: "2027-02-10T09:00:00+01:00", timezone: ZONE, locale: "de" };
const BERLIN_AUTO = { reference: "2027-02-10T09:00:00+01:00", timezone: ZONE };

describe("recurrence", () => {
  it("reads 'jeden Mittwoch 19 Uhr' and starts today", () => {
    const text = "Stammtisch jeden Mittwoch 19 Uhr";
    const event = only(text, BERLIN);
    expect(event).toMatchObject({ title: "Stammtisch", start: "2027-02-10T19:00:00+01:00", end: null, allDay: false, timezone: ZONE });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=WE");
    expectComponent(text, event, "recurrence", "jeden Mittwoch");
  });

  it("regression 'Yoga jeden Dienstag und Donnerstag um 18 Uhr': a German weekday list joined by 'und'", () => {
    const event = only("Yoga jeden Dienstag und Donnerstag um 18 Uhr", BERLIN);
    expect(event).toMatchObject({ title: "Yoga", start: "2027-02-11T18:00:00+01:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=TU,TH");
  });

  it("reads a plural weekday ('montags um 8 Uhr') as weekly", () => {
    const event = only("Teamrunde montags um 8 Uhr", BERLIN);
    expect(event.start).toBe("2027-02-15T08:00:00+01:00");
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=MO");
  });
});

describe("weekdays and relative days", () => {
  it("reads 'am Freitag um 15 Uhr'", () => {
    const text = "Zahnarzt am Freitag um 15 Uhr";
    const event = only(text, BERLIN);
    expect(event).toMatchObject({ title: "Zahnarzt", start: "2027-02-12T15:00:00+01:00" });
    expectComponent(text, event, "date", "Freitag");
  });

  it("reads 'morgen um 12:30'", () => {
    expect(only("Mittagessen morgen um 12:30", BERLIN)).toMatchObject({ title: "Mittagessen", start: "2027-02-11T12:30:00+01:00" });
  });

  it("reads 'heute um 16 Uhr'", () => {
    expect(only("Telefonat heute um 16 Uhr", BERLIN).start).toBe("2027-02-10T16:00:00+01:00");
  });
});

describe("month names and day.month dates", () => {
  it("reads 'am 14. März um 20 Uhr'", () => {
    const text = "Konzert am 14. März um 20 Uhr";
    const event = only(text, BERLIN);
    expect(event).toMatchObject({ title: "Konzert", start: "2027-03-14T20:00:00+01:00" });
    expectComponent(text, event, "time", "20 Uhr");
  });

  it("reads a date without a time as all-day ('am 3. Mai')", () => {
    expect(only("Geburtstag von Oma am 3. Mai", BERLIN)).toMatchObject({ title: "Geburtstag von Oma", start: "2027-05-03", allDay: true });
  });

  it("reads a weekday with a date ('Montag, 15. Februar um 10 Uhr')", () => {
    expect(only("Treffen am Montag, 15. Februar um 10 Uhr", BERLIN).start).toBe("2027-02-15T10:00:00+01:00");
  });

  it("reads DD.MM.YYYY as day then month", () => {
    expect(only("Sitzung 05.03.2027 14:00", BERLIN).start).toBe("2027-03-05T14:00:00+01:00");
  });

  it("reads an abbreviated month ('12. Dez.') with year rollover", () => {
    expect(only("Weihnachtsfeier am 12. Dez. um 18 Uhr", BERLIN).start).toBe("2027-12-12T18:00:00+01:00");
  });

  it("uses summer time after the change ('am 2. April')", () => {
    expect(only("Konzert am 2. April um 20 Uhr", BERLIN).start).toBe("2027-04-02T20:00:00+02:00");
  });
});

describe("locale detection", () => {
  it("reads a German text without a locale option as German", () => {
    const event = only("Stammtisch jeden Mittwoch 19 Uhr", BERLIN_AUTO);
    expect(event).toMatchObject({ title: "Stammtisch", start: "2027-02-10T19:00:00+01:00" });
    expectRule(event.recurrence, "FREQ=WEEKLY;BYDAY=WE");
  });

  it("detects German from a weekday name and 'Uhr'", () => {
    expect(only("Zahnarzt am Freitag um 15 Uhr", BERLIN_AUTO).start).toBe("2027-02-12T15:00:00+01:00");
  });

  it("regression 'Mittagessen morgen um 12:30': German is detected from 'morgen' without a locale option", () => {
    expect(only("Mittagessen morgen um 12:30", BERLIN_AUTO)).toMatchObject({ title: "Mittagessen", start: "2027-02-11T12:30:00+01:00" });
  });
});

describe("evening words are the locale's", () => {
  // "Konzert" is a German evening word and not an English one: a bare 7:30 is the evening in German only.
  // The same text read in the other locale just before must not change that (the answer is remembered
  // per text, and was once remembered for whichever locale read the text first).
  it("reads 'Konzert 7:30' as 19:30 in German, also right after an English reading of it", () => {
    const text = "Konzert 7:30";
    expect(only(text, { ...BERLIN, locale: "en" }).start).toBe("2027-02-11T07:30:00+01:00");
    expect(only(text, BERLIN).start).toBe("2027-02-10T19:30:00+01:00");
  });

  it("reads 'Konzert 8:30' as 08:30 in English, also right after a German reading of it", () => {
    const text = "Konzert 8:30";
    expect(only(text, BERLIN).start).toBe("2027-02-10T20:30:00+01:00");
    expect(only(text, { ...BERLIN, locale: "en" }).start).toBe("2027-02-11T08:30:00+01:00");
  });
});
