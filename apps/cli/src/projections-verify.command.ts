import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import {
  loadCheckpoints,
  ProjectionRunner,
  type AnyProjection,
  type ReadDatabase,
  type ReadDb,
} from '@sooc/read-store';
import type { EventStore } from '@sooc/event-sourcing';
import { allProjections, openMigratedReadDatabase, openStores } from '@sooc/runtime';
import { boundedEventStore } from './bounded.event-store';
import { compareReadModels, describeDifference, type ComparedTable } from './read-model.compare';
import { ReplayProgress, type ProgressOutput } from './replay.progress';
import { cliStoreConfig } from './stores.option';

/**
 * `sooc projections verify`: replays the event store into a scratch SQLite read database and
 * compares it with the live one. Each projection is replayed up to its live checkpoint, and the
 * live side is read in one snapshot, so a projector may keep running meanwhile.
 */
export function projectionsVerifyCommand(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  progressOut: ProgressOutput,
): Command {
  return new Command('verify')
    .description(
      'Replay every event into a scratch SQLite read database and compare it row by row with the live read models; ' +
        'prints each differing, missing or extra row and exits 1 if there is any. Each projection is compared at its live ' +
        'checkpoint (the replay stops there, and the live tables are read in one snapshot), so a running projector or ' +
        'gateway may stay up; events after the checkpoints are not looked at',
    )
    .action(async (_options: unknown, command: Command) => {
      const config = cliStoreConfig(env, command);
      const stores = await openStores(config.store);
      const scratchDir = mkdtempSync(join(tmpdir(), 'sooc-verify-'));
      try {
        const scratch = await openMigratedReadDatabase(`sqlite:${join(scratchDir, 'rebuilt.sqlite')}`);
        try {
          const outcome = await inSnapshot(stores.readDatabase, async (live) => {
            const projections = allProjections();
            const checkpoints = await loadCheckpoints(
              live,
              projections.map((p) => p.name),
            );
            await replayTo(stores.eventStore, scratch.db, projections, checkpoints, progressOut);
            return compareReadModels(live, scratch.db, comparedTables(projections), (d) =>
              print(describeDifference(d)),
            );
          });
          const tables = `${outcome.tables} table${outcome.tables === 1 ? '' : 's'}`;
          if (outcome.differences > 0)
            command.error(
              `verified ${outcome.rows} rows in ${tables}: ${outcome.differences} difference${outcome.differences === 1 ? '' : 's'} (rebuild with: sooc projections rebuild)`,
              { exitCode: 1, code: 'sooc.projections.differ' },
            );
          print(`verified ${outcome.rows} rows in ${tables}: no differences`);
        } finally {
          await scratch.close();
        }
      } finally {
        rmSync(scratchDir, { recursive: true, force: true });
        await stores.close();
      }
    });
}

/** One table per projection (two projections never share one), bookkeeping tables left out. */
function comparedTables(projections: readonly AnyProjection[]): ComparedTable[] {
  const tables = new Map<string, ComparedTable>();
  for (const p of projections) tables.set(p.table, { table: p.table, keyColumn: p.keyColumn });
  return [...tables.values()];
}

/**
 * Replays into `scratch` each projection up to its live checkpoint (those at the same position
 * together); a projection without one has no rows to compare against, so it stays empty.
 */
async function replayTo(
  store: EventStore,
  scratch: ReadDb,
  projections: readonly AnyProjection[],
  checkpoints: ReadonlyMap<string, bigint>,
  progressOut: ProgressOutput,
): Promise<void> {
  const groups = new Map<bigint, AnyProjection[]>();
  for (const p of projections) {
    const position = checkpoints.get(p.name);
    if (position !== undefined) groups.set(position, [...(groups.get(position) ?? []), p]);
  }
  for (const [position, group] of groups) {
    const runner = new ProjectionRunner({ store: boundedEventStore(store, position), db: scratch, projections: group });
    const label = groups.size === 1 ? 'verify: replay' : `verify: replay of ${group.map((p) => p.name).join(', ')}`;
    const progress = new ReplayProgress(label, position, progressOut);
    runner.onBatchCommitted(progress.onBatch);
    await runner.start();
    try {
      await runner.waitForPosition(position, Number.POSITIVE_INFINITY);
    } finally {
      await runner.stop();
      progress.finish();
    }
  }
}

/**
 * Runs `work` with one connection of `database` inside a read-only snapshot: every read sees the
 * same commit, whatever a projector writes meanwhile. Not Kysely's transaction(): on SQLite the
 * read store's begins IMMEDIATE (a write lock), which would hold up the live projector.
 */
async function inSnapshot<T>(database: ReadDatabase, work: (db: ReadDb) => Promise<T>): Promise<T> {
  const begin = database.dialect === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin deferred';
  return database.db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql.raw('rollback').execute(connection);
    }
  });
}
