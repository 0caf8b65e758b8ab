/** German holiday names, as data: each spelling people write, mapped to a holiday key. */
import type { HolidayNames } from "../../../holidays/holidays.js";

/** German names by holiday, lower case; umlauts also spelled out ("gruendonnerstag"). */
export const DE_HOLIDAY_NAMES: readonly HolidayNames[] = [
  { key: "new-years-day", names: ["neujahr", "neujahrstag"] },
  { key: "valentines-day", names: ["valentinstag"] },
  { key: "shrove-tuesday", names: ["faschingsdienstag", "fastnachtsdienstag", "veilchendienstag"] },
  { key: "ash-wednesday", names: ["aschermittwoch"] },
  { key: "palm-sunday", names: ["palmsonntag"] },
  { key: "maundy-thursday", names: ["gründonnerstag", "gruendonnerstag"] },
  { key: "good-friday", names: ["karfreitag"] },
  { key: "holy-saturday", names: ["karsamstag"] },
  { key: "easter", names: ["ostern", "ostersonntag"] },
  { key: "easter-monday", names: ["ostermontag"] },
  // In Germany, Vatertag is Ascension Day, not the third Sunday of June.
  { key: "ascension-day", names: ["christi himmelfahrt", "himmelfahrt", "vatertag"] },
  { key: "pentecost", names: ["pfingsten", "pfingstsonntag"] },
  { key: "whit-monday", names: ["pfingstmontag"] },
  { key: "corpus-christi", names: ["fronleichnam"] },
  { key: "mothers-day", names: ["muttertag"] },
  { key: "german-unity-day", names: ["tag der deutschen einheit"] },
  { key: "halloween", names: ["halloween"] },
  { key: "christmas-eve", names: ["heiligabend", "heiliger abend", "heiligen abend"] },
  // "Weihnachten" spans 24–26 December; the key is the first feast day.
  { key: "christmas", names: ["weihnachten", "erster weihnachtstag", "1. weihnachtstag", "erster weihnachtsfeiertag"] },
  { key: "boxing-day", names: ["zweiter weihnachtstag", "2. weihnachtstag", "zweiter weihnachtsfeiertag", "stephanstag"] },
  { key: "new-years-eve", names: ["silvester", "sylvester", "silvesterabend"] },
];
