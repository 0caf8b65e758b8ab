/**
 * A trie of lower-case words carrying a value, walked one character at a time while the text is scanned: the
 * pipeline looks up every word of every text, and walking needs no slice, no lower-casing copy and no hash.
 */

interface TrieNode<T> {
  /** Children by code unit: `a`–`z` in a small array, anything else in a map. */
  ascii: Array<TrieNode<T> | undefined>;
  other: Map<number, TrieNode<T>> | undefined;
  value: T | undefined;
}

// A filled (not holey) array keeps the per-character load a plain indexed read.
const node = <T>(): TrieNode<T> => ({ ascii: new Array<TrieNode<T> | undefined>(26).fill(undefined), other: undefined, value: undefined });

export class WordTrie<T> {
  private readonly root: TrieNode<T> = node();

  /** The node for `word`, created on the way when `create` (words are stored as given). */
  private find(word: string, create: boolean): TrieNode<T> | undefined {
    let at: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < word.length && at; i++) at = this.step(at, word.charCodeAt(i), create);
    return at;
  }

  private step(from: TrieNode<T>, c: number, create: boolean): TrieNode<T> | undefined {
    const ascii = c >= 97 && c <= 122;
    let next = ascii ? from.ascii[c - 97] : from.other?.get(c);
    if (!next && create) {
      next = node();
      if (ascii) from.ascii[c - 97] = next;
      else (from.other ??= new Map()).set(c, next);
    }
    return next;
  }

  get(word: string): T | undefined {
    return this.find(word, false)?.value;
  }

  /** The stored value of `word`, made with `make` the first time. */
  getOrAdd(word: string, make: () => T): T {
    const at = this.find(word, true)!;
    at.value ??= make();
    return at.value;
  }

  /**
   * The value of the word `lower[start, end)` (already lower-cased), or undefined when it is not stored. Stops
   * at the first character no stored word continues with.
   */
  lookup(lower: string, start: number, end: number): T | undefined {
    let at: TrieNode<T> | undefined = this.root;
    for (let i = start; i < end && at; i++) at = this.step(at, lower.charCodeAt(i), false);
    return at?.value;
  }
}
