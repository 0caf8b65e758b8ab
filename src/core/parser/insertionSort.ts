/**
 * A stable in-place sort for the short lists of one parse (a text's mentions, a handful as a rule).
 *
 * Why not `Array.prototype.sort`: it is stable too, so both give the same order for the same comparator, but
 * V8's sort copies the array into a scratch store on every call; on lists this short that copy, not the
 * comparisons, is most of its cost, and the refiners and the splitter sort on every parse. Insertion sort
 * compares and moves in place.
 */

/** Insertion sort is quadratic: longer lists (a pasted document) go to the built-in sort, same order. */
const LONG = 32;

/** Sorts `list` in place, stably, by `compare`; returns it. */
export function insertionSort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > LONG) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    // Strictly greater only: equal items keep their order (stability).
    while (j >= 0 && compare(list[j], item) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
