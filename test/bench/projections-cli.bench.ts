/**
 * `sooc projections rebuild` as an operator runs it: a child process of the CLI over an
 * embedded data directory (SQLite event store and read database) filled with an admissions
 * history whose every event comes from the real deciders, replayed into all the registered
 * projections. The CLI's own figure (replay only) beside the wall clock of the whole process.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CohortState,
  type CourseState,
} from '@sooc/cohorts-domain';
import { enrollmentDecider, enrollmentIdOf, enrollmentStream } from '@sooc/enrollment-domain';
import type { Actor, DomainEvent, EventStore, EventToAppend } from '@sooc/event-sourcing';
import { openEventStore } from '@sooc/runtime';
import type { BenchRow, BenchSection } from './bench.types';
import { measureSqliteFloor } from './sqlite.floor';

const COURSES = 200;
const COHORTS = 1_100;
const APPLICANTS_PER_COHORT = 90;
const ROUNDS = 2;
const AIM = 100_000;
const ADMIN: Actor = { id: 'admin-1', role: 'admin' };
const NOW = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;
const ROOT = resolve(__dirname, '../..');
const COMMAND = 'node --conditions=@sooc/source -r ./tools/ts-register.cjs apps/cli/src/main.ts projections rebuild';

/**
 * From a --cpu-prof of one rebuild of this data set and rebuilds of one projection at a time
 * (2026-12-05): not measured by this file, kept with it so the figures above are read with them.
 */
const WHERE_THE_TIME_GOES = [
  'where the time goes now (the rebuild folds every event in memory, then loads each table in one transaction with its indexes made after the load; timed by phase on a 6.5 s rebuild): reading and folding the 101,400 events 2.5 s; inserting 300k rows (audit_entries 101k: 1.2 s, applications 99k: 0.9 s, cohort_applications 99k: 0.4 s) 2.5 s; making the indexes again 0.8 s; the commit 0.6 s',
  'before the one-transaction load (the runner’s batches of 1,000 with every index kept up to date) the same rebuild ran at 8,161 events/s; rebuilt alone then: compliance.audit 17k events/s, enrollment.applications 31k, the light projections 123–130k. About three rows per event are written, so 100k events/s asks for some 300k wide rows a second from SQLite on this machine: not met, and not expected without writing fewer rows per event',
];

const iso = (ms: number) => new Date(ms).toISOString();

function recorded(events: readonly DomainEvent[], actor: Actor): EventToAppend[] {
  const correlationId = randomUUID();
  return events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { occurredAt: NOW.toISOString(), actor, correlationId, causationId: null, schemaVersion: 1 },
  }));
}

/** Courses, then cohorts planned and opened, then applications to them: what the command handlers would append. */
export async function fill(store: EventStore): Promise<number> {
  let count = 0;
  const pending: Promise<unknown>[] = [];
  // Appends issued in the same turn share the store's group commit, as under real load.
  const append = async (stream: string, events: EventToAppend[]) => {
    count += events.length;
    pending.push(store.append(stream, events, { expectedRevision: 'no_stream' }));
    if (pending.length >= 500) await Promise.all(pending.splice(0));
  };
  const courses: CourseState[] = [];
  for (let c = 0; c < COURSES; c++) {
    const command = {
      type: 'DraftCourse' as const,
      data: {
        courseId: `course-${c}`,
        title: `Course ${c}`,
        summary: 'Small groups, real projects, weekly feedback.',
        topics: ['ddd', c % 2 ? 'cqrs' : 'testing'],
        language: c % 3 ? 'en' : 'fr',
        prerequisites: [],
        selectionPolicy: c % 2 ? ('review' as const) : ('first-come' as const),
        defaultCapacity: 20 + (c % 30),
      },
      metadata: { now: NOW, actor: ADMIN },
    };
    const events = courseDecider.decide(command, courseDecider.initialState());
    courses.push(events.reduce(courseDecider.evolve, courseDecider.initialState()));
    await append(courseStream(`course-${c}`), recorded(events, ADMIN));
  }
  for (let n = 0; n < COHORTS; n++) {
    const cohortId = `cohort-${n}`;
    const t = NOW.getTime();
    const commands: Omit<CohortCommand, 'metadata'>[] = [
      {
        type: 'PlanCohort',
        data: {
          cohortId,
          courseId: `course-${n % COURSES}`,
          title: `Cohort ${n}`,
          capacity: 10 + (n % 90),
          applicationWindow: { opensAt: iso(t - DAY), closesAt: iso(t + 20 * DAY) },
          startsOn: iso(t + 30 * DAY).slice(0, 10),
          endsOn: iso(t + 90 * DAY).slice(0, 10),
          course: courses[n % COURSES] as CourseState,
        },
      },
      { type: 'OpenApplications', data: { cohortId } },
    ];
    let cohort: CohortState = cohortDecider.initialState();
    const cohortEvents: DomainEvent[] = [];
    for (const command of commands) {
      const events = cohortDecider.decide(
        { ...command, metadata: { now: NOW, actor: ADMIN } } as CohortCommand,
        cohort,
      );
      cohort = events.reduce(cohortDecider.evolve, cohort);
      cohortEvents.push(...events);
    }
    await append(cohortStream(cohortId), recorded(cohortEvents, ADMIN));
    if (cohort.status !== 'open') throw new Error(`cohort ${cohortId} is ${cohort.status}, not open`);
    for (let a = 0; a < APPLICANTS_PER_COHORT; a++) {
      const learnerId = `learner-${(n * 37 + a) % 20_000}`;
      const learner: Actor = { id: learnerId, role: 'learner' };
      const events = enrollmentDecider.decide(
        {
          type: 'SubmitApplication',
          data: {
            enrollmentId: enrollmentIdOf(cohortId, learnerId),
            cohortId,
            learnerId,
            dossier: {
              name: null,
              email: null,
              motivation: 'Learning with peers',
              level: a % 3 ? 'intermediate' : 'beginner',
              companyId: a % 4 ? null : `company-${a % 17}`,
              shareWithCompany: false,
              answers: {},
              prerequisitesMet: [],
            },
            cohort: {
              status: cohort.status,
              selectionPolicy: cohort.selectionPolicy,
              prerequisites: [],
              sessions: cohort.settings.sessions,
              applicationWindow: cohort.applicationWindow,
            },
          },
          metadata: { now: NOW, actor: learner },
        },
        enrollmentDecider.initialState(),
      );
      await append(enrollmentStream(cohortId, learnerId), recorded(events, learner));
    }
  }
  await Promise.all(pending);
  return count;
}

