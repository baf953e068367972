import { hostname } from 'node:os';
import { Command } from 'commander';
import type { EventStore, EventToAppend, RecordedEvent } from '@sooc/event-sourcing';
import { PersonalDataEventStore, sealedInCurrentVersion, type PersonalDataVault } from '@sooc/personal-data';
import type { ReadDb } from '@sooc/read-store';
import { openEventStore, openStores, UPCASTERS } from '@sooc/runtime';
import { errorMessage, positionKey } from '@sooc/util';
import { takeProjectorLease } from './projector-lease.guard';
import { describeSummary, ReplayProgress, type ProgressOutput } from './replay.progress';
import { cliStoreConfig } from './stores.option';

const PAGE = 1_000;

/** Old position → new position of the same event, in order: what the checkpoints are mapped by. */
type PositionMap = [old: bigint, copied: bigint][];

/** The events as stored below the personal-data layer: copied as they are, unless written in clear. */
function rawStore(store: EventStore): EventStore {
  return store instanceof PersonalDataEventStore ? store.inner : store;
}

async function asStored(event: RecordedEvent, vault: PersonalDataVault): Promise<EventToAppend> {
  const sealed = await sealedInCurrentVersion(event, vault, UPCASTERS);
  return {
    id: event.id,
    type: event.type,
    data: sealed?.data ?? event.data,
    metadata: sealed?.metadata ?? event.metadata,
  };
}

interface Run {
  readonly streamId: string;
  readonly fromRevision: bigint;
  lastPosition: bigint;
  readonly events: RecordedEvent[];
}

/** Consecutive events of one stream: one append each, so the copy keeps `$all`'s order. */
function runsOf(page: readonly RecordedEvent[]): Run[] {
  const runs: Run[] = [];
  for (const event of page) {
    const run = runs[runs.length - 1];
    if (run?.streamId === event.streamId) {
      run.events.push(event);
      run.lastPosition = event.position;
    } else
      runs.push({
        streamId: event.streamId,
        fromRevision: event.revision,
        lastPosition: event.position,
        events: [event],
      });
  }
  return runs;
}

/**
 * Every event of `source`, in `$all` order, appended to `target` with its id, stream, revision,
 * data and metadata (occurredAt, actor, correlation). Events of a release before sealing are
 * lifted to their current version and sealed on the way. Appends are sequential: the target's
 * `$all` must keep the source's order, which projections fold by.
 */
async function copyAll(
  source: EventStore,
  target: EventStore,
  vault: PersonalDataVault,
  onPage: (events: readonly RecordedEvent[]) => void,
): Promise<{ copied: number; sealed: number; positions: PositionMap }> {
  const positions: PositionMap = [];
  let copied = 0;
  let sealed = 0;
  let from: bigint | 'start' = 'start';
  for (;;) {
    const page = await source.readAll({ from, max: PAGE });
    const last = page.at(-1);
    if (!last) break;
    for (const run of runsOf(page)) {
      const events = await Promise.all(run.events.map((e) => asStored(e, vault)));
      sealed += events.filter((e, i) => e.metadata !== run.events[i]?.metadata).length;
      const result = await target.append(run.streamId, events, {
        expectedRevision: run.fromRevision === 0n ? 'no_stream' : run.fromRevision - 1n,
      });
      positions.push([run.lastPosition, result.position]);
      copied += events.length;
    }
    onPage(page);
    from = last.position;
  }
  return { copied, sealed, positions };
}

