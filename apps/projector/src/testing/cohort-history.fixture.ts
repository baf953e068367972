import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CohortState,
  type CourseState,
} from '@sooc/cohorts-domain';
import type { Actor, AppendResult, DomainEvent, EventStore, EventToAppend } from '@sooc/event-sourcing';

const ADMIN: Actor = { id: 'admin-1', role: 'admin' };
const START = Date.UTC(2026, 0, 5, 8);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Steps between a cohort's plan and its opening / closing: each batch then touches rows planned many batches before. */
const OPEN_AFTER = 700;
const CLOSE_AFTER = 1_900;

const iso = (ms: number) => new Date(ms).toISOString();
const uuid = (n: number) =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0').slice(-12)}`;

/**
 * A deterministic history of the cohorts context written the way the command handlers write it:
 * every event comes from the real deciders (DraftCourse, PlanCohort, OpenApplications,
 * CloseApplications) folded over the stream's state and is appended at the expected revision.
 * Cohorts are planned one per simulated minute; most open OPEN_AFTER minutes later and close
 * CLOSE_AFTER minutes later, so old rows keep changing while new ones appear.
 */
export class CohortHistory {
  private step = 0;
  private eventCount = 0;
  private readonly courses: { id: string; state: CourseState }[] = [];
  private readonly cohorts = new Map<number, { id: string; state: CohortState; revision: bigint }>();

  private store: EventStore | null = null;

  constructor(private readonly courseCount = 200) {}

  private get target(): EventStore {
    if (!this.store) throw new Error('append() sets the store first');
    return this.store;
  }

  get events(): number {
    return this.eventCount;
  }

  /**
   * Drafts the courses on the first call, then plans `cohorts` more cohorts and moves older ones
   * along. The store may differ between calls (closed and reopened around a projector run).
   */
  async append(store: EventStore, cohorts: number): Promise<void> {
    this.store = store;
    const pending: Promise<AppendResult>[] = [];
    // Group commit: appends issued in the same turn share a transaction, as under real load.
    const flush = async () => void (await Promise.all(pending.splice(0)));
    if (this.courses.length === 0) {
      for (let c = 0; c < this.courseCount; c++) pending.push(this.draftCourse(c));
      await flush();
    }
    const until = this.step + cohorts;
    for (; this.step < until; this.step++) {
      const now = new Date(START + this.step * MINUTE);
      pending.push(this.planCohort(this.step, now));
      if (this.step >= OPEN_AFTER && (this.step - OPEN_AFTER) % 10 !== 9)
        pending.push(this.cohortCommand(this.step - OPEN_AFTER, 'OpenApplications', now));
      // Every fourth stays open; one never opened cannot close (the decider would refuse).
      const closing = this.step - CLOSE_AFTER;
      if (closing >= 0 && closing % 4 !== 3 && this.cohorts.get(closing)?.state.status === 'open')
        pending.push(this.cohortCommand(closing, 'CloseApplications', now));
      if (pending.length >= 300) await flush();
    }
    await flush();
  }

  private event(n: number, event: DomainEvent, now: Date): EventToAppend {
    return {
      id: uuid(n),
      type: event.type,
      data: event.data,
      metadata: {
        occurredAt: now.toISOString(),
        actor: ADMIN,
        correlationId: uuid(n + 0x40000000),
        causationId: null,
        schemaVersion: 1,
      },
    };
  }

  private draftCourse(c: number): Promise<AppendResult> {
    const courseId = `course-${c}`;
    const now = new Date(START - DAY + c * MINUTE);
    const data = {
      courseId,
      title: `Course ${c}: ${['Domain modelling', 'Event sourcing', 'Facilitation', 'Data ethics'][c % 4]}`,
      summary: 'Small groups, real projects, weekly feedback.',
      topics: ['ddd', c % 2 ? 'cqrs' : 'testing'],
      language: c % 3 ? 'en' : 'fr',
      prerequisites: c % 5 ? ['TypeScript'] : [],
      selectionPolicy: c % 2 ? ('review' as const) : ('first-come' as const),
      defaultCapacity: 20 + (c % 30),
    };
    const events = courseDecider.decide(
      { type: 'DraftCourse', data, metadata: { now, actor: ADMIN } },
      courseDecider.initialState(),
    );
    const state = events.reduce(courseDecider.evolve, courseDecider.initialState());
    this.courses.push({ id: courseId, state });
    this.eventCount += events.length;
    return this.target.append(
      courseStream(courseId),
      events.map((e, i) => this.event(0x20000000 + c * 4 + i, e, now)),
      { expectedRevision: 'no_stream' },
    );
  }

  private planCohort(n: number, now: Date): Promise<AppendResult> {
    const course = this.courses[n % this.courses.length];
    const opensAt = now.getTime() + DAY;
    const closesAt = opensAt + (14 + (n % 21)) * DAY;
    const startsOn = iso(closesAt + 3 * DAY).slice(0, 10);
    const endsOn = iso(closesAt + (30 + (n % 60)) * DAY).slice(0, 10);
    const cohortId = `c${n}`;
    const command: CohortCommand = {
      type: 'PlanCohort',
      data: {
        cohortId,
        courseId: course.id,
        title: `Cohort ${n}`,
        capacity: 10 + (n % 90),
        applicationWindow: { opensAt: iso(opensAt), closesAt: iso(closesAt) },
        startsOn,
        endsOn,
        course: course.state,
      },
      metadata: { now, actor: ADMIN },
    };
    this.cohorts.set(n, { id: cohortId, state: cohortDecider.initialState(), revision: -1n });
    return this.decideAndAppend(n, command, now);
  }

  private cohortCommand(n: number, type: 'OpenApplications' | 'CloseApplications', now: Date): Promise<AppendResult> {
    const cohort = this.cohorts.get(n);
    if (!cohort) throw new Error(`cohort ${n} was never planned`);
    return this.decideAndAppend(n, { type, data: { cohortId: cohort.id }, metadata: { now, actor: ADMIN } }, now);
  }

  private decideAndAppend(n: number, command: CohortCommand, now: Date): Promise<AppendResult> {
    const cohort = this.cohorts.get(n);
    if (!cohort) throw new Error(`cohort ${n} was never planned`);
    const events = cohortDecider.decide(command, cohort.state);
    if (events.length === 0) throw new Error(`${command.type} on cohort ${n} changed nothing`);
    const expectedRevision = cohort.revision < 0n ? 'no_stream' : cohort.revision;
    cohort.state = events.reduce(cohortDecider.evolve, cohort.state);
    cohort.revision += BigInt(events.length);
    const first = this.eventCount;
    this.eventCount += events.length;
    return this.target.append(
      cohortStream(cohort.id),
      events.map((e, i) => this.event(first + i, e, now)),
      { expectedRevision },
    );
  }
}
