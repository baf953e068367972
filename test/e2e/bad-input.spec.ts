import {
  CLOSE,
  DRAFT_COURSE,
  OPEN,
  PLAN_COHORT,
  cohortInput,
  courseInput,
  draftCourse,
  planCohort,
} from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables: () => Record<string, unknown>;
  readonly code: string;
  readonly category?: string;
  /** Field paths the error must name (in any order); omitted for errors about no field. */
  readonly fields?: readonly string[];
}

describe('bad input: the right code, the fields named, and nothing written', () => {
  let h: Harness;
  let courseId: string;
  let plannedId: string;
  let closedId: string;
  let pastId: string;

  beforeAll(async () => {
    h = await startGateway();
    courseId = await draftCourse(h);
    plannedId = await planCohort(h, courseId);
    closedId = await planCohort(h, courseId);
    await h.gql(OPEN, { cohortId: closedId });
    await h.gql(CLOSE, { cohortId: closedId });
    pastId = await planCohort(h, courseId, {
      applicationWindow: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2020-02-01T00:00:00Z' },
      startsOn: '2020-03-01',
      endsOn: '2020-04-01',
    });
  });
  afterAll(() => h.close());

  const course = (overrides: Record<string, unknown>) => () => ({ input: courseInput(overrides) });
  // Variables are built when a case runs: the fixture ids exist only after beforeAll.
  const cohort = (overrides: Record<string, unknown>) => () => ({ input: cohortInput(courseId, overrides) });
  const without = (field: string) => () => {
    const input: Record<string, unknown> = cohortInput(courseId);
    delete input[field];
    return { input };
  };
  const window = (opensAt: string, closesAt: string) => cohort({ applicationWindow: { opensAt, closesAt } });

  const cases: Case[] = [
    // draftCourse
    {
      name: 'draftCourse without a title',
      query: DRAFT_COURSE,
      variables: () => ({ input: { ...courseInput(), title: undefined } }),
      code: 'BAD_USER_INPUT',
      fields: ['title'],
    },
    {
      name: 'draftCourse with a text capacity',
      query: DRAFT_COURSE,
      variables: course({ defaultCapacity: 'thirty' }),
      code: 'BAD_USER_INPUT',
      fields: ['defaultCapacity'],
    },
    {
      name: 'draftCourse with an unknown field',
      query: DRAFT_COURSE,
      variables: course({ owner: 'me' }),
      code: 'BAD_USER_INPUT',
      fields: ['owner'],
    },
    {
      name: 'draftCourse with an unknown policy',
      query: DRAFT_COURSE,
      variables: course({ selectionPolicy: 'LOTTERY' }),
      code: 'BAD_USER_INPUT',
      fields: ['selectionPolicy'],
    },
    {
      name: 'draftCourse with a malformed id',
      query: DRAFT_COURSE,
      variables: course({ courseId: 'no spaces/allowed' }),
      code: 'BAD_USER_INPUT',
      fields: ['courseId'],
    },
    {
      name: 'draftCourse with a capacity out of range',
      query: DRAFT_COURSE,
      variables: course({ defaultCapacity: 1000 }),
      code: 'COURSE.CAPACITY_OUT_OF_BOUNDS',
      category: 'BAD_USER_INPUT',
      fields: ['defaultCapacity'],
    },
    {
      name: 'draftCourse with several bad fields at once',
      query: DRAFT_COURSE,
      variables: course({ title: 'x', language: 'english please' }),
      code: 'COURSE.TITLE_INVALID',
      category: 'BAD_USER_INPUT',
      fields: ['title', 'language'],
    },
    {
      name: 'draftCourse again with other data',
      query: DRAFT_COURSE,
      variables: () => ({ input: courseInput({ courseId, title: 'Another title' }) }),
      code: 'COURSE.ALREADY_EXISTS',
      category: 'CONFLICT',
    },
    // planCohort
    {
      name: 'planCohort without a capacity',
      query: PLAN_COHORT,
      variables: without('capacity'),
      code: 'BAD_USER_INPUT',
      fields: ['capacity'],
    },
    {
      name: 'planCohort without a window end',
      query: PLAN_COHORT,
      variables: cohort({ applicationWindow: { opensAt: '2020-01-01T00:00:00Z' } }),
      code: 'BAD_USER_INPUT',
      fields: ['applicationWindow.closesAt'],
    },
    {
      name: 'planCohort with a fractional capacity',
      query: PLAN_COHORT,
      variables: cohort({ capacity: 2.5 }),
      code: 'BAD_USER_INPUT',
      fields: ['capacity'],
    },
    {
      name: 'planCohort with capacity 1',
      query: PLAN_COHORT,
      variables: cohort({ capacity: 1 }),
      code: 'COHORT.CAPACITY_OUT_OF_BOUNDS',
      category: 'BAD_USER_INPUT',
      fields: ['capacity'],
    },
    {
      name: 'planCohort with capacity 501',
      query: PLAN_COHORT,
      variables: cohort({ capacity: 501 }),
      code: 'COHORT.CAPACITY_OUT_OF_BOUNDS',
      category: 'BAD_USER_INPUT',
      fields: ['capacity'],
    },
    {
      name: 'planCohort with an inverted window',
      query: PLAN_COHORT,
      variables: window('2030-02-01T00:00:00Z', '2030-01-01T00:00:00Z'),
      code: 'COHORT.WINDOW_INVALID',
      category: 'BAD_USER_INPUT',
      fields: ['applicationWindow.closesAt'],
    },
    {
      name: 'planCohort with a window closing after the start',
      query: PLAN_COHORT,
      variables: window('2030-01-01T00:00:00Z', '2030-04-01T00:00:00Z'),
      code: 'COHORT.WINDOW_INVALID',
      fields: ['applicationWindow.closesAt'],
    },
    {
      name: 'planCohort with a malformed instant',
      query: PLAN_COHORT,
      variables: window('next monday', '2030-02-01T00:00:00Z'),
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: ['applicationWindow.opensAt'],
    },
    {
      name: 'planCohort with an instant without offset',
      query: PLAN_COHORT,
      variables: window('2030-01-01T00:00:00', '2030-02-01T00:00:00Z'),
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: ['applicationWindow.opensAt'],
    },
    {
      name: 'planCohort with an impossible date',
      query: PLAN_COHORT,
      variables: cohort({ startsOn: '2030-02-30' }),
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: ['startsOn'],
    },
    {
      name: 'planCohort with a date and time where a date goes',
      query: PLAN_COHORT,
      variables: cohort({ endsOn: '2030-03-01T00:00:00Z' }),
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: ['endsOn'],
    },
    {
      name: 'planCohort ending before it starts',
      query: PLAN_COHORT,
      variables: cohort({ endsOn: '2030-03-01' }),
      code: 'COHORT.DATES_INVALID',
      fields: ['endsOn'],
    },
    {
      name: 'planCohort with an unknown window field',
      query: PLAN_COHORT,
      variables: cohort({
        applicationWindow: { opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-02-01T00:00:00Z', timezone: 'UTC' },
      }),
      code: 'BAD_USER_INPUT',
      fields: ['applicationWindow.timezone'],
    },
    {
      name: 'planCohort of an unknown course',
      query: PLAN_COHORT,
      variables: () => ({ input: cohortInput('no-such-course') }),
      code: 'COURSE.NOT_FOUND',
      category: 'NOT_FOUND',
    },
    {
      name: 'planCohort with a malformed cohort id',
      query: PLAN_COHORT,
      variables: cohort({ cohortId: '../etc' }),
      code: 'BAD_USER_INPUT',
      fields: ['cohortId'],
    },
    {
      name: 'planCohort again with other data',
      query: PLAN_COHORT,
      variables: () => ({ input: cohortInput(courseId, { cohortId: plannedId, title: 'A different title' }) }),
      code: 'COHORT.ALREADY_PLANNED',
      category: 'CONFLICT',
    },
    // openApplications / closeApplications
    {
      name: 'openApplications without a cohort id',
      query: OPEN,
      variables: () => ({}),
      code: 'BAD_USER_INPUT',
      fields: ['cohortId'],
    },
    {
      name: 'openApplications with a malformed id',
      query: OPEN,
      variables: () => ({ cohortId: 'a b' }),
      code: 'BAD_USER_INPUT',
      fields: ['cohortId'],
    },
    {
      name: 'openApplications of an unknown cohort',
      query: OPEN,
      variables: () => ({ cohortId: 'no-such-cohort' }),
      code: 'COHORT.NOT_FOUND',
      category: 'NOT_FOUND',
    },
    {
      name: 'openApplications after they closed',
      query: OPEN,
      variables: () => ({ cohortId: closedId }),
      code: 'COHORT.APPLICATIONS_CLOSED',
      category: 'CONFLICT',
    },
    {
      name: 'openApplications after the window passed',
      query: OPEN,
      variables: () => ({ cohortId: pastId }),
      code: 'COHORT.WINDOW_PASSED',
      category: 'CONFLICT',
    },
    {
      name: 'closeApplications that never opened',
      query: CLOSE,
      variables: () => ({ cohortId: plannedId }),
      code: 'COHORT.NOT_OPEN',
      category: 'CONFLICT',
    },
    {
      name: 'closeApplications of an unknown cohort',
      query: CLOSE,
      variables: () => ({ cohortId: 'no-such-cohort' }),
      code: 'COHORT.NOT_FOUND',
      category: 'NOT_FOUND',
    },
    {
      name: 'closeApplications with an integer id list',
      query: CLOSE,
      variables: () => ({ cohortId: [1, 2] }),
      code: 'BAD_USER_INPUT',
      fields: ['cohortId'],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const head = await h.gateway.infrastructure.eventStore.headPosition();
    const result = await h.gql(c.query, c.variables());
    expect(result.errors).toHaveLength(1);
    const extensions = result.errors![0].extensions!;
    expect(extensions['code']).toBe(c.code);
    if (c.category) expect(extensions['category']).toBe(c.category);
    if (c.fields)
      expect((extensions['fields'] as { field: string }[]).map((f) => f.field).sort()).toEqual([...c.fields].sort());
    expect(extensions['stacktrace']).toBeUndefined();
    expect(await h.gateway.infrastructure.eventStore.headPosition()).toBe(head);
  });

  it('refuses a malformed DateTime or Date written in the document as BAD_USER_INPUT, like one in a variable', async () => {
    const plan = (opensAt: string, startsOn: string) =>
      `mutation { planCohort(input: { courseId: "${courseId}", title: "Literal", capacity: 20, ` +
      `applicationWindow: { opensAt: "${opensAt}", closesAt: "2030-02-01T00:00:00Z" }, ` +
      `startsOn: "${startsOn}", endsOn: "2030-04-01" }) { cohort { id } } }`;
    const head = await h.gateway.infrastructure.eventStore.headPosition();
    for (const [query, refusal] of [
      [plan('tomorrow', '2030-03-01'), /DateTime must be an RFC 3339/],
      [plan('2030-01-01T00:00:00Z', '2030-02-30'), /Date must be a calendar date YYYY-MM-DD/],
    ] as const) {
      const [error] = (await h.gql(query)).errors!;
      expect(error.message).toMatch(refusal);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' });
    }
    expect(await h.gateway.infrastructure.eventStore.headPosition()).toBe(head);
  });

  it('refuses a variable with more wrong items than GraphQL lists (its 50) as BAD_USER_INPUT only, not an internal error', async () => {
    const head = await h.gateway.infrastructure.eventStore.headPosition();
    const topics = Array.from({ length: 60 }, (_, i) => i);
    const result = await h.gql(DRAFT_COURSE, { input: courseInput({ topics }) });
    expect(result.errors!.length).toBeGreaterThan(50);
    expect(new Set(result.errors!.map((e) => e.extensions!['code']))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(result.errors!.at(-1)!.message).toMatch(/Too many errors processing variables/);
    expect(await h.gateway.infrastructure.eventStore.headPosition()).toBe(head);
  });

  it('reads an instant given with an offset as that instant, and serves it in UTC', async () => {
    const input = cohortInput(courseId, {
      applicationWindow: { opensAt: '2030-01-01T09:30:00+02:00', closesAt: '2030-02-01T00:00:00-05:00' },
    });
    const planned = await h.gql(PLAN_COHORT, { input });
    expect(planned.errors).toBeUndefined();
    const { cohort } = (planned.data as { planCohort: { cohort: Record<string, unknown> } }).planCohort;
    expect(cohort['applicationWindow']).toEqual({
      opensAt: '2030-01-01T07:30:00.000Z',
      closesAt: '2030-02-01T05:00:00.000Z',
    });
    expect(cohort['startsOn']).toBe('2030-03-10');
  });

  it('keeps GraphQL parse and validation errors with their own codes', async () => {
    expect((await h.gql('mutation { planCohort(')).errors![0].extensions!['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect((await h.gql('{ cohort(id: "x") { nope } }')).errors![0].extensions!['code']).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});
