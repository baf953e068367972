import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { eraseLearner } from '@sooc/compliance-application';
import { learnerRecord, type ComplianceReadDb } from '@sooc/compliance-read-models';
import { DomainError } from '@sooc/event-sourcing';
import { CommandRunner, RequestContext } from '@sooc/nest';
import { loadStoreConfig, openStores, type Stores } from '@sooc/runtime';
import { systemClock } from '@sooc/timing';

type Print = (line: string) => void;

/** Opens the stores of the environment (SOOC_DATA_DIR, SOOC_EVENT_STORE_URL, …), runs, closes. */
async function withStores<T>(env: NodeJS.ProcessEnv, run: (stores: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores(loadStoreConfig(env));
  try {
    return await run(stores);
  } finally {
    await stores.close();
  }
}

/** How far the read models trail the events: the export reads them, so a stopped gateway's lag shows. */
async function lagOf(stores: Stores): Promise<bigint> {
  const head = (await stores.eventStore.headPosition()) ?? 0n;
  const row = await stores.readDatabase.db
    .selectFrom('projection_checkpoints' as never)
    .select('position' as never)
    .where('projection' as never, '=', 'compliance.audit' as never)
    .executeTakeFirst();
  const reached = row ? BigInt((row as { position: string }).position) : 0n;
  return head > reached ? head - reached : 0n;
}

function exportCommand(env: NodeJS.ProcessEnv, print: Print): Command {
  return new Command('export')
    .description(
      "Print everything held about a learner as JSON (a subject access request), personal data opened or '[erased]'",
    )
    .argument('<learnerId>', 'the learner')
    .option('--out <file>', 'write the JSON to this file instead of printing it')
    .action(async (learnerId: string, options: { out?: string }, command: Command) => {
      await withStores(env, async (stores) => {
        const lag = await lagOf(stores);
        if (lag > 0n)
          command.error(
            `the read models are ${lag} events behind the event store: start the gateway (or run the projector) until they catch up, then export again`,
          );
        const db = stores.readDatabase.db as unknown as ComplianceReadDb;
        const [status, record] = await Promise.all([
          stores.personalData.keys.statusOf(learnerId),
          learnerRecord(db, learnerId),
        ]);
        const exported = await stores.personalData.reveal({
          learnerId,
          personalData: status,
          exportedAt: new Date().toISOString(),
          data: record,
        });
        const json = JSON.stringify(exported, null, 2);
        if (options.out) {
          writeFileSync(options.out, `${json}\n`, { mode: 0o600 });
          print(`wrote ${record.enrollments.length} applications of learner ${learnerId} to ${options.out}`);
        } else print(json);
      });
    });
}

function eraseCommand(env: NodeJS.ProcessEnv, print: Print): Command {
  return new Command('erase')
    .description("Erase a learner's personal data (their key is deleted; the history of decisions stays)")
    .argument('<learnerId>', 'the learner')
    .requiredOption('--reason <text>', "why: the request's reference (e.g. a ticket number), kept in the history")
    .option('--actor <id>', 'who erases: recorded as the compliance actor of the erasure', env['USER'] || 'cli')
    .action(async (learnerId: string, options: { reason: string; actor: string }, command: Command) => {
      await withStores(env, async (stores) => {
        const runner = new CommandRunner(stores.eventStore, systemClock);
        const context = RequestContext.as({ id: options.actor, role: 'compliance' }, randomUUID());
        try {
          const outcome = await RequestContext.run(context, () =>
            eraseLearner(runner, stores.personalData.keys, systemClock.now(), { learnerId, reason: options.reason }),
          );
          print(
            outcome.alreadyErased
              ? `learner ${learnerId} was erased already: nothing changed`
              : `erased learner ${learnerId}: ${outcome.keysDeleted} key(s) deleted, recorded at position ${outcome.result.position}`,
          );
        } catch (error) {
          if (error instanceof DomainError) command.error(`${error.code}: ${error.message}`);
          throw error;
        }
      });
    });
}

/** `sooc learner …`: a learner's rights over their data, for compliance officers at the console. */
export function learnerCommand(env: NodeJS.ProcessEnv, print: Print): Command {
  return new Command('learner')
    .description("A learner's personal data: export it, erase it")
    .addCommand(exportCommand(env, print))
    .addCommand(eraseCommand(env, print));
}
