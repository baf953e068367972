/**
 * An application's opaque reference, cut for reading (they run to ~90 characters): enough of it
 * to tell the applications of one queue apart. The whole one stays in the markup's `title`.
 */
export function shortReference(reference: string): string {
  return reference.length > 16 ? `${reference.slice(0, 14)}…` : reference;
}
