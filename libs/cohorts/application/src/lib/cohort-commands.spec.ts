import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import type { CourseDraftedData } from '@sooc/cohorts-domain';
import { DomainError } from '@sooc/event-sourcing';
// Specs run the handlers on the real in-memory adapter; production code never imports infra.
import { MemoryEventStore } from '@sooc/event-store';
import { FixedClock, RequestContext, SoocCoreModule } from '@sooc/nest';
import { CloseApplicationsCommand } from './close-applications.command';
import { CohortsApplicationModule } from './cohorts-application.module';
import { DraftCourseCommand } from './draft-course.command';
import { OpenApplicationsCommand } from './open-applications.command';
import { PlanCohortCommand, PlanCohortInput } from './plan-cohort.command';

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

describe('cohort command handlers', () => {
  let store: MemoryEventStore;
  let bus: CommandBus;
  const admin = { actor: { id: 'admin-1', role: 'admin' as const }, correlationId: 'corr-1' };

  beforeEach(async () => {
    store = new MemoryEventStore();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SoocCoreModule.forRoot({ eventStore: store, clock: new FixedClock(new Date('2026-03-05T10:00:00Z')) }),
        CohortsApplicationModule,
      ],
    }).compile();
    await moduleRef.init();
    bus = moduleRef.get(CommandBus);
  });

  it('drafts a course, plans, opens and closes a cohort, stamping actor, time and correlation id', async () => {
    const drafted = await RequestContext.run(admin, () => bus.execute(new DraftCourseCommand(course)));
    const planned = await RequestContext.run(admin, () => bus.execute(new PlanCohortCommand(plan)));
    const opened = await RequestContext.run(admin, () => bus.execute(new OpenApplicationsCommand('c-1')));
    const closed = await RequestContext.run(admin, () => bus.execute(new CloseApplicationsCommand('c-1')));

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
    await bus.execute(new DraftCourseCommand(course));
    await bus.execute(new PlanCohortCommand(plan));
    const first = await bus.execute(new OpenApplicationsCommand('c-1'));
    const again = await bus.execute(new OpenApplicationsCommand('c-1'));
    expect(first.position).not.toBeNull();
    expect(again).toEqual({ position: null, revision: 1n });
  });

  it('refuses a cohort of an unknown course and writes nothing', async () => {
    expect(await codeOf(bus.execute(new PlanCohortCommand(plan)))).toBe('COURSE.NOT_FOUND');
    expect(await store.headPosition()).toBeNull();
  });

  it('refuses to close a cohort that never opened', async () => {
    await bus.execute(new DraftCourseCommand(course));
    await bus.execute(new PlanCohortCommand(plan));
    const head = await store.headPosition();
    expect(await codeOf(bus.execute(new CloseApplicationsCommand('c-1')))).toBe('COHORT.NOT_OPEN');
    expect(await codeOf(bus.execute(new OpenApplicationsCommand('nope')))).toBe('COHORT.NOT_FOUND');
    expect(await store.headPosition()).toBe(head);
  });

  it('writes one event when the same command races with itself on one stream', async () => {
    await bus.execute(new DraftCourseCommand(course));
    await bus.execute(new PlanCohortCommand(plan));
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => bus.execute(new OpenApplicationsCommand('c-1'))));
    expect(outcomes.filter((o) => o.position !== null)).toHaveLength(1);
    expect((await store.readStream('cohort-c-1')).map((e) => e.type)).toEqual(['CohortPlanned', 'ApplicationsOpened']);
  });
});
