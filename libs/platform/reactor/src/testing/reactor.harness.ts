import { type Clock } from '@sooc/timing';
import { cohortsMigrations } from '@sooc/cohorts-read-models';
import { enrollmentMigrations } from '@sooc/enrollment-read-models';
import type { EventStore } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { migrateToLatest, openReadDatabase, type ReadDatabase } from '@sooc/read-store';
import { startReactor, type Reactor, type ReactorOptions } from '../lib/reactor';
import { createLogger } from '../lib/reactor.logger';
import { readableLog } from '@sooc/runtime/testing';

export const HOUR = 3_600_000;

/** A clock the test moves by hand. */
export class HandClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * HOUR);
  }
}

/** A memory event store, a migrated in-memory read database, a hand clock and a log kept in lines (`sooc reactor: <msg>`, see readableLog). */
export class ReactorHarness {
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly log = createLogger(
    'debug',
    (l) => this.out.push(readableLog(l)),
    (l) => this.err.push(readableLog(l)),
  );
  readonly clock = new HandClock(new Date('2026-03-03T09:00:00.000Z'));
  private readonly reactors: Reactor[] = [];

  private constructor(
    readonly store: EventStore,
    readonly read: ReadDatabase,
  ) {}

  static async create(store: EventStore = new MemoryEventStore()): Promise<ReactorHarness> {
    const read = openReadDatabase('sqlite::memory:');
    await migrateToLatest(read.db, [enrollmentMigrations, cohortsMigrations]);
    return new ReactorHarness(store, read);
  }

  async start(options: Partial<ReactorOptions> = {}): Promise<Reactor> {
    const reactor = await startReactor({
      eventStore: this.store,
      readDb: this.read.db,
      clock: this.clock,
      log: this.log,
      tickMs: 50,
      ...options,
    });
    this.reactors.push(reactor);
    return reactor;
  }

  async close(): Promise<void> {
    for (const reactor of this.reactors) await reactor.stop();
    await this.read.close();
    await this.store.close();
  }
}
