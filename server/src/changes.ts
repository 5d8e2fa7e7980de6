/**
 * The fields of a change that were given: a PATCH names what it changes, so an update writes only
 * those columns (undefined means "not named"; null is a value, such as clearing a field).
 */
export function givenOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
