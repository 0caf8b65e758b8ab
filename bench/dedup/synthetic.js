/**
 * Synthetic event sets for the dedup benchmark: true events in six cities, announced by three sources
 * (an iCalendar feed, a web page, flyers), with about 30% of the records being further announcements of
 * an event already in the set, and some weekly classes given as a rule plus dated posts.
 *
 * Everything comes from a seeded PRNG, so a (size, seed) pair always gives the same records. The density
 * is fixed (about RECORDS_PER_DAY records per day over all cities); larger sets span more days, the way a
 * larger catalogue covers a longer period, so per-record work should stay flat as the size grows.
 */
import { parseIsoInstant } from "../../dist/core/time/zone.js";

export const RECORDS_PER_DAY = 150;
const FIRST_DAY = Date.UTC(2026, 0, 5); // a Monday
const DAY = 86_400_000;
const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

const CITIES = [
  { zone: "America/New_York", street: "Bleecker St" },
  { zone: "America/Chicago", street: "Halsted St" },
  { zone: "Europe/London", street: "Camden High St" },
  { zone: "Europe/Berlin", street: "Oranienstraße" },
  { zone: "Europe/Madrid", street: "Calle de Atocha" },
  { zone: "Asia/Tokyo", street: "Omotesando" },
];
const VENUES = [
  "Blue Note", "Havana Club", "Community Hall", "Public Library", "Riverside Park", "The Loft", "Corner Café",
  "Union Hall", "Art House", "Main Street Studio", "Old Town Brewery", "Grand Ballroom", "Lighthouse Bar",
  "Greenhouse Gallery", "St. Mary's Church", "Tech Hub", "Harbour Pavilion", "Little Theatre", "Rooftop Garden",
  "Music Academy", "Climbing Centre", "Market Square", "Science Museum", "Jazz Cellar",
];
const ACTIVITIES = [
  "Salsa Social", "Bachata Night", "Jazz Jam", "Open Mic", "Pub Quiz", "Book Club", "Life Drawing", "Board Game Night",
  "Beginners Yoga", "Vinyasa Flow", "Pottery Workshop", "Python Meetup", "JavaScript Meetup", "Startup Pitch Night",
  "Film Screening", "Poetry Reading", "Stand-up Comedy", "Karaoke Night", "Wine Tasting", "Craft Beer Tasting",
  "Choir Rehearsal", "Chess Club", "Running Club", "Photography Walk", "Tango Milonga", "Swing Dance",
  "Language Exchange", "Spanish Conversation", "Knitting Circle", "Silent Disco", "Trivia Night", "Meditation",
  "Pilates", "HIIT Bootcamp", "Repair Café", "Hackathon", "UX Meetup", "Data Science Meetup", "Rust Meetup",
  "Piano Recital", "String Quartet", "Gallery Opening", "Artist Talk", "Author Reading", "History Lecture",
  "Science Café", "Astronomy Night", "Story Time", "Cooking Class", "Bread Baking",
];
const QUALIFIERS = [
  "for Beginners", "Advanced", "Summer Edition", "Monthly", "Community", "Late Session", "Special", "with Maria",
  "with DJ Kenzo", "Vol. 3", "Vol. 7", "Live", "for Kids", "for Seniors", "in English", "Outdoors", "Marathon",
  "Showcase", "Masterclass", "Social", "Intensive", "Drop-in", "Members Only", "Charity Night", "Launch Party",
  "Weekender", "Unplugged", "After Dark", "Spring Session", "with Dr. Okafor",
];
const FAIRS = ["Farmers Market", "Street Fair", "Flea Market", "Book Fair", "Food Festival", "Craft Fair", "Open Studios Day"];

/** mulberry32: small, fast, good enough to make test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, "0");
const dateText = (epochDay) => new Date(epochDay).toISOString().slice(0, 10);

/**
 * `n` records and the true cluster of each (`truth`: key → true event id). Sources: `ical:` records carry
 * a UID, `web:` and `flyer:` ones mostly do not; rules come only from the feed.
 */
