import { COHORTS, OPEN, draftCourse, planCohort } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface Page {
  cohorts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { cohortId: string; title: string; status: string } }[];
  };
}

describe('cohorts connection', () => {
  let h: Harness;
  const planned: string[] = [];

  beforeAll(async () => {
    h = await startGateway();
    const courseId = await draftCourse(h);
    for (let i = 1; i <= 5; i++) planned.push(await planCohort(h, courseId, { title: `Cohort ${i}` }));
    await h.gql(OPEN, { cohortId: planned[1] });
    await h.gql(OPEN, { cohortId: planned[3] });
  });
  afterAll(() => h.close());

  it('pages forward in plan order with cursors, hasNextPage and the total', async () => {
    const first = await h.gql<Page>(COHORTS, { first: 2 });
    expect(first.data!.cohorts.totalCount).toBe(5);
    expect(first.data!.cohorts.edges.map((e) => e.node.cohortId)).toEqual(planned.slice(0, 2));
    expect(first.data!.cohorts.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      endCursor: first.data!.cohorts.edges[1].cursor,
    });

    const second = await h.gql<Page>(COHORTS, { first: 2, after: first.data!.cohorts.pageInfo.endCursor });
    expect(second.data!.cohorts.edges.map((e) => e.node.cohortId)).toEqual(planned.slice(2, 4));
    expect(second.data!.cohorts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const last = await h.gql<Page>(COHORTS, { first: 2, after: second.data!.cohorts.pageInfo.endCursor });
    expect(last.data!.cohorts.edges.map((e) => e.node.cohortId)).toEqual(planned.slice(4));
    expect(last.data!.cohorts.pageInfo.hasNextPage).toBe(false);
    expect(last.data!.cohorts.totalCount).toBe(5);
  });

  it('filters by status, counting only the matches', async () => {
    const open = await h.gql<Page>(COHORTS, { first: 10, status: 'OPEN' });
    expect(open.data!.cohorts.totalCount).toBe(2);
    expect(open.data!.cohorts.edges.map((e) => e.node.cohortId)).toEqual([planned[1], planned[3]]);
    expect(open.data!.cohorts.edges.every((e) => e.node.status === 'OPEN')).toBe(true);

    const plannedOnly = await h.gql<Page>(COHORTS, { first: 2, status: 'PLANNED' });
    expect(plannedOnly.data!.cohorts).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const closed = await h.gql<Page>(COHORTS, { status: 'CLOSED' });
    expect(closed.data!.cohorts).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a cursor it did not hand out', async () => {
    for (const after of ['garbage!', Buffer.from('course:00000000000000000001').toString('base64url')]) {
      const result = await h.gql<Page>(COHORTS, { first: 2, after });
      expect(result.data).toBeNull();
      expect(result.errors![0].extensions).toMatchObject({
        code: 'PAGINATION.CURSOR_INVALID',
        category: 'BAD_USER_INPUT',
        fields: [{ field: 'after' }],
      });
    }
  });

  it('refuses a page size outside 1..100 with the field named', async () => {
    for (const first of [0, 101]) {
      const result = await h.gql<Page>(COHORTS, { first });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    }
  });

  it('refuses a position that is not one', async () => {
    const result = await h.gql<Page>(COHORTS, { at: 'latest' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
