import { COHORT, CLOSE, DRAFT_COURSE, OPEN, PLAN_COHORT, cohortInput, courseInput } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface Payload {
  position: string | null;
  warnings: string[];
  cohort: {
    cohortId: string;
    status: string;
    position: string;
    courseTitle: string | null;
    capacity: number;
    applicationWindow: { opensAt: string };
  };
}

describe('a cohort from draft to closed applications (SQLite stores)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  it('drafts, plans, opens and closes, each payload already showing the write', async () => {
    const admin7 = { role: 'admin', subject: 'admin-7' } as const;
    const headers = { 'x-correlation-id': 'e2e-lifecycle' };
    const course = courseInput();
    const drafted = await h.gql<{ draftCourse: { position: string; course: Record<string, unknown> } }>(
      DRAFT_COURSE,
      { input: course },
      admin7,
      headers,
    );
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data!.draftCourse.course).toMatchObject({
      courseId: course.courseId,
      status: 'DRAFTED',
      selectionPolicy: 'REVIEW',
      topics: ['events', 'cqrs'],
    });

    const plan = cohortInput(course.courseId);
    const planned = await h.gql<{ planCohort: Payload }>(PLAN_COHORT, { input: plan }, admin7, headers);
    expect(planned.errors).toBeUndefined();
    expect(planned.data!.planCohort).toMatchObject({
      warnings: [],
      cohort: {
        cohortId: plan.cohortId,
        status: 'PLANNED',
        capacity: 30,
        courseTitle: course.title,
        applicationWindow: { opensAt: '2020-01-01T00:00:00.000Z' },
      },
    });
    expect(planned.data!.planCohort.cohort.position).toBe(planned.data!.planCohort.position);

    const opened = await h.gql<{ openApplications: Payload }>(OPEN, { cohortId: plan.cohortId }, admin7, headers);
    expect(opened.data!.openApplications.cohort.status).toBe('OPEN');
    const closed = await h.gql<{ closeApplications: Payload }>(CLOSE, { cohortId: plan.cohortId }, admin7, headers);
    expect(closed.data!.closeApplications.cohort.status).toBe('CLOSED');
    expect(BigInt(closed.data!.closeApplications.position!)).toBeGreaterThan(
      BigInt(opened.data!.openApplications.position!),
    );

    const read = await h.gql<{ cohort: { status: string } }>(COHORT, {
      id: plan.cohortId,
      at: closed.data!.closeApplications.position,
    });
    expect(read.data!.cohort.status).toBe('CLOSED');

    const events = await h.events();
    expect(events.map((e) => e.type)).toEqual([
      'CourseDrafted',
      'CohortPlanned',
      'ApplicationsOpened',
      'ApplicationsClosed',
    ]);
    for (const event of events)
      expect(event.metadata).toMatchObject({ actor: { id: 'admin-7', role: 'admin' }, correlationId: 'e2e-lifecycle' });
  });

  it('generates ids when none are given and warns about a capacity outside 10..100', async () => {
    const { courseId: _omitted, ...course } = courseInput();
    const drafted = await h.gql<{ draftCourse: { course: { courseId: string } } }>(DRAFT_COURSE, { input: course });
    const courseId = drafted.data!.draftCourse.course.courseId;
    expect(courseId).toMatch(/^[0-9a-f-]{36}$/);

    const { cohortId: _none, ...plan } = cohortInput(courseId, { capacity: 5 });
    const planned = await h.gql<{ planCohort: Payload }>(PLAN_COHORT, { input: plan });
    expect(planned.data!.planCohort.cohort.cohortId).toMatch(/^[0-9a-f-]{36}$/);
    expect(planned.data!.planCohort.warnings).toHaveLength(1);
    expect(planned.data!.planCohort.warnings[0]).toContain('below the recommended minimum');
  });

  it('answers a repeated mutation with the same cohort and a null position, writing nothing', async () => {
    const course = courseInput();
    await h.gql(DRAFT_COURSE, { input: course });
    const plan = cohortInput(course.courseId);
    await h.gql(PLAN_COHORT, { input: plan });
    await h.gql(OPEN, { cohortId: plan.cohortId });
    const before = (await h.events()).length;

    const again = await h.gql<{ openApplications: Payload }>(OPEN, { cohortId: plan.cohortId });
    const replan = await h.gql<{ planCohort: Payload }>(PLAN_COHORT, { input: plan });
    expect(again.data!.openApplications).toMatchObject({ position: null, cohort: { status: 'OPEN' } });
    expect(replan.data!.planCohort).toMatchObject({ position: null, cohort: { status: 'OPEN' } });
    expect(await h.events()).toHaveLength(before);
  });

  it('returns null for a cohort that does not exist', async () => {
    expect((await h.gql(COHORT, { id: 'no-such-cohort' })).data).toEqual({ cohort: null });
  });
});
