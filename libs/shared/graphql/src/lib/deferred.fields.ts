/**
 * A mutation answers from the write side (DESIGN §5): the fields its decided events and new state
 * know are plain values; the others (say, a count only a projection keeps) are getters that wait
 * for the read model and read it, once for the whole object, and only if the client asked for
 * one of them. GraphQL resolves a field whose value is a promise, so no field resolver is needed.
 */
export function withDeferredFields<T extends object>(
  known: Partial<T>,
  fields: readonly (keyof T & string)[],
  load: () => Promise<T>,
): T {
  let loaded: Promise<T> | null = null;
  const object = { ...known };
  for (const field of fields) {
    if (field in known) continue;
    Object.defineProperty(object, field, {
      enumerable: true,
      get: () => (loaded ??= load()).then((full) => full[field]),
    });
  }
  return object as T;
}
