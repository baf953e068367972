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
