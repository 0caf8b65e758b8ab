/** Christian movable feasts, counted in days from Western or Orthodox Easter Sunday. */
import { orthodoxEaster, westernEaster } from "../easter.js";
import { type HolidayRule, daysAfter, onDay, spanAround } from "../span.js";

const easter: HolidayRule = (y) => [onDay(westernEaster(y))];
const orthodox: HolidayRule = (y) => [onDay(orthodoxEaster(y))];

/** Movable feast rules by key; the comment on each is its offset from Easter Sunday. */
export const christianRules = {
  /** Easter − 47 (Mardi Gras, Pancake Day). */
  "shrove-tuesday": daysAfter(easter, -47),
  /** Easter − 46. */
  "ash-wednesday": daysAfter(easter, -46),
  /** Ash Wednesday through Holy Saturday: [Easter − 46, Easter). */
  "lent": spanAround(easter, -46, 0),
  /** Easter − 7. */
  "palm-sunday": daysAfter(easter, -7),
  /** Easter − 3. */
  "maundy-thursday": daysAfter(easter, -3),
  /** Easter − 2. */
  "good-friday": daysAfter(easter, -2),
  /** Easter − 1. */
  "holy-saturday": daysAfter(easter, -1),
  "easter": easter,
  /** Easter + 1. */
  "easter-monday": daysAfter(easter, 1),
  /** Easter + 39, a Thursday. */
  "ascension-day": daysAfter(easter, 39),
  /** Easter + 49 (Whit Sunday). */
  "pentecost": daysAfter(easter, 49),
  /** Easter + 50. */
  "whit-monday": daysAfter(easter, 50),
  /** Easter + 56. */
  "trinity-sunday": daysAfter(easter, 56),
  /** Easter + 60, a Thursday. */
  "corpus-christi": daysAfter(easter, 60),
  /** Orthodox Easter − 48: first day of Great Lent. */
  "clean-monday": daysAfter(orthodox, -48),
  /** Clean Monday through the Friday before Lazarus Saturday: [Orthodox Easter − 48, − 8). */
  "great-lent": spanAround(orthodox, -48, -8),
  /** Orthodox Easter − 8. */
  "lazarus-saturday": daysAfter(orthodox, -8),
  /** Orthodox Easter − 7. */
  "orthodox-palm-sunday": daysAfter(orthodox, -7),
  /** Orthodox Easter − 2 (Great and Holy Friday). */
  "orthodox-good-friday": daysAfter(orthodox, -2),
  /** Orthodox Easter − 1. */
  "orthodox-holy-saturday": daysAfter(orthodox, -1),
  "orthodox-easter": orthodox,
  /** Orthodox Easter + 1. */
  "orthodox-easter-monday": daysAfter(orthodox, 1),
} satisfies Record<string, HolidayRule>;
