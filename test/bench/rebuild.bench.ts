/**
 * A full rebuild of a realistic read model (one row per cohort, counters and timestamps folded
 * from enrollment events) by the ProjectionRunner: from an event store already filled, into a
 * SQLite read database file. The bare subscription read is measured in the same run, so the
 * runner's own cost shows as a ratio.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent, EventToAppend, Projection, ProjectionRow } from '@sooc/event-sourcing';
import { SqliteEventStore } from '@sooc/event-store';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type MigrationSet } from '@sooc/read-store';
import type { BenchSection } from './bench.types';

const COHORTS = 3_000;
const ENROLLMENTS = 50_000;
const AIM = 100_000;

type EnrollmentEvent =
  | DomainEvent<'ApplicationSubmitted', { cohortId: string; learnerId: string; companyId: string }>
  | DomainEvent<'ApplicantAdmitted', { cohortId: string; learnerId: string }>
  | DomainEvent<'ApplicantWaitlisted', { cohortId: string; learnerId: string; rank: number }>
  | DomainEvent<'LearnerEnrolled', { cohortId: string; learnerId: string }>
  | DomainEvent<'ApplicationWithdrawn', { cohortId: string; learnerId: string; reason: string }>;

interface CohortFillRow extends ProjectionRow {
  cohort_id: string;
  applications: number;
  admitted: number;
  waitlisted: number;
  enrolled: number;
  withdrawn: number;
  last_company: string | null;
  updated_at: string;
}

export const migrations: MigrationSet = {
  bench_0001_cohort_fill: {
    up: (db) =>
      db.schema
        .createTable('cohort_fill')
        .addColumn('cohort_id', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('applications', 'integer', (c) => c.notNull())
        .addColumn('admitted', 'integer', (c) => c.notNull())
        .addColumn('waitlisted', 'integer', (c) => c.notNull())
        .addColumn('enrolled', 'integer', (c) => c.notNull())
        .addColumn('withdrawn', 'integer', (c) => c.notNull())
        .addColumn('last_company', 'varchar(60)')
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute(),
  },
};

export const cohortFill: Projection<CohortFillRow, EnrollmentEvent> = {
  name: 'cohort-fill',
  table: 'cohort_fill',
  keyColumn: 'cohort_id',
  handles: ['ApplicationSubmitted', 'ApplicantAdmitted', 'ApplicantWaitlisted', 'LearnerEnrolled', 'ApplicationWithdrawn'],
  keyOf: (event) => event.data.cohortId,
  apply: (row, event) => {
    const r = row ?? { cohort_id: event.data.cohortId, applications: 0, admitted: 0, waitlisted: 0, enrolled: 0, withdrawn: 0, last_company: null, updated_at: '' };
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'ApplicationSubmitted':
        return { ...r, applications: r.applications + 1, last_company: event.data.companyId, updated_at: at };
      case 'ApplicantAdmitted':
        return { ...r, admitted: r.admitted + 1, updated_at: at };
      case 'ApplicantWaitlisted':
        return { ...r, waitlisted: r.waitlisted + 1, updated_at: at };
      case 'LearnerEnrolled':
        return { ...r, admitted: r.admitted - 1, enrolled: r.enrolled + 1, updated_at: at };
      case 'ApplicationWithdrawn':
        return { ...r, withdrawn: r.withdrawn + 1, updated_at: at };
    }
  },
};

/** Each enrollment stream: submitted, then admitted + enrolled, or waitlisted, sometimes withdrawn. */
function enrollmentEvents(i: number): EventToAppend[] {
  const cohortId = `cohort-${i % COHORTS}`;
  const learnerId = `learner-${i}`;
  const metadata = { occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), actor: { id: 'admin-1', role: 'admin' as const }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 };
  const event = (type: EnrollmentEvent['type'], data: Record<string, unknown>): EventToAppend => ({ id: randomUUID(), type, data: { cohortId, learnerId, ...data }, metadata });
  const events = [event('ApplicationSubmitted', { companyId: `company-${i % 40}` })];
  if (i % 3 === 0) events.push(event('ApplicantWaitlisted', { rank: i % 17 }));
  else events.push(event('ApplicantAdmitted', {}), event('LearnerEnrolled', {}));
  if (i % 5 === 0) events.push(event('ApplicationWithdrawn', { reason: 'schedule' }));
  return events;
}

export async function fill(store: SqliteEventStore): Promise<number> {
  let count = 0;
  for (let start = 0; start < ENROLLMENTS; start += 1_000) {
    const appends = [];
    for (let i = start; i < Math.min(ENROLLMENTS, start + 1_000); i++) {
      const events = enrollmentEvents(i);
      count += events.length;
      appends.push(store.append(`enrollment-cohort-${i % COHORTS}-learner-${i}`, events, { expectedRevision: 'no_stream' }));
    }
    await Promise.all(appends);
  }
  return count;
}

export async function subscriptionOnly(store: SqliteEventStore): Promise<number> {
  const subscription = store.subscribeAll({ filter: { eventTypes: [...cohortFill.handles] } });
  let count = 0;
  const start = performance.now();
  for await (const message of subscription) {
    if (message.kind === 'caught-up') break;
    count++;
  }
  const ms = performance.now() - start;
  await subscription.close();
  return (count / ms) * 1000;
}

export async function rebuild(store: SqliteEventStore, dir: string, name: string, batchSize: number, events: number): Promise<number> {
  const read = openReadDatabase(`sqlite:${join(dir, `${name}.db`)}`);
  await migrateToLatest(read.db, [migrations]);
  const runner = new ProjectionRunner({ store, db: read.db, projections: [cohortFill], batchSize });
  const start = performance.now();
  await runner.rebuild();
  const ms = performance.now() - start;
  const rows = await read.db.selectFrom('cohort_fill').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await read.close();
  if (Number(rows['n']) !== COHORTS) throw new Error(`rebuild produced ${String(rows['n'])} rows, expected ${COHORTS}`);
  return (events / ms) * 1000;
}

export async function run(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-bench-rebuild-'));
  try {
    const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'OFF', subscriptionBatchSize: 1_000 });
    const events = await fill(store);
    const bare = await subscriptionOnly(store);
    const rates = [] as { batch: number; rate: number }[];
    for (const batch of [500, 2_000]) rates.push({ batch, rate: await rebuild(store, dir, `read-${batch}`, batch, events) });
    await store.close();
    const best = Math.max(...rates.map((r) => r.rate));
    return {
      title: 'Projection rebuild (SQLite read store)',
      method: `ProjectionRunner.rebuild() of one cohort read model (${COHORTS} rows, 7 columns) from a SqliteEventStore file holding ${events} events in ${ENROLLMENTS} enrollment streams, into a fresh SQLite read database file (WAL, synchronous=NORMAL); one transaction per batch. "subscription only" iterates the same subscribeAll without projecting.`,
      rows: [
        { name: 'subscription only (read + JSON parse)', value: bare, unit: 'events/s' },
        ...rates.map((r) => ({ name: `rebuild, batch ${r.batch}`, value: r.rate, unit: 'events/s' })),
      ],
      findings: [
        `best rebuild ${Math.round(best).toLocaleString('en-US')} events/s (aim ≥ ${AIM.toLocaleString('en-US')}): ${best >= AIM ? 'met' : 'NOT met'}`,
        `rebuild / bare subscription = ${(best / bare).toFixed(2)}`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
