import { sql } from 'kysely';
import { READ_MODELS_CHANNEL } from './pg.listener';
import type { CommittedChange } from './projection.runner';
import type { ReadDb } from './read-database';

const TABLE = 'read_model_changes';

/** Long enough for any follower that is alive to have read them; a follower polls every few ms. */
export const DEFAULT_CHANGE_LOG_RETENTION_MS = 5 * 60_000;

export interface ChangeLogOptions {
  /** How long a row stays for the followers (default 5 minutes, measured by the writer). */
  readonly retentionMs?: number;
  /**
   * PostgreSQL: NOTIFY `sooc_read_models` in every batch transaction. PostgreSQL delivers it at
   * commit (never for a rollback), so a follower listening (ReadModelFollower) wakes as soon as
   * the rows and checkpoints are visible instead of at its next poll.
   */
  readonly notify?: boolean;
}

/** A row of the change log: the change, and its place in commit order. */
export interface LoggedChange extends CommittedChange {
  readonly seq: number;
}

/**
 * The projector's side of `read_model_changes`: the batch's changes, appended inside the batch's
 * transaction (so a follower that sees a row can read the rows it names), and old rows pruned.
 *
 * Why commit order must be `seq` order: a follower reads `seq > the last it saw`, so a row that
 * became visible after a higher one would be skipped for ever. A sequence (bigserial) numbers rows
 * when they are inserted, not when they commit: two writers' transactions could commit the other
 * way round. Here `seq` is max + 1, read inside the transaction after the checkpoints were moved
 * (those rows stay locked until commit on PostgreSQL; SQLite has one writer at a time), and one
 * projector writes at a time (its lease; the checkpoint compare-and-swap rolls a second one back),
 * so each batch sees the one before it committed and numbers after it.
 */
export class ChangeLogWriter {
  private readonly retentionMs: number;
  /** (monotonic time, newest seq then), at most one a second: what is old enough to prune. */
  private readonly marks: { readonly at: number; readonly seq: number }[] = [];
  private readonly notify: boolean;

  constructor(options: ChangeLogOptions = {}) {
    this.retentionMs = options.retentionMs ?? DEFAULT_CHANGE_LOG_RETENTION_MS;
    this.notify = options.notify ?? false;
  }

  /** Called for every batch: its checkpoints moved even when no row changed, which waiters need to hear. */
  async append(trx: ReadDb, changes: readonly CommittedChange[]): Promise<void> {
    if (this.notify) await sql`select pg_notify(${READ_MODELS_CHANNEL}, '')`.execute(trx);
    if (changes.length === 0) return;
    const last = await latestChangeSeq(trx);
    const rows = changes.map((c, i) => ({
      seq: last + 1 + i,
      projection: c.projection,
      keys: JSON.stringify(c.keys),
      position: c.position.toString(),
    }));
    await trx.insertInto(TABLE).values(rows).execute();
    await this.prune(trx, last + changes.length);
  }

  /**
   * One range delete by the primary key when a mark grows old (about once a second at most), in
   * the batch's transaction: a rebuild does not notice it. The newest row always stays, so the
   * numbering never starts over.
   */
  private async prune(trx: ReadDb, newest: number): Promise<void> {
    const now = performance.now();
    let expired = -1;
    while (expired + 1 < this.marks.length && now - this.marks[expired + 1].at >= this.retentionMs) expired++;
    if (expired >= 0) {
      const mark = this.marks[expired];
      this.marks.splice(0, expired + 1);
      await trx.deleteFrom(TABLE).where('seq', '<=', mark.seq).execute();
    }
    const latest = this.marks[this.marks.length - 1];
    if (!latest || now - latest.at >= 1_000) this.marks.push({ at: now, seq: newest });
  }
}

/** The newest row's seq, 0 when the log is empty: a follower starts after it. */
export async function latestChangeSeq(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom(TABLE)
    .select((eb) => eb.fn.max('seq').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** Rows after `seq`, oldest first. */
export async function changesAfter(db: ReadDb, seq: number, limit: number): Promise<LoggedChange[]> {
  const rows = (await db
    .selectFrom(TABLE)
    .select(['seq', 'projection', 'keys', 'position'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute()) as {
    seq: number | string;
    projection: string;
    keys: string;
    position: string;
  }[];
  return rows.map((r) => ({
    seq: Number(r.seq),
    projection: r.projection,
    keys: JSON.parse(r.keys) as string[],
    position: BigInt(r.position),
  }));
}
