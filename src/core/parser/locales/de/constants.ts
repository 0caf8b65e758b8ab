/** German vocabulary: a second locale to show that a language is a folder of data and a configuration. */
import { EN } from "../en/constants.js";
import type { LocaleConstants } from "../types.js";
import { DE_HOLIDAY_NAMES } from "./holidays.js";

const WEEKDAY_FORMS: string[][] = [
  ["sonntag", "so", "so."],
  ["montag", "mo", "mo."],
  ["dienstag", "di", "di."],
  ["mittwoch", "mi", "mi."],
  ["donnerstag", "do", "do."],
  ["freitag", "fr", "fr."],
  ["samstag", "sa", "sa.", "sonnabend"],
];
const MONTH_FORMS: string[][] = [
  ["januar", "jan", "jan.", "jänner"],
  ["februar", "feb", "feb."],
  ["märz", "mär", "mär.", "maerz"],
  ["april", "apr", "apr."],
  ["mai"],
  ["juni", "jun", "jun."],
  ["juli", "jul", "jul."],
  ["august", "aug", "aug."],
  ["september", "sep", "sep.", "sept", "sept."],
  ["oktober", "okt", "okt."],
  ["november", "nov", "nov."],
  ["dezember", "dez", "dez."],
];

const toIndex = (forms: string[][], offset: number): Record<string, number> =>
  Object.fromEntries(forms.flatMap((names, i) => names.map((n) => [n, i + offset])));

export const DE: LocaleConstants = {
  ...EN,
  code: "de",
  weekdays: toIndex(WEEKDAY_FORMS, 0),
  weekdayPlurals: { sonntags: 0, montags: 1, dienstags: 2, mittwochs: 3, donnerstags: 4, freitags: 5, samstags: 6 },
  ambiguousWeekdays: new Set(["so", "mo", "di", "mi", "do", "fr", "sa"]),
  months: toIndex(MONTH_FORMS, 1),
  ambiguousMonths: new Set(["mai"]),
  numbers: { ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, "fünf": 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, "zwölf": 12 },
  ordinals: { erste: 1, ersten: 1, zweite: 2, zweiten: 2, dritte: 3, dritten: 3, vierte: 4, vierten: 4, letzte: -1, letzten: -1 },
  relativeDays: { gestern: -1, vorgestern: -2, heute: 0, morgen: 1, "übermorgen": 2, "heute abend": 0, "heute morgen": 0, heute_nacht: 0 },
  dayparts: { morgen: "morning", vormittag: "morning", nachmittag: "afternoon", abend: "evening", abends: "evening", nacht: "night" },
  eveningWords: new Set(["abend", "abends", "nacht", "party", "abendessen", "stammtisch", "kneipe", "bar", "konzert", "feier"]),
  connectors: new Set(["am", "um", "ab", "von", "bis", "im", "in", "an", "jeden", "jede", "jeder", "ist", "für", "gegen", "der", "den", "dem", "-", "–", "—", "@"]),
  noisePrefixes: ["erinnerung:", "erinnerung", "hinweis:", "termin:", "einladung:"],
  pastWords: new Set(["letzten", "letzte", "letzter", "vergangenen", "gestern", "vorgestern", "früher"]),
  titleLeadIns: ["erinnerung an", "einladung zu", "einladung zum", "einladung zur"],
  titleTails: ["findet statt", "wird stattfinden", "beginnt"],
  titleDeterminers: new Set(["der", "die", "das", "unser", "unsere", "mein", "meine"]),
  pastVerbs: new Set(["war", "waren", "hatte", "hatten", "ging", "trafen"]),
  changeWords: new Set(["verschoben", "verlegt", "wird"]),
  untilWords: new Set(["bis"]),
  startingWords: new Set(["ab", "beginnend", "von"]),
  locationMarkers: ["im", "in", "bei", "@"],
  streetWords: new Set(["straße", "strasse", "str", "str.", "platz", "weg", "allee", "gasse", "ring", "damm"]),
  holidays: DE_HOLIDAY_NAMES,
  signatureWords: [
    "jeden", "jede", "jeder", "uhr", "montags?", "dienstags?", "mittwochs?", "donnerstags?", "freitags?", "samstags?", "sonntags?",
    "heute", "morgen", "übermorgen", "abends", "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "wöchentlich", "täglich", "nächsten",
  ],
  words: {
    and: "und|oder",
    every: "jeden|jede|jeder|alle",
    other: "zweiten",
    to: "-|–|—|bis",
    from: "von|zwischen",
    next: "nächsten|nächste|nächster|kommenden|kommende",
    nearest: "diesen\\s+kommenden",
    this: "diesen|diese|dieser",
    at: "um|gegen|ab|bis|@",
    on: "am",
    week: "wochen?",
    month: "monate?",
    year: "jahre?",
    day: "tage?",
    oclock: "uhr",
  },
};
