/** Deep freezing, so that no component can change the configuration it was handed. */

/** Freezes `value` and every object and array inside it, in place; returns it typed as deeply read-only. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
