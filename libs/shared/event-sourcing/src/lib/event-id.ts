import { v7 } from 'uuid';

/**
 * A new event's id: a UUID version 7 (RFC 9562), which starts with the time in milliseconds.
 * Ids are unique-indexed by every store (a repeated append is recognised by them); random
 * version-4 ids land all over that index, so each commit rewrote a page per event, while
 * time-ordered ids fill its last pages. EventStoreDB takes any UUID.
 */
export function newEventId(): string {
  return v7();
}

/**
 * A new correlation id (when a request or a timer starts one), time-ordered for the same reason:
 * the audit trail indexes it, and random ids dirtied a page of that index per event: about 55 µs
 * of the gateway's thread per submission under the admission load.
 */
export function newCorrelationId(): string {
  return v7();
}
