// Lookup tables keyed by words read from text. A plain object literal answers
// `"constructor" in table` with true and `table["constructor"]` with a
// function (its prototype's), so a news sentence about a constructor became
// the time value "2020-Qfunction Object() {...}". Tables made with `dict`
// have no prototype: only their own keys are in them.

/** `o`'s entries in an object without a prototype. */
export function dict<T>(o: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, o);
}
