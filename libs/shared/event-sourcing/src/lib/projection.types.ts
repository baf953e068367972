import type { DomainEvent, RecordedEvent } from './event.types';

/** A read-model row: flat columns of string | number | boolean | null (JSON goes in as text). */
export type ProjectionRow = Record<string, string | number | boolean | null>;

/**
 * A read model as a pure fold over events, one row per key. The runner in @sooc/read-store
 * loads the rows a batch touches, folds, and writes rows and checkpoint in one transaction.
 * Returning null deletes the row.
 */
export interface Projection<Row extends ProjectionRow = ProjectionRow, E extends DomainEvent = DomainEvent> {
  /** Stable name; the checkpoint is stored under it. */
  readonly name: string;
  readonly table: string;
  readonly keyColumn: keyof Row & string;
  /** Event types this projection reads; others never reach `apply`. */
  readonly handles: readonly E['type'][];
  readonly keyOf: (event: RecordedEvent<E>) => string | null;
  readonly apply: (row: Row | null, event: RecordedEvent<E>) => Row | null;
  /**
   * Every event adds a row of its own key that no later event reads (a log, such as the audit
   * trail): the runner neither reads rows back nor keeps them in its cache, and only inserts
   * (a replay's rows are written again, unchanged).
   */
  readonly appendOnly?: boolean;
}
