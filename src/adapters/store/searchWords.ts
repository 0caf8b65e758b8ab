/** How the `q` of a query becomes words, the same way for every backend so their matches agree. */

/** Most words of `q` that are searched; the rest are ignored (keeps index queries bounded). */
export const MAX_SEARCH_WORDS = 16;

/**
 * Splits `q` into the words that must all match: runs of letters, marks and digits, lower-cased (NFC).
 * Punctuation and query syntax of either engine (`"`, `*`, `&`, `:`, `OR`…) are plain separators or words,
 * never operators. Returns [] when `q` holds no word, in which case the query has no text condition.
 */
export function searchWords(q: string): string[] {
  return q
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
}
