/** Text that is never a title or a location: prices, links, e-mail addresses, emoji. */

/** A dot and a domain ending ("example.com"): what every link without a scheme holds. */
const DOMAIN_ENDING = /\.(?:com|org|net|io|co|de|uk|edu|gov|info|biz|me|app|dev|events?|ly)/iu;

// Each pattern with a cheap test that says it can match at all (most texts have no link, price or emoji).
// The price and free-entry tests (marked) are also asked at once, by PRICE_OR_FREE below.
const NOISE: Array<[RegExp, (text: string) => boolean, "priceOrFree"?]> = [
  [/(?:https?:\/\/|www\.)\S+/giu, (t) => t.includes("://") || (t.includes(".") && /www\./i.test(t))],
  [/\b[\w.+-]+@[\w-]+\.[\w.]+\b/gu, (t) => t.includes("@")],
  // Every match holds a dot and then a domain ending, compared as the pattern does (case folded, `u`).
  [/\b[\w-]+\.(?:com|org|net|io|co|de|uk|edu|gov|info|biz|me|app|dev|events?|ly)(?:\/\S*)?(?![\p{L}])/giu, (t) => t.includes(".") && DOMAIN_ENDING.test(t)],
  [/(?:(?:tickets?|admission|entry|cover|price|cost)\s*:?\s*)?(?:[$€£¥]\s?\d+(?:[.,]\d{1,2})?(?:\s*(?:-|–|to|\/)\s*[$€£¥]?\s?\d+(?:[.,]\d{1,2})?)?|\d+(?:[.,]\d{1,2})?\s?(?:€|usd|eur|gbp|dollars|euros|bucks)(?![\p{L}]))(?:\s*(?:cover|at\s+the\s+door|entry|admission|per\s+person|pp|p\.p\.|donation|suggested(?:\s+donation)?|tickets?|in\s+advance|advance|online|members|non-members|each|cash\s+only|cash|entrance|\+\s*fees?|fee))*/giu, (t) => /[$€£¥]|\d\s?(?:€|usd|eur|gbp|dollars|euros|bucks)/i.test(t), "priceOrFree"],
  [/\b(?:free\s+(?:entry|admission)|no\s+cover|admission\s+free)\b/giu, (t) => /free|cover/i.test(t), "priceOrFree"],
  [/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu, (t) => /[^\u0000-\u2000]/.test(t)],
];

// The union of the two marked tests, alternative for alternative with the same flag: when it fails, both
// would, and one scan of the text replaces two (most texts hold neither a price nor "free").
const PRICE_OR_FREE = /[$€£¥]|\d\s?(?:€|usd|eur|gbp|dollars|euros|bucks)|free|cover/i;

/** Character ranges of noise in `text`, as [start, end) pairs. */
export function noiseRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const priceOrFree = PRICE_OR_FREE.test(text);
  for (const [re, possible, group] of NOISE) {
    if ((group === "priceOrFree" && !priceOrFree) || !possible(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}