export function syntheticSet(n, seed = 1) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const days = Math.max(7, Math.round(n / RECORDS_PER_DAY));
  const records = [];
  const truth = new Map();
  let serial = 0;
  const push = (source, trueId, fields) => {
    const key = `${source}:${serial++}`;
    records.push({ key, uid: null, exdates: [], recurrence: null, ...fields });
    truth.set(key, trueId);
  };

  for (let trueId = 0; records.length < n; trueId++) {
    const city = pick(CITIES);
    const venue = pick(VENUES);
    const day = FIRST_DAY + Math.floor(random() * days) * DAY;
    const kind = random();
    if (kind < 0.05) {
      // An all-day fair: the date only.
      const title = `${pick(FAIRS)}${random() < 0.5 ? ` ${pick(["at", "@"])} ${venue}` : ""}`;
      const base = allDayFields(title, venue, city, dateText(day));
      push("web", trueId, base);
      if (random() < 0.45) push("flyer", trueId, { ...base, title: variantTitle(title, venue, random, pick), location: variantLocation(venue, city, random) });
      continue;
    }
    const title = random() < 0.3 ? pick(ACTIVITIES) : `${pick(ACTIVITIES)} ${pick(QUALIFIERS)}`;
    const minutes = 17 * 60 + Math.floor(random() * 20) * 15; // 17:00–21:45 local
    const local = `${dateText(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    const uid = `evt-${trueId}@feed.example`;
    if (kind < 0.08) {
      // A weekly class, usually for a season: the feed's rule, and a few dated posts on later occurrences.
      const weekday = WEEKDAY_CODES[new Date(day).getUTCDay()];
      const season = random();
      const weeks = 8 + Math.floor(random() * 9);
      const bound =
        season < 0.35 ? `;COUNT=${weeks}` : season < 0.7 ? `;UNTIL=${dateText(day + ((weeks - 1) * 7 + 1) * DAY).replace(/-/g, "")}T235959Z` : "";
      push("ical", trueId, { ...timedFields(title, venue, city, local), uid, recurrence: `FREQ=WEEKLY;BYDAY=${weekday}${bound}` });
      const posts = 1 + Math.floor(random() * 3);
      for (let p = 0; p < posts; p++) {
        const week = 1 + Math.floor(random() * (weeks - 1));
        const postLocal = `${dateText(day + week * 7 * DAY)}${local.slice(10)}`;
        push("web", trueId, { ...timedFields(variantTitle(title, venue, random, pick), null, city, postLocal) });
      }
      continue;
    }
    const base = { ...timedFields(title, venue, city, local), uid };
    push("ical", trueId, base);
    // About 0.38 further announcements per timed event; with class posts and fair copies ~30% of records repeat one.
    const copies = random() < 0.3 ? 1 : random() < 0.06 ? 2 : 0;
    for (let c = 0; c < copies; c++) {
      const source = random() < 0.5 ? "web" : "flyer";
      const jitter = random() < 0.6 ? 0 : random() < 0.93 ? (Math.floor(random() * 5) - 2) * 10 : 45; // minutes; 45 misses
      const startEpoch = base.startEpoch + jitter * 60_000;
      push(source, trueId, {
        ...base,
        uid: random() < 0.05 ? uid : null,
        title: variantTitle(title, venue, random, pick),
        location: variantLocation(venue, city, random),
        startEpoch,
      });
    }
  }
  records.length = n;
  for (const key of [...truth.keys()].slice(n)) truth.delete(key);
  shuffle(records, random);
  return { records, truth, days };
}

function timedFields(title, venue, city, local) {
  const startEpoch = parseIsoInstant(local, city.zone);
  return { title, location: venue, startEpoch, allDay: false, start: local, timezone: city.zone };
}

function allDayFields(title, venue, city, date) {
  return { title, location: venue, startEpoch: Date.parse(`${date}T00:00:00Z`), allDay: true, start: date, timezone: city.zone };
}

/** How another source writes the same title: case, punctuation, accents, word order, the venue added. */
function variantTitle(title, venue, random, pick) {
  const variants = [
    () => title.toUpperCase(),
    () => title.toLowerCase(),
    () => `${title} at ${venue}`,
    () => `${title} @ ${venue}`,
    () => `${title}!`,
    () => `${title} (free entry)`,
    () => title.normalize("NFKD").replace(/\p{M}/gu, ""),
    () => title.split(" ").reverse().join(" — "),
    () => `${pick(["Tonight:", "This week:", "NEW:"])} ${title}`,
    () => title,
  ];
  return pick(variants)();
}

/** How another source writes the venue: the same, missing, with an address, or shortened. */
function variantLocation(venue, city, random) {
  const r = random();
  if (r < 0.4) return venue;
  if (r < 0.7) return null;
  if (r < 0.9) return `${venue}, ${1 + Math.floor(random() * 300)} ${city.street}`;
  return venue.replace(/^The /, "").replace(/ (Hall|Club|Bar|Centre|Studio)$/, "");
}

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}
