/**
 * A trie of lower-case words carrying a value, walked one character at a time while the text is scanned: the
 * pipeline looks up every word of every text, and walking needs no slice, no lower-casing copy and no hash.
 *
 * Why it is a flat table: the walk is on the hot path of every parse (a profile put a node-object trie at a
 * few percent of the whole parse, nearly all of it in pointer chasing from node to child array to node). Here
 * the states are numbers, and the children of state `s` for `a`–`z` are `next[s * 26 + letter]` in one typed
 * array, so a step is one indexed load. 0 means "no child": the root is state 0 and is nobody's child.
 * Characters outside `a`–`z` (German umlauts, ß) are rare and live in one map keyed by state and code unit.
 */

const LETTERS = 26;
/** Key of a non-`a`–`z` step in `other`: the state times this, plus the code unit (code units are < 2^16). */
const OTHER_KEY = 0x10000;

export class WordTrie<T> {
  /** Child states of `a`–`z` per state; grown by doubling while words are added (only when a config is built). */
  private next = new Int32Array(64 * LETTERS);
  /** Child states for any other code unit, keyed `state * OTHER_KEY + code`. */
  private readonly other = new Map<number, number>();
  /** The value of each state (undefined where no stored word ends). */
  private readonly values: Array<T | undefined> = [undefined];

  /**
   * The state after `code` from `state` (the root is 0); 0 when no stored word continues with it. For callers
   * that walk a word while scanning it; `valueAt` then reads the value of where the walk ended.
   */
  step(state: number, code: number): number {
    const letter = code - 97;
    // One unsigned compare tests 0 <= letter < 26.
    if (letter >>> 0 < LETTERS) return this.next[state * LETTERS + letter];
    return this.other.get(state * OTHER_KEY + code) ?? 0;
  }

  /** The state after `code` from `state`, made when missing. */
  private stepOrAdd(state: number, code: number): number {
    const found = this.step(state, code);
    if (found !== 0) return found;
    const made = this.values.length;
    this.values.push(undefined);
    const letter = code - 97;
    if (letter >>> 0 < LETTERS) {
      if ((made + 1) * LETTERS > this.next.length) {
        const grown = new Int32Array(this.next.length * 2);
        grown.set(this.next);
        this.next = grown;
      }
      this.next[state * LETTERS + letter] = made;
    } else this.other.set(state * OTHER_KEY + code, made);
    return made;
  }

  /** The value of the word that leads to `state` (undefined for 0, the root, which holds no word). */
  valueAt(state: number): T | undefined {
    return state === 0 ? undefined : this.values[state];
  }

  get(word: string): T | undefined {
    return this.lookup(word, 0, word.length);
  }

  /** The stored value of `word`, made with `make` the first time. */
  getOrAdd(word: string, make: () => T): T {
    let state = 0;
    for (let i = 0; i < word.length; i++) state = this.stepOrAdd(state, word.charCodeAt(i));
    let value = this.values[state];
    if (value === undefined) {
      value = make();
      this.values[state] = value;
    }
    return value;
  }

  /**
   * The value of the word `lower[start, end)` (already lower-cased), or undefined when it is not stored. Stops
   * at the first character no stored word continues with.
   */
  lookup(lower: string, start: number, end: number): T | undefined {
    let state = 0;
    for (let i = start; i < end; i++) {
      state = this.step(state, lower.charCodeAt(i));
      if (state === 0) return undefined;
    }
    return this.values[state];
  }
}
