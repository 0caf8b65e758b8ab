/** English holiday names, as data: each spelling people write, mapped to a holiday key. */
import type { HolidayNames } from "../../../holidays/holidays.js";

/**
 * English names by holiday, lower case with ASCII apostrophes; spellings with and without the
 * apostrophe are both listed. Dates ("july 4th") are not names and are left to the date extractors.
 */
export const EN_HOLIDAY_NAMES: readonly HolidayNames[] = [
  // Civic (US and common)
  { key: "new-years-day", names: ["new year's day", "new years day", "new year day", "new year's", "new years"] },
  {
    key: "mlk-day",
    names: [
      "mlk day", "mlk jr day", "mlk jr. day", "martin luther king day", "martin luther king's day",
      "martin luther kings day", "martin luther king jr day", "martin luther king jr. day",
      "martin luther king, jr. day", "martin luther king junior day", "civil rights day",
    ],
  },
  { key: "groundhog-day", names: ["groundhog day", "groundhog's day", "groundhogs day"] },
  {
    key: "valentines-day",
    names: ["valentine's day", "valentines day", "valentine day", "st valentine's day", "st. valentine's day", "saint valentine's day", "valentine's", "valentines"],
  },
  {
    key: "presidents-day",
    names: ["presidents' day", "presidents day", "president's day", "washington's birthday", "washingtons birthday"],
  },
  {
    key: "st-patricks-day",
    names: [
      "st patrick's day", "st patricks day", "st. patrick's day", "st. patricks day", "saint patrick's day",
      "saint patricks day", "st paddy's day", "st paddys day", "st. paddy's day", "saint paddy's day",
      "saint paddys day", "st patty's day", "st. patty's day", "paddy's day",
    ],
  },
  { key: "earth-day", names: ["earth day"] },
  { key: "mothers-day", names: ["mother's day", "mothers day", "mother day"] },
  { key: "memorial-day", names: ["memorial day", "decoration day"] },
  { key: "fathers-day", names: ["father's day", "fathers day", "father day"] },
  { key: "juneteenth", names: ["juneteenth", "juneteenth national independence day"] },
  { key: "independence-day", names: ["independence day", "4th of july", "fourth of july", "the fourth of july", "the 4th of july"] },
  { key: "labor-day", names: ["labor day"] },
  {
    key: "columbus-day",
    names: ["columbus day", "indigenous peoples' day", "indigenous peoples day", "indigenous people's day", "indigenous people day"],
  },
  {
    key: "bosses-day",
    names: ["boss's day", "bosses day", "bosses' day", "boss' day", "boss day", "national boss day", "national boss's day"],
  },
  { key: "halloween", names: ["halloween", "hallowe'en", "all hallows' eve", "all hallows eve"] },
  { key: "veterans-day", names: ["veterans day", "veterans' day", "veteran's day", "veteran day", "armistice day", "remembrance day"] },
  { key: "thanksgiving", names: ["thanksgiving", "thanksgiving day", "turkey day"] },
  { key: "black-friday", names: ["black friday"] },
  { key: "cyber-monday", names: ["cyber monday"] },
  { key: "christmas-eve", names: ["christmas eve", "xmas eve", "x-mas eve"] },
  { key: "christmas", names: ["christmas", "christmas day", "xmas", "xmas day", "x-mas", "x-mas day"] },
  { key: "boxing-day", names: ["boxing day", "st stephen's day", "st. stephen's day", "saint stephen's day"] },
  { key: "new-years-eve", names: ["new year's eve", "new years eve", "new year eve"] },

  // Christian movable feasts (Western)
  { key: "shrove-tuesday", names: ["shrove tuesday", "pancake day", "pancake tuesday", "mardi gras", "fat tuesday"] },
  { key: "ash-wednesday", names: ["ash wednesday"] },
  { key: "lent", names: ["lent"] },
  { key: "palm-sunday", names: ["palm sunday", "branch sunday", "yew sunday"] },
  {
    key: "maundy-thursday",
    names: ["maundy thursday", "holy thursday", "covenant thursday", "sheer thursday", "thursday of mysteries", "thu of mysteries"],
  },
  { key: "good-friday", names: ["good friday"] },
  { key: "holy-saturday", names: ["holy saturday", "easter eve", "easter saturday"] },
  { key: "easter", names: ["easter", "easter sunday", "easter day"] },
  { key: "easter-monday", names: ["easter monday", "easter mon"] },
  { key: "ascension-day", names: ["ascension day", "ascension thursday", "feast of the ascension"] },
  { key: "pentecost", names: ["pentecost", "pentecost sunday", "whit sunday", "whitsunday", "white sunday", "whitsun"] },
  { key: "whit-monday", names: ["whit monday", "whitmonday", "pentecost monday", "monday of the holy spirit"] },
  { key: "trinity-sunday", names: ["trinity sunday"] },
  { key: "corpus-christi", names: ["corpus christi", "feast of corpus christi", "the feast of corpus christi"] },

  // Christian movable feasts (Orthodox)
  { key: "clean-monday", names: ["clean monday", "pure monday", "orthodox clean monday"] },
  { key: "great-lent", names: ["great lent", "great fast"] },
  { key: "lazarus-saturday", names: ["lazarus saturday"] },
  { key: "orthodox-palm-sunday", names: ["orthodox palm sunday"] },
  { key: "orthodox-good-friday", names: ["orthodox good friday", "orthodox great friday", "orthodox great and holy friday"] },
  { key: "orthodox-holy-saturday", names: ["orthodox holy saturday"] },
  { key: "orthodox-easter", names: ["orthodox easter", "orthodox easter sunday", "pascha"] },
  { key: "orthodox-easter-monday", names: ["orthodox easter monday"] },

  // Jewish (dates are the eve)
  {
    key: "rosh-hashanah",
    names: ["rosh hashanah", "rosh hashana", "rosh hashanna", "rosh hashannah", "rosh ha-shanah", "yom teruah"],
  },
  { key: "yom-kippur", names: ["yom kippur", "day of atonement"] },
  { key: "sukkot", names: ["sukkot", "succos", "sukkos", "succot", "feast of tabernacles", "feast of booths"] },
  { key: "shemini-atzeret", names: ["shemini atzeret", "shmini atzeret"] },
  { key: "simchat-torah", names: ["simchat torah", "simhat torah", "simchas torah"] },
  {
    key: "hanukkah",
    names: ["hanukkah", "hanukah", "hannukah", "hannukkah", "hanuka", "chanukah", "chanukkah", "chanuka"],
  },
  { key: "tu-bishvat", names: ["tu bishvat", "tu b'shvat", "tu bshvat", "tu b'shevat", "tu bishevat"] },
  { key: "purim", names: ["purim"] },
  { key: "passover", names: ["passover", "pesach", "pesah"] },
  { key: "yom-hashoah", names: ["yom hashoah", "yom ha'shoah", "yom hashoa"] },
  {
    key: "yom-haatzmaut",
    names: ["yom haatzmaut", "yom ha'atzmaut", "israel independence day", "israeli independence day"],
  },
  { key: "lag-baomer", names: ["lag baomer", "lag b'omer", "lag ba'omer", "lag bomer"] },
  { key: "shavuot", names: ["shavuot", "shavuos", "shavuoth", "feast of weeks"] },
  { key: "tisha-bav", names: ["tisha b'av", "tisha bav", "tishah b'av", "tisha be'av"] },

  // Islamic (Umm al-Qura)
  { key: "islamic-new-year", names: ["islamic new year", "hijri new year", "arabic new year", "amun jadid"] },
  { key: "ashura", names: ["ashura", "day of ashura"] },
  {
    key: "mawlid",
    names: [
      "mawlid", "mawlid al-nabawi", "mawlid al-nabi", "mawlid an-nabi", "milad un nabi", "mevlid",
      "the prophet's birthday", "prophet's birthday", "birthday of the prophet",
    ],
  },
  {
    key: "isra-miraj",
    names: [
      "isra and mi'raj", "isra and miraj", "isra mi'raj", "isra miraj", "the prophet's ascension",
      "prophet's ascension", "the prophets ascension", "prophets ascension", "ascension to heaven",
      "the ascension to heaven", "the night journey",
    ],
  },
  { key: "ramadan", names: ["ramadan", "ramadhan", "ramzan"] },
  {
    key: "laylat-al-qadr",
    names: ["laylat al-qadr", "laylat al qadr", "lailat al-qadr", "night of power", "night of measures", "night of destiny", "night of decree"],
  },
  {
    key: "jumuatul-wida",
    names: ["jumu'atul-wida", "jumu'atul wida", "jumuatul-wida", "jumuatul wida", "jumu'atul-widaa", "jamat ul vida"],
  },
  {
    key: "eid-al-fitr",
    names: ["eid al-fitr", "eid al fitr", "eid-al-fitr", "eid ul-fitr", "eid ul fitr", "eid-ul-fitr", "id al-fitr", "id ul-fitr"],
  },
  {
    key: "eid-al-adha",
    names: [
      "eid al-adha", "eid al adha", "eid-al-adha", "eid ul-adha", "eid ul adha", "id ul-adha", "id al-adha",
      "bakr id", "bakr-id", "bakrid", "bakra eid", "feast of the sacrifice", "sacrifice feast",
    ],
  },

  // Chinese
  {
    key: "chinese-new-year",
    names: [
      "chinese new year", "chinese new year's day", "chinese new years day", "chinese lunar new year",
      "chinese lunar new year's day", "chinese lunar new years day", "lunar new year", "lunar new year's day",
      "spring festival",
    ],
  },

  // Regional
  { key: "kings-day", names: ["king's day", "kings day", "koningsdag"] },
  { key: "earth-hour", names: ["earth hour"] },
  { key: "parsi-new-year", names: ["parsi new year", "jamshedi navroz", "jamshedi nowruz"] },
  { key: "german-unity-day", names: ["german unity day", "day of german unity"] },

  // Indian: Hindu, Sikh, Jain and Buddhist (ephemeris-based, New Delhi)
  {
    key: "makar-sankranti",
    names: [
      "makar sankranti", "makara sankranti", "makar sankranthi", "makara sankranthi", "magha sankranti",
      "magha sankranthi", "sankranti", "sankranthi", "thai pongal", "pongal", "pongal pandigai", "maghi",
    ],
  },
  { key: "mattu-pongal", names: ["mattu pongal", "maattu pongal"] },
  { key: "kaanum-pongal", names: ["kaanum pongal", "kanum pongal", "kanni pongal"] },
  { key: "vasant-panchami", names: ["vasant panchami", "basant panchami", "vasanta panchami", "sri panchami", "shri panchami"] },
  {
    key: "guru-ravidas-jayanti",
    names: ["guru ravidas jayanti", "guru ravidass jayanti", "guru ravidas birthday", "guru ravidass birthday", "ravidas jayanti"],
  },
  {
    key: "dayananda-saraswati-jayanti",
    names: [
      "dayananda saraswati jayanti", "maharishi dayananda saraswati jayanti", "swami dayananda saraswati jayanti",
      "saraswati jayanti", "maharishi saraswati jayanti", "swami saraswati jayanti",
    ],
  },
  { key: "holika-dahan", names: ["holika dahan", "holika", "kamudu pyre", "chhoti holi", "choti holi"] },
  { key: "holi", names: ["holi", "rangwali holi", "dhulandi", "dhuleti", "phagwah"] },
  {
    key: "ugadi",
    names: ["ugadi", "yugadi", "gudi padwa", "gudhi padwa", "samvatsaradi", "chaitra sukhladi", "chaitra sukladi"],
  },
  {
    key: "mahavir-jayanti",
    names: ["mahavir jayanti", "mahaveer jayanti", "mahavira jayanti", "mahavir janma kalyanak", "mahaveer janma kalyanak"],
  },
  { key: "vaisakhi", names: ["vaisakhi", "baisakhi", "vaishakhi", "vasakhi", "vaisakhadi", "mesadi"] },
  { key: "rabindra-jayanti", names: ["rabindra jayanti", "rabindranath jayanti", "rabindranath tagore jayanti"] },
  {
    key: "vesak",
    names: ["vesak", "vesak day", "wesak", "vaisak", "vesakha", "buddha day", "buddha purnima", "buddha jayanti"],
  },
  { key: "raksha-bandhan", names: ["raksha bandhan", "rakshabandhan", "rakhi", "rakhi purnima"] },
  { key: "janmashtami", names: ["janmashtami", "krishna janmashtami", "gokulashtami", "krishnashtami"] },
  { key: "onam", names: ["onam", "thiru onam", "thiruvonam", "thiruonam"] },
  {
    key: "ganesh-chaturthi",
    names: ["ganesh chaturthi", "ganesha chaturthi", "vinayaka chaturthi", "vinayagar chaturthi"],
  },
  { key: "navaratri", names: ["navaratri", "navratri", "navarathri", "navratra", "durga puja", "durgotsava"] },
  { key: "maha-saptami", names: ["maha saptami", "durga saptami"] },
  {
    key: "vijayadashami",
    names: ["vijayadashami", "vijaya dashami", "vijay dashami", "dussehra", "dusshera", "dussera", "dasara"],
  },
  { key: "valmiki-jayanti", names: ["valmiki jayanti", "maharishi valmiki jayanti", "pargat diwas"] },
  { key: "karva-chauth", names: ["karva chauth", "karwa chauth", "karva chouth", "karwa chouth"] },
  { key: "dhanteras", names: ["dhanteras", "dhanatrayodashi", "dhantrayodashi", "dhanvantari trayodashi"] },
  {
    key: "naraka-chaturdashi",
    names: [
      "naraka chaturdashi", "narak chaturdashi", "naraka nivaran chaturdashi", "narak nivaran chaturdashi",
      "choti diwali", "chhoti diwali", "kali chaudas", "roop chaudas",
    ],
  },
  { key: "diwali", names: ["diwali", "deepavali", "deepawali", "divali", "dipavali", "lakshmi puja"] },
  {
    key: "bhai-dooj",
    names: ["bhai dooj", "bhai duj", "bhaiya dooj", "bhaiya duj", "bhau beej", "bhau-beej", "bhai tika", "bhai phonta"],
  },
  {
    key: "chhath",
    names: ["chhath", "chhath puja", "chhath parv", "chhathi", "dala puja", "dala chhath", "surya shashthi"],
  },
  {
    key: "guru-gobind-singh-jayanti",
    names: ["guru gobind singh jayanti", "guru gobind singh birthday", "guru govind singh jayanti", "guru govind singh birthday"],
  },
];
