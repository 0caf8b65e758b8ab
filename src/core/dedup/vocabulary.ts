/** Words that carry no identity in event titles and places; dropped before comparing (data, not logic). */

/**
 * Connectives, articles and prepositions (English plus the commonest German, French and Spanish ones) and
 * the letters left by abbreviations like "w/". A text made only of these keeps them all instead.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "w", "with",
  "der", "die", "das", "dem", "den", "im", "mit", "und", "zum", "zur",
  "au", "aux", "avec", "de", "des", "du", "et", "la", "le", "les",
  "con", "del", "el", "en", "las", "los", "y",
]);
