import { readFileSync } from 'node:fs';
import type { EventStore } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import type { ReadDb, ReadDialect } from '@sooc/read-store';
import { testDatabase } from '@sooc/read-store/testing';
import { allProjections, createProjectionRunner, openStores } from '@sooc/runtime';
import { leaseRowLocked, writeTransactionOpen } from './open-transaction.probe';
import { startProjectorProcess, type ProjectorProcess } from './projector.process';
import { dumpReadDb } from './read-db.dump';
import type { ReadModelDump } from './read-db.inspect';
import { healthOf, healthUrlOf } from './worker.probe';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withEventStore<T>(file: string, use: (store: EventStore) => Promise<T>): Promise<T> {
  const store = SqliteEventStore.open(file, { synchronous: 'OFF' });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export interface Instance {
  readonly id: string;
  readonly run: ProjectorProcess;
  readonly url: string;
}

/** A real projector process on the shared event file and read database, its health URL known. */
export async function startProjectorInstance(
  id: string,
  env: { eventsFile: string; readDbUrl: string; dataDir: string; ttlMs: number; batchSize: string },
): Promise<Instance> {
  const run = startProjectorProcess({
    SOOC_EVENT_STORE_URL: `sqlite:${env.eventsFile}`,
    SOOC_READ_DB_URL: env.readDbUrl,
    SOOC_DATA_DIR: env.dataDir,
    SOOC_PROJECTION_BATCH_SIZE: env.batchSize,
    SOOC_LEASE_TTL_MS: String(env.ttlMs),
    SOOC_INSTANCE_ID: id,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  });
  return { id, run, url: await healthUrlOf(run) };
}

/** Its /health role, or 'unreachable' (frozen, or exited). */
export async function roleOf(instance: Instance): Promise<string> {
  return (await healthOf(instance.url).catch(() => ({ role: 'unreachable' }))).role;
}

/**
 * Runs `during` while `instance` gets about a fifth of its usual time: stopped 20 ms, running 5 ms,
 * and so on, ending thawed. A replay that must still be under way after another process's start
 * then does not depend on how fast this machine replays against how fast it starts a process
 * (a fast replay once finished the whole history while the spare was starting). The running
 * slices let the holder renew its lease in time.
 */
export async function throttled<T>(instance: Instance, during: () => Promise<T>): Promise<T> {
  let done = false;
  const cycling = (async () => {
    while (!done) {
      instance.run.child.kill('SIGSTOP');
      await sleep(20);
      instance.run.child.kill('SIGCONT');
      await sleep(5);
    }
  })();
  try {
    return await during();
  } finally {
    done = true;
    await cycling;
  }
}

/**
 * SIGSTOPs a replaying projector, and thaws and tries again a moment later until the freeze lands
 * where asked: `between` two batch transactions, or `inside` one (holding the write lock on
 * SQLite, the rows and checkpoints it wrote on PostgreSQL). Resolves with the number of tries.
 *
 * A replay spends most of its time inside its transactions, so landing between two may take many
 * tries; each thaw is a few milliseconds, so that all of them together move the replay on by a few
 * batches, not through the rest of the history (a 10–70 ms thaw once let it reach 98% first).
 */
export async function freeze(
  instance: Instance,
  readDbUrl: string,
  where: 'between' | 'inside',
  maxTries = 400,
): Promise<number> {
  const pid = instance.run.child.pid as number;
  for (let tries = 1; tries <= maxTries; tries++) {
    instance.run.child.kill('SIGSTOP');
    await stopped(pid);
    const open = await writeTransactionOpen(readDbUrl);
    // Inside a batch, but before its fence: a standby can still take the lease over meanwhile.
    if (open !== null && open === (where === 'inside') && !(open && (await leaseRowLocked(readDbUrl)))) return tries;
    instance.run.child.kill('SIGCONT');
    // Varied, so the next stop lands at another point of a batch; long enough for an overdue renewal.
    await sleep(2 + ((tries * 7) % 9));
  }
  throw new Error(`no freeze out of ${maxTries} landed ${where} a transaction`);
}

/** Resolves once every thread of `pid` is stopped (Linux reports `T`), so a probe sees where it froze. */
async function stopped(pid: number): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (Date.now() < deadline) {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    if (state === 'T') return;
    await sleep(1);
  }
  throw new Error(`process ${pid} did not stop within 1 s of SIGSTOP`);
}

/** Per projection, the change log's positions in commit order: a batch committed twice repeats one. */
export async function changeLogPositions(db: ReadDb): Promise<Map<string, bigint[]>> {
  const rows = (await db
    .selectFrom('read_model_changes')
    .select(['projection', 'position'])
    .orderBy('seq')
    .execute()) as { projection: string; position: string }[];
  const byProjection = new Map<string, bigint[]>();
  for (const row of rows)
    byProjection.set(row.projection, [...(byProjection.get(row.projection) ?? []), BigInt(row.position)]);
  return byProjection;
}

/** Positions at or below the one before: each commit logs a projection once, at a higher position. */
export function repeatedOrBackwards(positions: readonly bigint[]): bigint[] {
  return positions.filter((p, i) => i > 0 && p <= positions[i - 1]);
}

/** The read models a clean rebuild of the whole event file gives, in a fresh database of the same dialect. */
export async function cleanRebuild(eventsFile: string, dialect: ReadDialect): Promise<ReadModelDump> {
  const clean = await testDatabase(dialect);
  try {
    const stores = await openStores({ eventStoreUrl: `sqlite:${eventsFile}`, readDbUrl: clean.url });
    try {
      await createProjectionRunner(stores, { projectionBatchSize: 1_000 }).rebuild();
      return await dumpReadDb(stores.readDatabase.db, allProjections());
    } finally {
      await stores.close();
    }
  } finally {
    await clean.dispose();
  }
}
