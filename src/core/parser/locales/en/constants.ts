/** English vocabulary for the parser: names, number words, connector words and zones, as data. */
import type { LocaleConstants } from "../types.js";
import { EN_HOLIDAY_NAMES } from "./holidays.js";

const WEEKDAY_FORMS: string[][] = [
  ["sunday", "sun", "sun."],
  ["monday", "mon", "mon.", "mondy"],
  ["tuesday", "tue", "tue.", "tues", "tues.", "tu"],
  ["wednesday", "wed", "wed.", "weds", "wednes"],
  ["thursday", "thu", "thu.", "thur", "thurs", "thurs.", "th"],
  ["friday", "fri", "fri."],
  ["saturday", "sat", "sat."],
];

const MONTH_FORMS: string[][] = [
  ["january", "jan", "jan."],
  ["february", "feb", "feb.", "febr"],
  ["march", "mar", "mar."],
  ["april", "apr", "apr."],
  ["may"],
  ["june", "jun", "jun."],
  ["july", "jul", "jul."],
  ["august", "aug", "aug."],
  ["september", "sep", "sep.", "sept", "sept."],
  ["october", "oct", "oct."],
  ["november", "nov", "nov."],
  ["december", "dec", "dec."],
];

const toIndex = (forms: string[][], offset: number): Record<string, number> =>
  Object.fromEntries(forms.flatMap((names, i) => names.map((n) => [n, i + offset])));

const NUMBER_WORDS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];
const ORDINAL_WORDS = [
  "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
  "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
];

function numbers(): Record<string, number> {
  const out: Record<string, number> = { a: 1, an: 1, "a couple of": 2, "couple of": 2, "a couple": 2, "a few": 3, few: 3, several: 3, thirty: 30, forty: 40, "forty-five": 45, fifty: 50, sixty: 60, ninety: 90 };
  NUMBER_WORDS.forEach((w, i) => (out[w] = i));
  for (let i = 1; i <= 9; i++) out[`twenty-${NUMBER_WORDS[i]}`] = 20 + i;
  for (let i = 1; i <= 9; i++) out[`twenty ${NUMBER_WORDS[i]}`] = 20 + i;
  return out;
}

function ordinals(): Record<string, number> {
  const out: Record<string, number> = { last: -1, "second last": -2, "second to last": -2, thirtieth: 30, "thirty-first": 31, "thirty first": 31 };
  ORDINAL_WORDS.forEach((w, i) => i > 0 && (out[w] = i));
  for (let i = 1; i <= 9; i++) {
    out[`twenty-${ORDINAL_WORDS[i]}`] = 20 + i;
    out[`twenty ${ORDINAL_WORDS[i]}`] = 20 + i;
  }
  return out;
}

