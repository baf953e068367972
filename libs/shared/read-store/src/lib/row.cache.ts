import type { ProjectionRow } from '@sooc/event-sourcing';

/**
 * Rows as last committed by this runner, so a batch reads from the database only the keys it
 * has not seen lately. Safe because a projection's table is written by its runner alone (read
 * models are disposable and owned by their projection); it is emptied whenever that could have
 * changed behind its back: at start and on failure. Right after a rebuild wiped the table it
 * knows every row (`complete`), so a rebuild never reads rows back until the cache overflows.
 */
export class RowCache {
  private readonly rows = new Map<string, ProjectionRow | null>();
  private complete = false;

  constructor(private readonly capacity: number) {}

  /** The committed row, null if known absent, undefined if it must be read. */
  get(key: string): ProjectionRow | null | undefined {
    const row = this.rows.get(key);
    return row === undefined && this.complete ? null : row;
  }

  /** Call after the transaction holding these rows committed. */
  remember(rows: ReadonlyMap<string, ProjectionRow | null>): void {
    for (const [key, row] of rows) {
      this.rows.delete(key);
      this.rows.set(key, row);
    }
    while (this.rows.size > this.capacity) {
      this.rows.delete(this.rows.keys().next().value as string);
      this.complete = false;
    }
  }

  /** The table was just emptied: every key is absent until remembered. */
  reset(): void {
    this.rows.clear();
    this.complete = this.capacity > 0;
  }

  forget(): void {
    this.rows.clear();
    this.complete = false;
  }
}
