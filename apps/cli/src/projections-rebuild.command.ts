import { hostname } from 'node:os';
import { Command } from 'commander';
import { rebuildInOneTransaction } from '@sooc/read-store';
import { allProjections, openStores } from '@sooc/runtime';
import { takeProjectorLease, type ProjectorLease } from './projector-lease.guard';
import { describeSummary, ReplayProgress, type ProgressOutput } from './replay.progress';
import { cliStoreConfig } from './stores.option';

interface RebuildOptions {
  readonly force?: boolean;
}

export const projectionNames = (): string[] => allProjections().map((p) => p.name);

/** Fails the command unless every name is a registered projection, listing the valid ones. */
export function checkProjectionNames(names: readonly string[], command: Command): void {
  const known = projectionNames();
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    command.error(
      `unknown projection${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}: the projections are ${known.join(', ')}`,
    );
}

/**
 * `sooc projections rebuild [name...]`: replays the event store into the named read models
 * (default: all) under the projector lease, so that no projector writes meanwhile: folded in
 * memory, then loaded in one transaction (see rebuildInOneTransaction). Readers see the old rows
 * until it commits.
 */
export function projectionsRebuildCommand(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  progressOut: ProgressOutput,
): Command {
  return new Command('rebuild')
    .description(
      'Empty read models and replay every event into them (progress on stderr). Takes the projector lease first: ' +
        'it refuses while a projector or a gateway with SOOC_WORKERS=embedded runs on the same read database ' +
        '(stop it, or wait SOOC_LEASE_TTL_MS for a crashed one to count as dead); the read models are replaced in one transaction: readers see the old rows until it commits',
    )
    .argument('[name...]', `projections to rebuild (default: all): ${projectionNames().join(', ')}`)
    .option(
      '--force',
      'rebuild even while a live projector holds the lease: that projector fails on its moved checkpoint and must be restarted',
    )
    .action(async (names: string[], options: RebuildOptions, command: Command) => {
      checkProjectionNames(names, command);
      const config = cliStoreConfig(env, command);
      const stores = await openStores(config.store);
      let lease: ProjectorLease | null = null;
      try {
        const outcome = await takeProjectorLease(stores.readDatabase.db, {
          holder: `sooc-cli-${hostname()}-${process.pid}`,
          ttlMs: config.leaseTtlMs,
          wait: !options.force,
        });
        if ('taken' in outcome) lease = outcome.taken;
        else {
          const holder = outcome.heldBy
            ? `"${outcome.heldBy.holder}" (renewed ${outcome.heldBy.renewedAt})`
            : 'another process';
          if (!options.force)
            command.error(
              `the projector lease of this read database is held by ${holder}: stop that projector or gateway first, or pass --force`,
            );
          progressOut.write(`warning: --force: rebuilding while ${holder} holds the projector lease\n`);
        }
        const head = await stores.eventStore.headPosition();
        const progress = new ReplayProgress('rebuild', head, progressOut);
        const chosen = allProjections().filter((p) => names.length === 0 || names.includes(p.name));
        const summary = await rebuildInOneTransaction({
          store: stores.eventStore,
          db: stores.readDatabase.db,
          dialect: stores.readDatabase.dialect,
          projections: chosen,
          ...(lease ? { fence: lease.fence } : {}),
          onEvents: progress.onBatch,
        }).then(
          () => progress.finish(),
          (error: unknown) => {
            progress.finish();
            throw error;
          },
        );
        const which = names.length > 0 ? names.join(', ') : `all ${projectionNames().length} projections`;
        print(`rebuilt ${which} to position ${head ?? 'none (empty store)'}: ${describeSummary(summary)}`);
      } finally {
        await lease?.release();
        await stores.close();
      }
    });
}
