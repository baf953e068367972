/**
 * A separate OS process for sqlite.multi-process.spec.ts: `node … sqlite-writer.process.ts <file>
 * <name> <hotStreams> <hotAppends> <ownStreams> <ownAppends>`. Prints "ready", waits for "go" on
 * stdin, appends, prints one JSON line with the ids it wrote and how many conflicts it retried.
 */
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type EventToAppend } from '@sooc/event-sourcing';
import { SqliteEventStore } from '../lib/sqlite.event-store';
import { META } from './contract.fixture';

const [file, name, hotStreams, hotAppends, ownStreams, ownAppends] = process.argv.slice(2);
const store = SqliteEventStore.open(file, { busyTimeoutMs: 30_000 });
const written: string[] = [];
let conflicts = 0;

function one(n: number): EventToAppend {
  return { id: randomUUID(), type: 'ThingHappened', data: { by: name, n }, metadata: META };
}

/**
 * Think time between commands, as real clients have: without it one process holds the write lock
 * back to back and SQLite's sleeping busy handler lets the other in only at the very end.
 */
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

/** Read, append at the revision just read, retry on conflict: what a command handler does. */
async function hot(streamId: string): Promise<void> {
  for (let n = 0; n < Number(hotAppends); n++) {
    await pause();
    for (;;) {
      const [last] = await store.readStream(streamId, { direction: 'backwards', max: 1 });
      const event = one(n);
      try {
        await store.append(streamId, [event], { expectedRevision: last ? last.revision : 'no_stream' });
        written.push(event.id);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts++;
      }
    }
  }
}

async function own(streamId: string): Promise<void> {
  let expected: bigint | 'no_stream' = 'no_stream';
  for (let n = 0; n < Number(ownAppends); n++) {
    await pause();
    const events = [one(n), one(n)];
    expected = (await store.append(streamId, events, { expectedRevision: expected })).nextExpectedRevision;
    written.push(...events.map((e) => e.id));
  }
}

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const hots = Array.from({ length: Number(hotStreams) }, (_, i) => hot(`hot-${i}`));
  // Two loops per hot stream in this process too: group commit puts them in one transaction.
  const hots2 = Array.from({ length: Number(hotStreams) }, (_, i) => hot(`hot-${i}`));
  const owns = Array.from({ length: Number(ownStreams) }, (_, i) => own(`own-${name}x${i}`));
  await Promise.all([...hots, ...hots2, ...owns]);
  await store.close();
  process.stdout.write(`${JSON.stringify({ name, written, conflicts })}\n`);
  process.stdin.pause();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
