/**
 * The SQLite adapter against raw better-sqlite3 on the same schema, pragmas and rows, in the same
 * run: what the port (validation, expected-revision check, promises) costs, and what
 * group commit buys when many appends are in flight at once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { categoryOf, type EventToAppend } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { openConnection } from '../../libs/shared/event-store/src/lib/sqlite.schema';
import type { BenchRow, BenchSection } from './bench.types';

const SINGLES = 3_000;
const BATCHES = 200;
const BATCH = 100;
const CONCURRENT = 2_000;
const SLICE = 10;
const META = {
  occurredAt: '2026-03-03T09:00:00.000Z',
  actor: { id: 'admin-1', role: 'admin' as const },
  correlationId: 'corr-1',
  causationId: null,
  schemaVersion: 1,
};

interface Row {
  readonly streamId: string;
  readonly revision: bigint;
  readonly event: EventToAppend;
}

/** Realistic small events: a seat reservation with a few fields. */
function rows(count: number, perStream: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    streamId: `cohort-${Math.floor(i / perStream)}`,
    revision: BigInt(i % perStream),
    event: {
      id: randomUUID(),
      type: 'SeatReserved',
      data: { enrollmentId: `enrollment-${i}`, companyId: 'acme', seat: i, at: META.occurredAt },
      metadata: META,
    },
  }));
}

interface Pair {
  readonly raw: number;
  readonly adapter: number;
}

/**
 * Raw and adapter take turns on small slices of the same rows (two files open side by side), so
 * the load of a shared machine falls on both alike; each side's time is the sum of its slices.
 */
async function paired(dir: string, data: Row[], perTransaction: number): Promise<Pair> {
  const db = openConnection(join(dir, `raw-${perTransaction}.db`), { synchronous: 'FULL', busyTimeoutMs: 5000 });
  const store = SqliteEventStore.open(join(dir, `adapter-${perTransaction}.db`));
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, category, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((chunk: Row[]) => {
    const at = new Date().toISOString();
    // The rows of a chunk share one metadata object (as a command's events do): serialise it once, like the adapter.
    const metadata = JSON.stringify(chunk[0].event.metadata);
    for (const r of chunk)
      insert.run(
        r.streamId,
        r.revision,
        categoryOf(r.streamId),
        r.event.id,
        r.event.type,
        JSON.stringify(r.event.data),
        metadata,
        at,
      );
  });
  const raw = (chunks: Row[][]) => {
    for (const chunk of chunks) write(chunk);
  };
  const adapter = async (chunks: Row[][]) => {
    for (const chunk of chunks) {
      const first = chunk[0].revision;
      await store.append(
        chunk[0].streamId,
        chunk.map((r) => r.event),
        { expectedRevision: first === 0n ? 'no_stream' : first - 1n },
      );
    }
  };
  const chunks: Row[][] = [];
  for (let i = 0; i < data.length; i += perTransaction) chunks.push(data.slice(i, i + perTransaction));
  let rawMs = 0;
  let adapterMs = 0;
  for (let i = 0, turn = 0; i < chunks.length; i += SLICE, turn++) {
    const slice = chunks.slice(i, i + SLICE);
    for (const side of turn % 2 === 0 ? ['raw', 'adapter'] : ['adapter', 'raw']) {
      const start = performance.now();
      if (side === 'raw') raw(slice);
      else await adapter(slice);
      if (side === 'raw') rawMs += performance.now() - start;
      else adapterMs += performance.now() - start;
    }
  }
  db.close();
  await store.close();
  return { raw: (data.length / rawMs) * 1000, adapter: (data.length / adapterMs) * 1000 };
}

async function concurrent(file: string, data: Row[]): Promise<number> {
  const store = SqliteEventStore.open(file);
  const start = performance.now();
  await Promise.all(data.map((r) => store.append(r.streamId, [r.event], { expectedRevision: 'no_stream' })));
  const ms = performance.now() - start;
  await store.close();
  return (data.length / ms) * 1000;
}

export async function run(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-bench-es-'));
  let singles: Pair;
  let batches: Pair;
  let inFlight: number;
  try {
    singles = await paired(dir, rows(SINGLES, 10), 1);
    batches = await paired(dir, rows(BATCHES * BATCH, BATCH * 5), BATCH);
    inFlight = await concurrent(join(dir, 'concurrent.db'), rows(CONCURRENT, 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio1 = singles.adapter / singles.raw;
  const ratio100 = batches.adapter / batches.raw;
  const table: BenchRow[] = [
    { name: 'raw better-sqlite3, 1 row per transaction', value: singles.raw, unit: 'events/s' },
    {
      name: 'SqliteEventStore, 1 event per append (awaited one by one)',
      value: singles.adapter,
      unit: 'events/s',
      note: `${ratio1.toFixed(2)} × raw`,
    },
    { name: `raw better-sqlite3, ${BATCH} rows per transaction`, value: batches.raw, unit: 'events/s' },
    {
      name: `SqliteEventStore, ${BATCH} events per append`,
      value: batches.adapter,
      unit: 'events/s',
      note: `${ratio100.toFixed(2)} × raw`,
    },
    {
      name: `SqliteEventStore, ${CONCURRENT.toLocaleString('en-US')} single-event appends in flight (group commit)`,
      value: inFlight,
      unit: 'events/s',
      note: `${(inFlight / singles.raw).toFixed(1)} × raw 1-per-transaction`,
    },
  ];
  return {
    title: 'Event store: SQLite adapter vs raw better-sqlite3',
    method:
      `Same schema (the adapter's own, with its indexes), same pragmas (WAL, synchronous=FULL), same pre-built rows (JSON.stringify counted on both sides: data per row, the shared metadata once per transaction), fresh files on ${tmpdir()}. ` +
      `Raw: a prepared INSERT in db.transaction(); adapter: append() with exact expected revisions (validation, revision check inside the transaction, a promise per call), each awaited before the next. ` +
      `${SINGLES.toLocaleString('en-US')} events one per transaction, ${(BATCHES * BATCH).toLocaleString('en-US')} events ${BATCH} per transaction; raw and adapter take turns every ${SLICE} transactions on two files open side by side, so a shared machine's load falls on both alike. ` +
      `Then ${CONCURRENT.toLocaleString('en-US')} single-event appends to distinct streams started at once (one group-committed transaction per event-loop turn).`,
    rows: table,
    findings: [
      `adapter / raw, 1 event per transaction = ${ratio1.toFixed(2)} (aim ≥ 0.8)`,
      `adapter / raw, ${BATCH} events per transaction = ${ratio100.toFixed(2)} (aim ≥ 0.8)`,
      `group commit: ${CONCURRENT.toLocaleString('en-US')} concurrent appends reach ${Math.round(inFlight).toLocaleString('en-US')} events/s, ${(inFlight / singles.adapter).toFixed(1)} × the one-at-a-time adapter`,
    ],
  };
}
