/**
 * Catch-up throughput: a subscribeAll from the start over a filled store, until caught-up. The
 * EventStoreDB adapter (real @eventstore/db-client over gRPC to the in-process stand-in) beside
 * the SQLite adapter, in the same run; the bare client on the same stand-in shows what the
 * adapter itself costs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient, excludeSystemEvents, START } from '@eventstore/db-client';
import type { EventFilter, EventStore, EventToAppend } from '@sooc/event-sourcing';
import { EsdbEventStore, SqliteEventStore } from '@sooc/event-store';
import { EsdbStandIn } from '@sooc/event-store/testing';
import type { BenchRow, BenchSection } from './bench.types';

const EVENTS = 50_000;
const PER_APPEND = 50;
/** One stream in ten is a cohort: the filtered catch-up keeps a tenth of the log. */
const COHORT_EVERY = 10;
const ROUNDS = 3;
const META = {
  occurredAt: '2026-03-03T09:00:00.000Z',
  actor: { id: 'admin-1', role: 'admin' as const },
  correlationId: 'corr-1',
  causationId: null,
  schemaVersion: 1,
};

async function fill(store: EventStore): Promise<number> {
  let cohortEvents = 0;
  for (let i = 0; i < EVENTS / PER_APPEND; i++) {
    const cohort = i % COHORT_EVERY === 0;
    const events: EventToAppend[] = Array.from({ length: PER_APPEND }, (_, n) => ({
      id: randomUUID(),
      type: cohort ? 'SeatReserved' : 'ApplicationSubmitted',
      data: { learnerId: `learner-${i}-${n}`, companyId: 'acme', seat: n, at: META.occurredAt },
      metadata: META,
    }));
    await store.append(`${cohort ? 'cohort' : 'enrollment'}-${i}`, events, { expectedRevision: 'no_stream' });
    if (cohort) cohortEvents += PER_APPEND;
  }
  return cohortEvents;
}

/** Events per second from subscribe to caught-up; checks that every expected event arrived. */
async function catchUp(store: EventStore, expected: number, filter?: EventFilter): Promise<number> {
  const start = performance.now();
  const subscription = store.subscribeAll({ from: 'start', filter });
  let seen = 0;
  for await (const message of subscription) {
    if (message.kind === 'caught-up') break;
    seen++;
  }
  const ms = performance.now() - start;
  if (seen !== expected) throw new Error(`caught up after ${seen} events, expected ${expected}`);
  return (seen / ms) * 1000;
}

/** The bare client on the same server, with the filter the adapter sends when it has none. */
async function rawCatchUp(url: string, expected: number): Promise<number> {
  const client = EventStoreDBClient.connectionString(url);
  try {
    const start = performance.now();
    const subscription = client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
    let seen = 0;
    for await (const resolved of subscription) if (resolved.event && ++seen === expected) break;
    const ms = performance.now() - start;
    await subscription.unsubscribe();
    return (seen / ms) * 1000;
  } finally {
    await client.dispose();
  }
}

const best = (values: number[]) => Math.max(...values);

export async function run(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-bench-catch-up-'));
  const standIn = await EsdbStandIn.start();
  const sqlite = SqliteEventStore.open(join(dir, 'events.db'));
  const esdb = EsdbEventStore.connect(standIn.url);
  const figures = {
    sqlite: [] as number[],
    esdb: [] as number[],
    raw: [] as number[],
    sqliteCohorts: [] as number[],
    esdbCohorts: [] as number[],
  };
  try {
    const cohortEvents = await fill(sqlite);
    await fill(esdb);
    // Rounds interleave the contenders, so a shared machine's load falls on all alike.
    for (let round = 0; round < ROUNDS; round++) {
      figures.sqlite.push(await catchUp(sqlite, EVENTS));
      figures.esdb.push(await catchUp(esdb, EVENTS));
      figures.raw.push(await rawCatchUp(standIn.url, EVENTS));
      figures.sqliteCohorts.push(await catchUp(sqlite, cohortEvents, { categories: ['cohort'] }));
      figures.esdbCohorts.push(await catchUp(esdb, cohortEvents, { categories: ['cohort'] }));
    }
  } finally {
    await esdb.close();
    await sqlite.close();
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const [sqliteAll, esdbAll, rawAll, sqliteCohorts, esdbCohorts] = [
    figures.sqlite,
    figures.esdb,
    figures.raw,
    figures.sqliteCohorts,
    figures.esdbCohorts,
  ].map(best);
  const n = EVENTS.toLocaleString('en-US');
  const rows: BenchRow[] = [
    { name: `SqliteEventStore, ${n} events`, value: sqliteAll, unit: 'events/s' },
    {
      name: `EsdbEventStore via the gRPC stand-in, ${n} events`,
      value: esdbAll,
      unit: 'events/s',
      note: `${(esdbAll / sqliteAll).toFixed(2)} × SQLite`,
    },
    {
      name: `bare @eventstore/db-client subscribeToAll, same stand-in`,
      value: rawAll,
      unit: 'events/s',
      note: `adapter = ${(esdbAll / rawAll).toFixed(2)} × bare client`,
    },
    {
      name: `SqliteEventStore, category filter (1 event in ${COHORT_EVERY} kept)`,
      value: sqliteCohorts,
      unit: 'events/s delivered',
    },
    {
      name: `EsdbEventStore, category filter (server-side stream prefix)`,
      value: esdbCohorts,
      unit: 'events/s delivered',
      note: `${(esdbCohorts / sqliteCohorts).toFixed(2)} × SQLite`,
    },
  ];
  return {
    title: 'Catch-up: subscribeAll from the start until caught-up, SQLite vs EventStoreDB (stand-in)',
    method:
      `${n} events (${PER_APPEND} per append, ${EVENTS / PER_APPEND} streams, one in ${COHORT_EVERY} a cohort stream) in a SQLite file (WAL, synchronous=FULL) on ${tmpdir()} and in the in-process EventStoreDB stand-in. ` +
      `Each figure is the best of ${ROUNDS} interleaved rounds, timed from subscribeAll to the caught-up signal with every event consumed. ` +
      "The stand-in runs in the same process as the client, so the gRPC figures include the server's work: they bound the adapter and client, not a real EventStoreDB.",
    rows,
    findings: [
      `EventStoreDB adapter catch-up = ${(esdbAll / sqliteAll).toFixed(2)} × SQLite adapter (${Math.round(esdbAll).toLocaleString('en-US')} vs ${Math.round(sqliteAll).toLocaleString('en-US')} events/s)`,
      `adapter overhead on the ESDB path: ${(esdbAll / rawAll).toFixed(2)} × the bare client's subscribeToAll`,
      `filtered by category, ESDB delivers ${Math.round(esdbCohorts).toLocaleString('en-US')} events/s, SQLite ${Math.round(sqliteCohorts).toLocaleString('en-US')} events/s`,
    ],
  };
}
