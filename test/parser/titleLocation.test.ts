// Title and location: what the event is once date/time/price phrases and connectors are removed, and the
// place after "at", "@", "in", "on <street>" or a separator; noise (prices, URLs, emoji, RSVP:, Reminder:).
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("location markers", () => {
  it("reads the place after 'at'", () => {
    const text = "Lunch with Dana tomorrow at 1pm at Cafe Luna";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Lunch with Dana", location: "Cafe Luna", start: "2027-02-11T13:00:00-05:00" });
    expectComponent(text, event, "location", "Cafe Luna");
  });

  it("reads the place after '@'", () => {
    const text = "Drinks Friday 7pm @ The Brass Tap";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Drinks", location: "The Brass Tap" });
    expectComponent(text, event, "location", "The Brass Tap");
  });

  it("reads the place after 'in' before the date", () => {
    expect(only("Picnic in Prospect Park on Saturday at 2pm", NY)).toMatchObject({
      title: "Picnic",
      location: "Prospect Park",
      start: "2027-02-13T14:00:00-05:00",
    });
  });

  it("reads a place in the middle, before the date ('Meet Sam at Blue Bottle tomorrow 9am')", () => {
    expect(only("Meet Sam at Blue Bottle tomorrow 9am", NY)).toMatchObject({ title: "Meet Sam", location: "Blue Bottle" });
  });

  it("reads 'on <street>'", () => {
    expect(only("Street fair Saturday 11am-5pm on Atlantic Avenue", NY)).toMatchObject({
      title: "Street fair",
      location: "Atlantic Avenue",
    });
  });

  it("reads a place after a time and another 'at'", () => {
    expect(only("Doctor's appointment at 2:15pm on Feb 17 at Mercy Hospital", NY)).toMatchObject({
      title: "Doctor's appointment",
      location: "Mercy Hospital",
      start: "2027-02-17T14:15:00-05:00",
    });
  });
});

describe("kinds of place", () => {
  it("reads a room", () => {
    const text = "Staff meeting Thursday at 10am in Room 312";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Staff meeting", location: "Room 312" });
    expectComponent(text, event, "location", "Room 312");
  });

  it("reads a venue with an address", () => {
    const text = "Pottery class Thursday 6pm @ Clay Works, 122 E 7th St";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Pottery class", location: "Clay Works, 122 E 7th St" });
    expectComponent(text, event, "location", "Clay Works, 122 E 7th St");
  });

  it("reads a venue, an address and a city", () => {
    expect(only("Tango milonga Saturday 9pm at Dance Hall, 39 W 19th St, New York", NY)).toMatchObject({
      title: "Tango milonga",
      location: "Dance Hall, 39 W 19th St, New York",
    });
  });

  it("accepts the venue with or without 'the'", () => {
    const event = only("Winter gala Saturday at 7pm at the Grand Hyatt", NY);
    expect(event.title).toBe("Winter gala");
    expect(["the Grand Hyatt", "Grand Hyatt"]).toContain(event.location);
  });

  it("reads the place after separators ('Spin class - Mon 2/15 - 7:00 AM - Downtown Gym')", () => {
    expect(only("Spin class - Mon 2/15 - 7:00 AM - Downtown Gym", NY)).toMatchObject({
      title: "Spin class",
      location: "Downtown Gym",
      start: "2027-02-15T07:00:00-05:00",
    });
  });

  it("regression 'Rehearsal in Room 9 tomorrow at 7pm': a room number is not the time", () => {
    expect(only("Rehearsal in Room 9 tomorrow at 7pm", NY)).toMatchObject({ title: "Rehearsal", location: "Room 9", start: "2027-02-11T19:00:00-05:00" });
    expect(only("Rehearsal in Studio 9 tomorrow at 7pm", NY)).toMatchObject({ location: "Studio 9", start: "2027-02-11T19:00:00-05:00" });
  });

  it("reads a room written after the time", () => {
    expect(only("Rehearsal tomorrow at 7pm in Studio 9", NY)).toMatchObject({
      title: "Rehearsal",
      location: "Studio 9",
      start: "2027-02-11T19:00:00-05:00",
    });
  });

  it("gives null when there is no place", () => {
    const event = only("Gym tomorrow 7am", NY);
    expect(event.location).toBeNull();
    expect(event.components.location).toBeUndefined();
  });
});

