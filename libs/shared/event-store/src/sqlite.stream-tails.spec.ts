import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './lib/sqlite.event-store';
import { event } from './testing/contract.fixture';

/**
 * The SQLite store answers reads of a stream's end from what its connection wrote or read
 * (SqliteStreamTails). These specs hold it to the query's answer: two stores on one file play
 * two processes, and every read is compared with a plain query on a third connection.
 */
describe('SqliteEventStore: reads of stream ends it already knows', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = () => {
    const store = SqliteEventStore.open(file);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sooc-es-tails-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const revisions = async (store: SqliteEventStore, streamId: string, from?: bigint) =>
    (await store.readStream(streamId, from === undefined ? {} : { from })).map((e) => `${e.revision}:${e.id}`);

  it('sees what another process appended after it wrote and read the stream itself', async () => {
    const a = open();
    const b = open();
    await a.append('thing-1', [event(), event()], { expectedRevision: 'no_stream' });
    expect(await revisions(a, 'thing-1', 2n)).toEqual([]);
    const other = event();
    await b.append('thing-1', [other], { expectedRevision: 1n });
    expect(await revisions(a, 'thing-1', 2n)).toEqual([`2:${other.id}`]);
    expect(await revisions(a, 'thing-1')).toHaveLength(3);
  });

  it('sees a stream another process created after it read the stream as absent', async () => {
    const a = open();
    const b = open();
    expect(await revisions(a, 'thing-2')).toEqual([]);
    const created = event();
    await b.append('thing-2', [created], { expectedRevision: 'no_stream' });
    expect(await revisions(a, 'thing-2')).toEqual([`0:${created.id}`]);
  });

  it('answers every read as a query on another connection would, whoever appended', async () => {
    const raw = new Database(file);
    const query = (streamId: string, from: bigint, max: number) =>
      (
        raw
          .prepare('SELECT revision, id FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?')
          .safeIntegers(true)
          .all(streamId, from, max) as { revision: bigint; id: string }[]
      ).map((r) => `${r.revision}:${r.id}`);
    const stores = [open(), open()];
    const streams = ['thing-a', 'thing-b'];
    const op = fc.record({
      store: fc.integer({ min: 0, max: 1 }),
      stream: fc.constantFrom(...streams),
      // Half reads, half appends, so a read often follows the other store's append.
      append: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 2 }),
      from: fc.integer({ min: 0, max: 6 }),
      max: fc.constantFrom(1, 2, 100),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
          for (const { store, stream, append, from, max } of ops) {
            const s = stores[store];
            if (append !== null) {
              await s.append(
                stream,
                Array.from({ length: append }, () => event()),
                { expectedRevision: 'any' },
              );
            } else {
              const read = (await s.readStream(stream, { from: BigInt(from), max })).map(
                (e) => `${e.revision}:${e.id}`,
              );
              expect(read).toEqual(query(stream, BigInt(from), max));
            }
          }
        }),
        { numRuns: 100 },
      );
    } finally {
      raw.close();
    }
  });
});
