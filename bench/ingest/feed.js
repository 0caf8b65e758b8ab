/**
 * A synthetic iCalendar feed of N events for the ingest benchmark: single events with TZIDs, weekly rules with
 * EXDATEs, all-day events, escaped text; seeded, so (n, seed) always gives the same bytes.
 */
import { prng } from "../dedup/synthetic.js";

const ZONES = ["America/New_York", "Europe/Berlin", "America/Los_Angeles", "Europe/London"];
const TITLES = ["Salsa Social", "Jazz Jam", "Open Mic", "Beginners Yoga", "Book Club", "Python Meetup", "Film Screening", "Pottery Workshop", "Choir Rehearsal", "Chess Club"];
const VENUES = ["Blue Note", "Havana Club", "Community Hall", "Public Library", "The Loft", "Union Hall"];
const pad = (n) => String(n).padStart(2, "0");

/** `YYYYMMDDTHHMMSS` of a UTC-based civil date offset by `day` days from 2027-01-04. */
function stamp(day, hour, minute) {
  const d = new Date(Date.UTC(2027, 0, 4 + day, hour, minute));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(hour)}${pad(minute)}00`;
}

export function syntheticFeed(n, seed = 7) {
  const random = prng(seed);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//calendar-api//bench//EN"];
  for (let i = 0; i < n; i++) {
    const zone = ZONES[Math.floor(random() * ZONES.length)];
    const title = `${TITLES[Math.floor(random() * TITLES.length)]} #${i}`;
    const venue = VENUES[Math.floor(random() * VENUES.length)];
    const day = Math.floor(random() * 365);
    const hour = 9 + Math.floor(random() * 12);
    const kind = random();
    lines.push("BEGIN:VEVENT", `UID:bench-${seed}-${i}@calendar-api.test`, "DTSTAMP:20261201T000000Z");
    if (kind < 0.1) {
      const date = stamp(day, 0, 0).slice(0, 8);
      const next = stamp(day + 1, 0, 0).slice(0, 8);
      lines.push(`DTSTART;VALUE=DATE:${date}`, `DTEND;VALUE=DATE:${next}`);
    } else {
      lines.push(`DTSTART;TZID=${zone}:${stamp(day, hour, 0)}`, `DTEND;TZID=${zone}:${stamp(day, hour + 2, 30)}`);
      if (kind < 0.3) lines.push("RRULE:FREQ=WEEKLY;COUNT=10", `EXDATE;TZID=${zone}:${stamp(day + 14, hour, 0)}`);
    }
    lines.push(`SUMMARY:${title}`, `LOCATION:${venue}\\, Room ${1 + (i % 9)}`, "DESCRIPTION:Bring a friend\\; all welcome.", "END:VEVENT");
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}
