import { FixedClock } from '@sooc/timing';
import {
  cohortDecider,
  cohortStream,
  courseDecider,
  courseStream,
  type CohortCommand,
  type CourseDraftedData,
} from '@sooc/cohorts-domain';
import { DomainError } from '@sooc/event-sourcing';
// Specs run the handlers on the real in-memory adapter; production code never imports infra.
import { MemoryEventStore } from '@sooc/event-store';
import { CommandRunner, RequestContext } from '@sooc/nest';
import { planCohort, type PlanCohortInput } from './plan-cohort.handler';

const course: CourseDraftedData = {
  courseId: 'course-1',
  title: 'Event sourcing in practice',
  summary: 'Small groups, real systems.',
  topics: ['events'],
  language: 'en',
  prerequisites: [],
  selectionPolicy: 'review',
  defaultCapacity: 30,
};

const plan: PlanCohortInput = {
  cohortId: 'c-1',
  courseId: 'course-1',
  title: 'Spring 2026',
  capacity: 30,
  applicationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
  startsOn: '2026-04-10',
  endsOn: '2026-06-30',
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('planning a cohort through the command runner', () => {
  let store: MemoryEventStore;
  let runner: CommandRunner;
  const admin = RequestContext.as({ id: 'admin-1', role: 'admin' }, 'corr-1');

  beforeEach(() => {
    store = new MemoryEventStore();
    runner = new CommandRunner(store, new FixedClock(new Date('2026-03-05T10:00:00Z')));
  });

  const draft = () => runner.run(courseDecider, courseStream(course.courseId), { type: 'DraftCourse', data: course });
  const send = (command: Omit<CohortCommand, 'metadata'>) =>
    runner.run(cohortDecider, cohortStream(command.data.cohortId), command);
  const open = (cohortId: string) => send({ type: 'OpenApplications', data: { cohortId } });
  const close = (cohortId: string) => send({ type: 'CloseApplications', data: { cohortId } });

  it('drafts a course, plans, opens and closes a cohort, stamping actor, time and correlation id', async () => {
    const drafted = await RequestContext.run(admin, () => draft());
    const planned = await RequestContext.run(admin, () => planCohort(runner, plan));
    const opened = await RequestContext.run(admin, () => open('c-1'));
    const closed = await RequestContext.run(admin, () => close('c-1'));

    expect([drafted, planned, opened, closed].map((o) => o.revision)).toEqual([0n, 0n, 1n, 2n]);
    expect(closed.position).toBe(await store.headPosition());
    const events = await store.readStream('cohort-c-1');
    expect(events.map((e) => e.type)).toEqual(['CohortPlanned', 'ApplicationsOpened', 'ApplicationsClosed']);
    expect(events[0].data).toMatchObject({ selectionPolicy: 'review', capacity: 30 });
    expect(events[2].metadata).toMatchObject({
      actor: admin.actor,
      correlationId: 'corr-1',
      occurredAt: '2026-03-05T10:00:00.000Z',
    });
  });

  it('returns a null position when the command changes nothing', async () => {
    await draft();
    await planCohort(runner, plan);
    const first = await open('c-1');
    const again = await open('c-1');
    expect(first.position).not.toBeNull();
    expect({ position: again.position, revision: again.revision }).toEqual({ position: null, revision: 1n });
  });

  it('refuses a cohort of an unknown course and writes nothing', async () => {
    expect(await codeOf(planCohort(runner, plan))).toBe('COURSE.NOT_FOUND');
    expect(await store.headPosition()).toBeNull();
  });

  it('refuses to close a cohort that never opened', async () => {
    await draft();
    await planCohort(runner, plan);
    const head = await store.headPosition();
    expect(await codeOf(close('c-1'))).toBe('COHORT.NOT_OPEN');
    expect(await codeOf(open('nope'))).toBe('COHORT.NOT_FOUND');
    expect(await store.headPosition()).toBe(head);
  });

  it('writes one event when the same command races with itself on one stream', async () => {
    await draft();
    await planCohort(runner, plan);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => open('c-1')));
    expect(outcomes.filter((o) => o.position !== null)).toHaveLength(1);
    expect((await store.readStream('cohort-c-1')).map((e) => e.type)).toEqual(['CohortPlanned', 'ApplicationsOpened']);
  });
});