/** The copied position of the last event at or before `old`; null when none was (start over). */
function mapped(positions: PositionMap, old: bigint): bigint | null {
  let low = 0;
  let high = positions.length - 1;
  let found: bigint | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [at, copied] = positions[middle] ?? [0n, 0n];
    if (at <= old) {
      found = copied;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Moves every checkpoint of the read database (projections, reactor) onto the copied positions. */
async function mapCheckpoints(db: ReadDb, positions: PositionMap): Promise<number> {
  const rows = await db.selectFrom('projection_checkpoints').select(['projection', 'position']).execute();
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const moved = mapped(positions, BigInt(row.position));
      if (moved === null)
        await trx.deleteFrom('projection_checkpoints').where('projection', '=', row.projection).execute();
      else
        await trx
          .updateTable('projection_checkpoints')
          .set({ position: moved.toString(), updated_at: new Date().toISOString() })
          .where('projection', '=', row.projection)
          .execute();
    }
    // The webhook workers' cursors are feed positions, that is event positions: moved alike, so
    // partners are sent nothing twice after the switch (their keys are position keys).
    const cursors = await trx.selectFrom('webhook_cursors').select(['endpoint_key', 'position']).execute();
    for (const cursor of cursors as { endpoint_key: string; position: string }[]) {
      const moved = mapped(positions, BigInt(cursor.position));
      await trx
        .updateTable('webhook_cursors')
        .set({ position: positionKey(moved ?? 0n) })
        .where('endpoint_key', '=', cursor.endpoint_key)
        .execute();
    }
  });
  return rows.length;
}

/**
 * `sooc events copy --to URL`: the whole event store into another, empty one — from the embedded
 * SQLite file to EventStoreDB, or from an EventStoreDB whose events a release before sealing
 * wrote with personal data in clear (events there are immutable: a copy is how they get sealed;
 * docs/ARCHITECTURE.md, "Compliance"). The read database's checkpoints are moved to the new
 * positions, so the workers carry on where they were once SOOC_EVENT_STORE_URL names the copy.
 */
export function eventsCopyCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('copy')
    .description(
      'Copy every event, in order, into an empty event store (ids, streams, revisions and metadata kept; events written ' +
        'in clear by a release before sealing are sealed on the way), then move the read database’s checkpoints to the ' +
        'copied positions. Stop every gateway, projector and reactor first; afterwards point SOOC_EVENT_STORE_URL at the copy',
    )
    .requiredOption('--to <url>', 'the empty event store to copy into: esdb://… or sqlite:<file>')
    .action(async (options: { readonly to: string }, command: Command) => {
      const config = cliStoreConfig(env, command);
      if (options.to === config.store.eventStoreUrl)
        command.error(`--to names the store being copied (${options.to}): give another, empty one`);
      let target: EventStore;
      try {
        target = openEventStore(options.to);
      } catch (error) {
        return command.error(`--to ${options.to}: ${errorMessage(error)}`);
      }
      const stores = await openStores(config.store).catch(async (error: unknown) => {
        await target.close();
        throw error;
      });
      try {
        if ((await target.headPosition()) !== null)
          command.error(`--to ${options.to} already holds events: copy into an empty event store`);
        const lease = await takeProjectorLease(stores.readDatabase.db, {
          holder: `sooc-cli-copy-${hostname()}-${process.pid}`,
          ttlMs: config.leaseTtlMs,
          wait: true,
        });
        if (!('taken' in lease))
          command.error(
            `the projector lease of this read database is held by ${lease.heldBy?.holder ?? 'another process'}: stop every gateway, projector and reactor first`,
          );
        try {
          const source = rawStore(stores.eventStore);
          const progress = new ReplayProgress('copy', await source.headPosition(), progressOut);
          let summary = null;
          let result;
          try {
            result = await copyAll(source, target, stores.personalData, progress.onBatch);
          } finally {
            summary = progress.finish();
          }
          const checkpoints = await mapCheckpoints(stores.readDatabase.db, result.positions);
          print(
            `copied ${describeSummary(summary)}: ${result.sealed} sealed on the way; ${checkpoints} checkpoints moved`,
          );
          print(
            `next: set SOOC_EVENT_STORE_URL=${options.to} for every process, then \`sooc projections rebuild\` so the positions the read models show are the copy's; keep the old store until you have checked the copy, then delete it`,
          );
        } finally {
          await lease.taken.release();
        }
      } finally {
        await target.close();
        await stores.close();
      }
    });
}

/** `sooc events …`: the event store as a whole. */
export function eventsCommand(env: NodeJS.ProcessEnv, print: (line: string) => void, progressOut: ProgressOutput) {
  return new Command('events')
    .description('The event store as a whole')
    .addCommand(eventsCopyCommand(env, print, progressOut));
}