interface Rebuild {
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly wallSeconds: number;
}

function rebuild(dataDir: string): Rebuild {
  const started = performance.now();
  const [node, ...args] = COMMAND.split(' ');
  const child = spawnSync(node as string, args, {
    cwd: ROOT,
    env: { ...process.env, SOOC_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${COMMAND} exited ${child.status}: ${child.stderr}`);
  const figures = /: ([\d,]+) events in [\d.]+ s \(([\d,]+) events\/s\)/.exec(child.stdout);
  if (!figures) throw new Error(`unexpected output of ${COMMAND}: ${child.stdout}`);
  const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return { events: number(figures[1]), eventsPerSecond: number(figures[2]), wallSeconds };
}

export async function run(): Promise<BenchSection> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-bench-cli-rebuild-'));
  try {
    const store = openEventStore(`sqlite:${join(dataDir, 'events.sqlite')}`);
    let events: number;
    try {
      events = await fill(store);
    } finally {
      await store.close();
    }
    // The first round creates the read database; the next ones empty full tables first.
    const rounds = Array.from({ length: ROUNDS }, () => rebuild(dataDir));
    const best = rounds.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
    if (best.events !== events) throw new Error(`the CLI replayed ${best.events} events, the store holds ${events}`);
    const n = events.toLocaleString('en-US');
    const floor = measureSqliteFloor(
      join(dataDir, 'read.sqlite'),
      join(dataDir, 'events.sqlite'),
      join(dataDir, 'floor.sqlite'),
    );
    const floorSeconds = floor.insertSeconds + floor.indexSeconds + floor.commitSeconds;
    // Reading could overlap writing on the second core; writing the rows cannot be avoided.
    const ceiling = Math.round(events / floorSeconds);
    const rows: BenchRow[] = [
      ...rounds.map((r, i) => ({
        name: `round ${i + 1}${i === 0 ? ' (fresh read database)' : ' (tables emptied first)'}: replay, as the CLI reports it`,
        value: r.eventsPerSecond,
        unit: 'events/s',
        note: `${n} events`,
      })),
      ...rounds.map((r, i) => ({
        name: `round ${i + 1}: whole process (start, migrate, lease, replay, exit)`,
        value: r.wallSeconds,
        unit: 's',
        note: `${Math.round(r.events / r.wallSeconds).toLocaleString('en-US')} events/s wall clock`,
      })),
      {
        name: 'floor: the rebuilt rows written again by raw better-sqlite3 (fresh file, journal and fsync off), inserts',
        value: floor.insertSeconds,
        unit: 's',
        note: `${floor.rows.toLocaleString('en-US')} rows`,
      },
      { name: 'floor: making the indexes after the load', value: floor.indexSeconds, unit: 's' },
      { name: 'floor: the commit', value: floor.commitSeconds, unit: 's' },
      {
        name: 'floor: reading every event (SELECT and JSON.parse, no fold)',
        value: floor.readEventsSeconds,
        unit: 's',
      },
      {
        name: 'ceiling: events / floor write (inserts, indexes, commit), what no rebuild of these read models can beat here',
        value: ceiling,
        unit: 'events/s',
      },
    ];
    return {
      title: 'projections rebuild through the CLI',
      method:
        `\`SOOC_DATA_DIR=<dir> ${COMMAND}\` run ${ROUNDS} times as a child process over an embedded data directory on ${tmpdir()}: ` +
        `${n} events from the real deciders (${COURSES} DraftCourse, ${COHORTS.toLocaleString('en-US')} cohorts planned and opened, ` +
        `${APPLICANTS_PER_COHORT} SubmitApplication each), replayed into every registered projection (SQLite read database, WAL, synchronous=NORMAL; every event folded in memory, then each table loaded in one transaction with its indexes made after the load). ` +
        'Produced by `npm run bench -- projections-cli`.',
      rows,
      findings: [
        `best replay ${Math.round(best.eventsPerSecond).toLocaleString('en-US')} events/s (aim ≥ ${AIM.toLocaleString('en-US')}): ${best.eventsPerSecond >= AIM ? 'met' : 'not met'}`,
        `ceiling ${ceiling.toLocaleString('en-US')} events/s: writing the ${floor.rows.toLocaleString('en-US')} rows the read models hold, with nothing read or folded, ${ceiling >= AIM ? 'leaves room for' : 'already rules out'} ${AIM.toLocaleString('en-US')} events/s`,
        ...WHERE_THE_TIME_GOES,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
