import type { SubjectKey } from './sealed-text';

/** `active`: holds a key; `erased`: was erased and holds none; `unknown`: never held one. */
export type SubjectStatus = 'active' | 'erased' | 'unknown';

export interface ErasureResult {
  /** Keys deleted now: 0 when the subject was erased already. */
  readonly keysDeleted: number;
  readonly status: Exclude<SubjectStatus, 'active'>;
}

/**
 * The keys that seal each person's data, kept apart from the events (its own SQLite file, or its
 * own PostgreSQL table): deleting a subject's keys erases their data wherever a sealed copy went.
 * An interface a KMS can implement later.
 */
export interface KeyStore {
  /** The subject's key, made on first use (also after an erasure: a new application is new data). */
  keyFor(subject: string): Promise<SubjectKey>;
  /** The keys that still exist among these ids. */
  keys(keyIds: readonly string[]): Promise<Map<string, Buffer>>;
  statusOf(subject: string): Promise<SubjectStatus>;
  /** Deletes every key of the subject and remembers when; an unknown subject is left `unknown`. */
  erase(subject: string, at: Date): Promise<ErasureResult>;
  close(): Promise<void>;
}