describe("title", () => {
  it("keeps the author's words and casing", () => {
    expect(only("Board Meeting with ACME Corp Friday 10am", NY).title).toBe("Board Meeting with ACME Corp");
  });

  it("removes the date and time phrase from the middle of the text", () => {
    const text = "Call mom tomorrow at 6pm about the trip";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T18:00:00-05:00");
    expect(event.title).toBe("Call mom about the trip");
  });

  it("removes 'Join us for the' from an invitation", () => {
    const event = only("Join us for the Spring Charity Gala on Saturday, March 6 at 7 PM at the Plaza", NY);
    expect(event).toMatchObject({ title: "Spring Charity Gala", start: "2027-03-06T19:00:00-05:00" });
    expect(["the Plaza", "Plaza"]).toContain(event.location);
  });

  it("keeps a colon title ('Lecture: Intro to Statistics')", () => {
    const event = only("Lecture: Intro to Statistics, Thu Feb 11, 10:00–11:30, Hall B", NY);
    expect(["Lecture: Intro to Statistics", "Intro to Statistics"]).toContain(event.title);
    expect(event).toMatchObject({ start: "2027-02-11T10:00:00-05:00", end: "2027-02-11T11:30:00-05:00", location: "Hall B" });
  });
});

describe("schedule lines: the date first, then the title, then the place", () => {
  it("reads the item after the title as the place ('Mon/Wed · 6–7pm · Yoga · Studio B')", () => {
    const text = "Mon/Wed · 6–7pm · Yoga · Studio B";
    const event = only(text, NY);
    expect(event).toMatchObject({ title: "Yoga", location: "Studio B", start: "2027-02-10T18:00:00-05:00", end: "2027-02-10T19:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=MO,WE" });
    expectComponent(text, event, "title", "Yoga");
    expectComponent(text, event, "location", "Studio B");
  });

  it("does so with bars and dashes as separators", () => {
    expect(only("Tue 7pm | Pottery | Room 4", NY)).toMatchObject({ title: "Pottery", location: "Room 4", start: "2027-02-16T19:00:00-05:00" });
    expect(only("Saturdays 10am - Kids Coding Club - Library Annex", NY)).toMatchObject({ title: "Kids Coding Club", location: "Library Annex", recurrence: "FREQ=WEEKLY;BYDAY=SA" });
  });

  it("takes no place from an item that is an instruction, a price or an unread clock time", () => {
    expect(only("Thu 6pm · Book Club · bring snacks", NY)).toMatchObject({ title: "Book Club", location: null });
    expect(only("Fri 8pm | Jazz Night | Free entry", NY)).toMatchObject({ title: "Jazz Night", location: null });
    expect(only("Fri 8pm | Jazz Night | 9:30äm", NY)).toMatchObject({ title: "Jazz Night", location: null });
  });
});

describe("noise", () => {
  it("drops a price after the place", () => {
    expect(only("Comedy night Friday 8pm at The Laugh Factory, $20 tickets", NY)).toMatchObject({
      title: "Comedy night",
      location: "The Laugh Factory",
    });
  });

  it("drops a URL", () => {
    const event = only("Open mic Thursday 7pm at Joe's Bar | https://joesbar.example/open-mic", NY);
    expect(event).toMatchObject({ title: "Open mic", location: "Joe's Bar" });
  });

  it("drops emoji around the title", () => {
    const event = only("🎉 Launch party 🎉 Friday 6pm", NY);
    expect(event).toMatchObject({ title: "Launch party", start: "2027-02-12T18:00:00-05:00" });
  });

  it("drops an 'RSVP:' prefix", () => {
    expect(only("RSVP: Jake's bday drinks Thursday 8pm @ Murphy's Pub", NY)).toMatchObject({
      title: "Jake's bday drinks",
      location: "Murphy's Pub",
    });
  });

  it("drops a 'Reminder:' prefix, a linking 'is' and trailing exclamation marks", () => {
    expect(only("Reminder: Project deadline is Friday 5pm!!", NY)).toMatchObject({
      title: "Project deadline",
      start: "2027-02-12T17:00:00-05:00",
      location: null,
    });
  });

  it("reads a pasted flyer with pipes, price and website", () => {
    const event = only("💃 FRIDAY NIGHT SALSA 💃 Feb 12 | 9PM - 2AM | Copacabana, 268 W 47th St | $15 at the door | www.example.com", NY);
    expect(event.title.toLowerCase()).toBe("friday night salsa");
    expect(event).toMatchObject({
      start: "2027-02-12T21:00:00-05:00",
      end: "2027-02-13T02:00:00-05:00",
      location: "Copacabana, 268 W 47th St",
    });
  });
});
