import type { EventRow } from './sqlite.statements';

/** The rows of one stream held in memory: every revision from `from` to its last, in order. */
interface Tail {
  readonly from: bigint;
  readonly rows: EventRow[];
}

/** Rows held across all streams before the least recently used streams are let go. */
export const DEFAULT_TAIL_ROWS = 20_000;

/**
 * What one connection knows of the ends of the streams it wrote or read to the end, so that
 * reading a stream from where a folded state stopped (the command path's and the reactor's
 * StreamStateCache: a hot cohort read after each reaction appended to it) costs no query.
 *
 * Exact, not eventually right: a stream's rows are held only as one unbroken run up to the
 * stream's last revision, recorded from this connection's own commits (the revision read under
 * the write lock says whether they continue the run) and from reads that reached the end; and
 * everything is forgotten as soon as SQLite's `data_version` says another connection (another
 * process) committed since the last look. Whoever reads through here sees exactly what the
 * query would have returned.
 */
export class SqliteStreamTails {
  private readonly tails = new Map<string, Tail>();
  private held = 0;
  private version: number | null = null;
  /** The last look is still good: same event-loop turn, and no query ran on the connection since. */
  private looked = false;

  /** `dataVersion` is `PRAGMA data_version` on the connection whose reads and commits this mirrors. */
  constructor(
    private readonly dataVersion: () => number,
    private readonly maxRows = DEFAULT_TAIL_ROWS,
  ) {}

  /** Rows of `streamId` from revision `from` on (at most `max`), or undefined when not known here. */
  read(streamId: string, from: bigint, max: number): EventRow[] | undefined {
    if (this.tails.size === 0) return undefined;
    this.checkVersion();
    const tail = this.tails.get(streamId);
    if (!tail || from < tail.from) return undefined;
    this.touch(streamId, tail);
    const start = Number(from - tail.from);
    return start >= tail.rows.length ? [] : tail.rows.slice(start, start + max);
  }

  /** A read from `from` that returned fewer rows than asked: the stream ends with them. */
  readToEnd(streamId: string, from: bigint, rows: readonly EventRow[]): void {
    this.checkVersion();
    this.replace(streamId, { from, rows: [...rows] });
  }

  /**
   * Rows this connection committed to `streamId` on top of `before` (the revision it read under
   * the write lock; null for a new stream): they extend what is held only if it ended at `before`.
   */
  committed(streamId: string, before: bigint | null, rows: readonly EventRow[]): void {
    if (rows.length === 0) return;
    const tail = this.tails.get(streamId);
    const last = tail ? tail.from + BigInt(tail.rows.length) - 1n : null;
    if (tail && last === (before ?? -1n)) {
      tail.rows.push(...rows);
      this.held += rows.length;
      this.touch(streamId, tail);
      this.trim();
    } else {
      this.replace(streamId, { from: before === null ? 0n : rows[0].revision, rows: [...rows] });
    }
  }

  /**
   * A query on the connection may have seen another connection's commit: the next answer from
   * memory looks at `data_version` again first. The store calls this before each of its queries.
   */
  queried(): void {
    this.looked = false;
  }

  clear(): void {
    this.tails.clear();
    this.held = 0;
  }

  /** Another connection committed since the last look: nothing held may be the end any more. */
  private checkVersion(): void {
    // One look per event-loop turn (a look costs about as much as a small query, and a burst of
    // reads resolves in one turn). An answer from memory is then the file as of that look, which
    // is what a query run at that instant would have said: nothing since has shown this
    // process a later state, since any query in between makes the next answer look again.
    if (this.looked) return;
    this.looked = true;
    setImmediate(() => (this.looked = false));
    const version = this.dataVersion();
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
  }

  private replace(streamId: string, tail: Tail): void {
    this.held -= this.tails.get(streamId)?.rows.length ?? 0;
    this.tails.delete(streamId);
    this.tails.set(streamId, tail);
    this.held += tail.rows.length;
    this.trim();
  }

  /** Most recently used last, so the first in the map is the one to let go. */
  private touch(streamId: string, tail: Tail): void {
    this.tails.delete(streamId);
    this.tails.set(streamId, tail);
  }

  private trim(): void {
    for (const [streamId, tail] of this.tails) {
      if (this.held <= this.maxRows) return;
      this.tails.delete(streamId);
      this.held -= tail.rows.length;
    }
  }
}
