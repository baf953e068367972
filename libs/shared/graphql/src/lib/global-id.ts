/**
 * A global object id: `<TypeName>:<key>`, unique across every type of the schema, so that
 * `node(id:)` can find the object and a client cache (Apollo Client, urql, Relay) can normalise
 * it without custom keys. Readable on purpose (an admin can tell what an id names), but clients
 * must treat it as opaque: mutation inputs and query arguments take the domain ids
 * (`cohortId`, `courseId`, `enrollmentId`), which never contain a `:` (see id.format.ts).
 */
export function globalIdOf(type: string, key: string): string {
  return `${type}:${key}`;
}

/** The type and key of a global id; null for anything that is not one. */
export function parseGlobalId(id: string): { readonly type: string; readonly key: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return null;
  return { type: id.slice(0, colon), key: id.slice(colon + 1) };
}