export const EN: LocaleConstants = {
  code: "en",
  weekdays: toIndex(WEEKDAY_FORMS, 0),
  weekdayPlurals: { sundays: 0, mondays: 1, tuesdays: 2, wednesdays: 3, thursdays: 4, fridays: 5, saturdays: 6, suns: 0, mons: 1, tues: 2, weds: 3, thurs: 4, fris: 5, sats: 6 },
  ambiguousWeekdays: new Set(["sun", "sat", "wed", "tu", "th", "mon", "thu", "fri", "tue", "weds", "thur"]),
  months: toIndex(MONTH_FORMS, 1),
  ambiguousMonths: new Set(["may", "mar", "jan", "jun", "aug", "dec", "oct", "sep"]),
  numbers: numbers(),
  ordinals: ordinals(),
  relativeDays: { yesterday: -1, "the day before yesterday": -2, today: 0, tonight: 0, tonite: 0, tomorrow: 1, tomorrows: 1, tmrw: 1, tmr: 1, tmw: 1, "day after tomorrow": 2, "the day after tomorrow": 2, "this morning": 0, "this afternoon": 0, "this evening": 0, "later today": 0 },
  dayparts: { morning: "morning", afternoon: "afternoon", evening: "evening", night: "night", tonight: "night", tonite: "night", am: "morning", pm: "afternoon", afternoonish: "afternoon", eve: "evening" },
  eveningWords: new Set([
    "evening", "evenings", "night", "nights", "tonight", "tonite", "dinner", "supper", "drinks", "drink", "party", "parties", "bar", "pub",
    "club", "concert", "gig", "show", "movie", "movies", "social", "gala", "cocktail", "cocktails", "happy hour", "karaoke", "disco",
    "milonga", "salsa", "dance", "dancing", "nightcap", "bday", "birthday party", "late",
  ]),
  connectors: new Set(["at", "@", "on", "by", "from", "starting", "beginning", "until", "till", "til", "through", "thru", "is", "are", "in", "for", "around", "about", "between", "of", "every", "each", "the", "this", "and", "-", "–", "—", "after", "before"]),
  noisePrefixes: ["reminder:", "reminder -", "reminder", "rsvp:", "rsvp", "fyi:", "fyi", "note:", "save the date:", "save the date", "don't forget to", "don't forget", "dont forget", "remember to", "join us for the", "join us for", "join us at", "join us", "come to the", "come to", "please join us for", "you're invited to", "you are invited to", "invitation:", "event:", "new event:", "todo:", "to do:"],
  pastWords: new Set(["last", "past", "previous", "earlier", "yesterday", "yesterday's", "ago"]),
  titleLeadIns: [
    "are we still on for", "still on for", "are you free for", "are you up for", "free for", "up for", "we'd like to confirm", "like to confirm",
    "confirm your", "confirm the", "reminder about", "reminder of", "reminder that", "looking forward to", "invited to", "you're invited to",
    "i'm thinking", "i am thinking", "how about", "let's do", "let's have", "we're having", "we are having", "i'm hosting", "we're hosting",
  ],
  titleTails: ["next week", "this week", "sometime", "will take place", "will be held", "takes place", "is happening", "will happen", "is scheduled", "has been scheduled", "is on", "is at", "will start", "will begin", "kicks off"],
  titleDeterminers: new Set(["the", "our", "my", "your", "their", "a", "an"]),
  pastVerbs: new Set(["went", "was", "were", "had", "did", "met", "happened", "attended", "enjoyed", "loved", "missed", "born"]),
  changeWords: new Set(["moved", "rescheduled", "postponed", "changed", "pushed", "shifted", "delayed", "will", "next", "see", "join", "come", "upcoming", "tomorrow", "tonight", "let's", "going"]),
  untilWords: new Set(["until", "till", "til", "through", "thru", "ending", "ends", "up to", "untill"]),
  startingWords: new Set(["starting", "from", "beginning", "begins", "starts", "effective", "as of", "commencing"]),
  locationMarkers: ["at", "@", "in", "on", "via"],
  streetWords: new Set(["street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd", "blvd.", "lane", "ln", "drive", "dr", "way", "place", "pl", "plaza", "square", "sq", "court", "ct", "parkway", "pkwy", "terrace", "highway", "hwy", "campus", "green", "common"]),
  zones: {
    utc: 0, gmt: 0, z: 0, zulu: 0, wet: 0, bst: 60, ist: 330, cet: 60, met: 60, cest: 120, mez: 60, mesz: 120, eet: 120, eest: 180, msk: 180,
    pst: -480, pdt: -420, mst: -420, mdt: -360, cst: -360, cdt: -300, est: -300, edt: -240, akst: -540, akdt: -480, hst: -600,
    ast: -240, adt: -180, nst: -210, ndt: -150, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
    pt: "America/Los_Angeles", mt: "America/Denver", ct: "America/Chicago", et: "America/New_York",
    "pacific time": "America/Los_Angeles", "mountain time": "America/Denver", "central time": "America/Chicago", "eastern time": "America/New_York",
  },
  holidays: EN_HOLIDAY_NAMES,
  signatureWords: [],
  words: {
    and: "and|or",
    every: "every|each",
    other: "other|alternate|second",
    to: "-|–|—|to|until|untill|till|til|through|thru|and",
    from: "from|between",
    next: "next|following",
    nearest: "this\\s+coming|the\\s+coming|coming|upcoming",
    this: "this",
    at: "at|@|around|about|by|from|after|before|til|until|till",
    on: "on",
    week: "weeks?",
    month: "months?",
    year: "years?",
    day: "days?",
    oclock: "o'clock|o’clock|oclock|o clock",
  },
};
