import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import type { CourseDraftedData } from '@sooc/cohorts-domain';
import { DomainError } from '@sooc/event-sourcing';
// Specs run the handlers on the real in-memory adapter; production code never imports infra.
import { MemoryEventStore } from '@sooc/event-store';
import { FixedClock, RequestContext, SoocCoreModule } from '@sooc/nest';
import { CancelCohortCommand } from './cancel-cohort.command';
import { ChangeCapacityCommand } from './change-capacity.command';
import { CloseApplicationsCommand } from './close-applications.command';
import { CohortsApplicationModule } from './cohorts-application.module';
import { CompleteCohortCommand } from './complete-cohort.command';
import { ConfigureCohortCommand } from './configure-cohort.command';
import { DraftCourseCommand } from './draft-course.command';
import { OpenApplicationsCommand } from './open-applications.command';
import { PlanCohortCommand } from './plan-cohort.command';
import { SetCompanyQuotaCommand } from './set-company-quota.command';
import { StartCohortCommand } from './start-cohort.command';

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

const plan = (cohortId: string) => ({
  cohortId,
  courseId: 'course-1',
  title: 'Spring 2026',
  capacity: 30,
  applicationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
  startsOn: '2026-04-10',
  endsOn: '2026-06-30',
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; kind: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('cohort settings and lifecycle handlers', () => {
  let store: MemoryEventStore;
  let bus: CommandBus;
  const admin = { actor: { id: 'admin-1', role: 'admin' as const }, correlationId: 'corr-9' };
  const types = async (cohortId: string) => (await store.readStream(`cohort-${cohortId}`)).map((e) => e.type);

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
    await bus.execute(new DraftCourseCommand(course));
    await bus.execute(new PlanCohortCommand(plan('c-1')));
  });

  it('configures only the settings given, as the admin who asked', async () => {
    const outcome = await RequestContext.run(admin, () =>
      bus.execute(new ConfigureCohortCommand('c-1', { offerTtlHours: 48, facilitators: ['fac-1'] })),
    );
    expect(outcome.position).toBe(await store.headPosition());
    const [, configured] = await store.readStream('cohort-c-1');
    expect(configured.type).toBe('CohortConfigured');
    expect(configured.data).toMatchObject({
      settings: { offerTtlHours: 48, facilitators: ['fac-1'], waitlistOrder: 'score', sessions: 10 },
    });
    expect(configured.metadata).toMatchObject({ actor: admin.actor, correlationId: 'corr-9' });

    const again = await bus.execute(new ConfigureCohortCommand('c-1', { offerTtlHours: 48 }));
    expect(again.position).toBeNull();
  });

  it('refuses a setting out of bounds and writes nothing', async () => {
    const head = await store.headPosition();
    expect(await refusal(bus.execute(new ConfigureCohortCommand('c-1', { sessions: 0 })))).toEqual({
      code: 'COHORT.SESSIONS_OUT_OF_BOUNDS',
      kind: 'validation',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('sets a company quota and refuses quotas beyond the capacity', async () => {
    await bus.execute(new SetCompanyQuotaCommand('c-1', 'acme', 10));
    const [, quota] = await store.readStream('cohort-c-1');
    expect(quota).toMatchObject({
      type: 'CompanyQuotaSet',
      data: { cohortId: 'c-1', companyId: 'acme', seats: 10, previous: 0 },
    });
    expect((await refusal(bus.execute(new SetCompanyQuotaCommand('c-1', 'globex', 21)))).code).toBe(
      'COHORT.QUOTAS_EXCEED_CAPACITY',
    );
    expect(await types('c-1')).toEqual(['CohortPlanned', 'CompanyQuotaSet']);
  });

  it('changes the capacity within the hard bounds', async () => {
    await bus.execute(new ChangeCapacityCommand('c-1', 40));
    const [, changed] = await store.readStream('cohort-c-1');
    expect(changed).toMatchObject({ type: 'CapacityChanged', data: { cohortId: 'c-1', from: 30, to: 40 } });
    expect(await refusal(bus.execute(new ChangeCapacityCommand('c-1', 1)))).toEqual({
      code: 'COHORT.CAPACITY_OUT_OF_BOUNDS',
      kind: 'validation',
    });
  });

  it('runs a cohort from closed applications to completion', async () => {
    await bus.execute(new OpenApplicationsCommand('c-1'));
    expect((await refusal(bus.execute(new StartCohortCommand('c-1')))).code).toBe('COHORT.APPLICATIONS_STILL_OPEN');
    await bus.execute(new CloseApplicationsCommand('c-1'));
    await bus.execute(new StartCohortCommand('c-1'));
    expect((await bus.execute(new StartCohortCommand('c-1'))).position).toBeNull();
    await bus.execute(new CompleteCohortCommand('c-1'));
    expect(await refusal(bus.execute(new CancelCohortCommand('c-1', 'too late')))).toEqual({
      code: 'COHORT.ALREADY_COMPLETED',
      kind: 'illegal-state',
    });
    expect(await types('c-1')).toEqual([
      'CohortPlanned',
      'ApplicationsOpened',
      'ApplicationsClosed',
      'CohortStarted',
      'CohortCompleted',
    ]);
    const completed = (await store.readStream('cohort-c-1'))[4];
    expect(completed.data).toMatchObject({ sessions: 10, completionThreshold: 0.7, enrolled: [] });
  });

  it('cancels a cohort with its reason, once', async () => {
    await bus.execute(new CancelCohortCommand('c-1', 'Trainer unavailable'));
    expect((await bus.execute(new CancelCohortCommand('c-1', 'Trainer unavailable'))).position).toBeNull();
    const [, cancelled] = await store.readStream('cohort-c-1');
    expect(cancelled).toMatchObject({ type: 'CohortCancelled', data: { reason: 'Trainer unavailable', affected: [] } });
    expect((await refusal(bus.execute(new CompleteCohortCommand('c-1')))).code).toBe('COHORT.CANCELLED');
  });

  it('refuses every settings and lifecycle command on an unknown cohort', async () => {
    const commands = [
      new ConfigureCohortCommand('nope', { sessions: 12 }),
      new SetCompanyQuotaCommand('nope', 'acme', 2),
      new ChangeCapacityCommand('nope', 20),
      new StartCohortCommand('nope'),
      new CompleteCohortCommand('nope'),
      new CancelCohortCommand('nope', 'why not'),
    ];
    for (const command of commands) expect((await refusal(bus.execute(command))).code).toBe('COHORT.NOT_FOUND');
    expect(await store.readStream('cohort-nope')).toEqual([]);
  });
});
