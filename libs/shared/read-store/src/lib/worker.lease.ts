import type { ReadDb } from './read-database';

const TABLE = 'worker_leases';

export interface LeaseOptions {
  readonly name: string;
  readonly holder: string;
  readonly ttlMs: number;
}

export interface LeaseHolder {
  readonly holder: string;
  readonly generation: bigint;
  readonly heartbeat: bigint;
  readonly renewedAt: string;
}

interface LeaseRow {
  holder: string;
  generation: number | string;
  heartbeat: number | string;
  renewed_at: string;
}

/**
 * One active instance of a worker per read database (see worker-leases.migration.ts).
 *
 * Nobody compares wall clocks: the holder bumps a counter, and a standby takes over only after it
 * has seen the same (holder, generation, heartbeat) for `ttlMs` on its own monotonic clock, with a
 * compare-and-swap on exactly what it saw, so of several standbys racing, one wins. The holder
 * counts its `ttlMs` from the moment it sent its last confirmed renewal, which is before any
 * standby can have seen that heartbeat: it always gives up no later than a standby may take over.
 */
export class WorkerLease {
  private tenure: { generation: bigint; heartbeat: bigint; confirmedAt: number } | null = null;
  private seen: { key: string; since: number } | null = null;

  constructor(
    private readonly db: ReadDb,
    private readonly options: LeaseOptions,
  ) {}

  /** Of this instance's tenure, null when not holding. */
  get generation(): bigint | null {
    return this.tenure?.generation ?? null;
  }

  /**
   * `performance.now()` after which this instance must count the lease as lost even if no
   * renewal answered (a hung connection), or null when not holding.
   */
  get validUntil(): number | null {
    return this.tenure ? this.tenure.confirmedAt + this.options.ttlMs : null;
  }

  /** true when this instance holds the lease after the call (acquired now or already held). */
  async tryAcquire(): Promise<boolean> {
    if (this.tenure) return this.renew();
    const sentAt = performance.now();
    const row = await this.row();
    if (!row) return this.insert(sentAt);
    const generation = BigInt(row.generation);
    const heartbeat = BigInt(row.heartbeat);
    const key = `${row.holder}\u0000${generation}\u0000${heartbeat}`;
    const now = performance.now();
    if (this.seen?.key !== key) {
      // Timed from when we saw it (after the holder wrote it), never from when it was written.
      this.seen = { key, since: now };
      return false;
    }
    if (now - this.seen.since < this.options.ttlMs) return false;
    const stamp = new Date().toISOString();
    const { numUpdatedRows } = await this.db
      .updateTable(TABLE)
      .set({
        holder: this.options.holder,
        generation: Number(generation + 1n),
        heartbeat: 0,
        acquired_at: stamp,
        renewed_at: stamp,
      })
      .where('name', '=', this.options.name)
      .where('holder', '=', row.holder)
      .where('generation', '=', Number(generation))
      .where('heartbeat', '=', Number(heartbeat))
      .executeTakeFirst();
    this.seen = null;
    if (numUpdatedRows !== 1n) return false;
    this.tenure = { generation: generation + 1n, heartbeat: 0n, confirmedAt: sentAt };
    return true;
  }

  /**
   * true while still held; false once another instance took it, or once no renewal has gone
   * through for `ttlMs` (then stop working). A database error before that deadline is thrown:
   * the lease is still ours, and the caller retries.
   */
  async renew(): Promise<boolean> {
    const tenure = this.tenure;
    if (!tenure) return false;
    const sentAt = performance.now();
    const stamp = new Date().toISOString();
    try {
      const { numUpdatedRows } = await this.db
        .updateTable(TABLE)
        .set({ heartbeat: Number(tenure.heartbeat + 1n), renewed_at: stamp })
        .where('name', '=', this.options.name)
        .where('holder', '=', this.options.holder)
        .where('generation', '=', Number(tenure.generation))
        .executeTakeFirst();
      if (this.tenure !== tenure) return false;
      if (numUpdatedRows !== 1n) {
        this.tenure = null;
        return false;
      }
      tenure.heartbeat += 1n;
      tenure.confirmedAt = Math.max(tenure.confirmedAt, sentAt);
      return true;
    } catch (error) {
      if (this.tenure !== tenure) return false;
      if (performance.now() >= tenure.confirmedAt + this.options.ttlMs) {
        this.tenure = null;
        return false;
      }
      throw error;
    }
  }

  /**
   * Run inside a write transaction, last: fails it unless tenure `generation` still holds the
   * lease. A holder paused past its TTL (GC, a frozen VM) may wake with a batch half written
   * after a standby took over; without this it would commit it and make the new holder's batch
   * fail on the moved checkpoint. The UPDATE locks the lease row until the commit, so a takeover
   * either waits for this batch (which then belongs to the old tenure) or is seen by it.
   */
  async fence(trx: ReadDb, generation: bigint): Promise<void> {
    const { numUpdatedRows } = await trx
      .updateTable(TABLE)
      .set({ generation: Number(generation) })
      .where('name', '=', this.options.name)
      .where('holder', '=', this.options.holder)
      .where('generation', '=', Number(generation))
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) throw new LeaseLostError(this.options.name, this.options.holder, generation);
  }

  /** Deletes the row if it is still this tenure's, so a standby takes over at once. */
  async release(): Promise<void> {
    const tenure = this.tenure;
    if (!tenure) return;
    this.tenure = null;
    await this.db
      .deleteFrom(TABLE)
      .where('name', '=', this.options.name)
      .where('holder', '=', this.options.holder)
      .where('generation', '=', Number(tenure.generation))
      .execute();
  }

  async current(): Promise<LeaseHolder | null> {
    const row = await this.row();
    return row
      ? {
          holder: row.holder,
          generation: BigInt(row.generation),
          heartbeat: BigInt(row.heartbeat),
          renewedAt: row.renewed_at,
        }
      : null;
  }

  private async row(): Promise<LeaseRow | undefined> {
    return (await this.db
      .selectFrom(TABLE)
      .select(['holder', 'generation', 'heartbeat', 'renewed_at'])
      .where('name', '=', this.options.name)
      .executeTakeFirst()) as LeaseRow | undefined;
  }

  /** Of several instances inserting at once, the database keeps one row: the others stay standby. */
  private async insert(sentAt: number): Promise<boolean> {
    const stamp = new Date().toISOString();
    const { numInsertedOrUpdatedRows } = await this.db
      .insertInto(TABLE)
      .values({
        name: this.options.name,
        holder: this.options.holder,
        generation: 1,
        heartbeat: 0,
        acquired_at: stamp,
        renewed_at: stamp,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (numInsertedOrUpdatedRows !== 1n) return false;
    this.tenure = { generation: 1n, heartbeat: 0n, confirmedAt: sentAt };
    return true;
  }
}

/** A write refused because the writer's tenure of the lease is over (another instance holds it). */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: string,
    readonly holder: string,
    readonly generation: bigint,
  ) {
    super(
      `Lease "${lease}" is no longer held by "${holder}" (generation ${generation}): another instance took over, this write is rolled back`,
    );
    this.name = 'LeaseLostError';
  }
}
