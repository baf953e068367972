import { ValidationError } from '@sooc/event-sourcing';
import { projectScenario } from '../testing/scenario.fixture';
import { migratedDatabase, testDialects, type ReadDbFixture } from '../testing/read-db.fixture';
import { encodeApplicationCursor, type ApplicationSort } from './application.cursor';
import { findApplication, learnerEnrollments, listApplications } from './application.query';
import type { ApplicationView } from './application.read-model';

const learners = (nodes: readonly ApplicationView[]) => nodes.map((n) => n.learnerId);

describe.each(testDialects)('application queries on %s', (dialect) => {
  let fx: ReadDbFixture;

  beforeAll(async () => {
    fx = await migratedDatabase(dialect);
    await projectScenario(fx.db);
  });

  afterAll(() => fx?.dispose());

  async function allPages(sort: ApplicationSort, first: number, status?: string) {
    const seen: string[] = [];
    const pages: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listApplications(fx.db, { cohortId: 'c1', status, sort, first, after });
      seen.push(...learners(page.nodes));
      pages.push(page.nodes.length);
      if (!page.pageInfo.hasNextPage) return { seen, pages, totalCount: page.totalCount };
      after = page.pageInfo.endCursor;
    }
  }

  it('finds an application with its dossier, reviews and decision as plain values', async () => {
    const a1 = await findApplication(fx.db, 'c1-a1');
    expect(a1).toMatchObject({
      enrollmentId: 'c1-a1',
      cohortId: 'c1',
      learnerId: 'a1',
      companyId: 'acme',
      answers: { why: 'to learn' },
      prerequisitesMet: ['TypeScript'],
      eligible: true,
      unmetPrerequisites: [],
      status: 'enrolled',
      statusReason: 'seat free',
      offerExpiresAt: '2026-03-20T08:00:00.000Z',
      promotedFromWaitlist: false,
      attendance: {},
      reviews: [{ reviewerId: 'rev-1', score: 90, rubricVersion: 1, comment: null }],
      reviewCount: 1,
      averageScore: 90,
      decision: {
        decision: 'admit',
        reason: 'ranked first',
        decidedBy: { id: 'rev-1', role: 'reviewer' },
        decisionId: 'dec-a1',
        decidedAt: expect.any(String),
        record: expect.objectContaining({ rank: 1 }),
      },
    });
    expect(await findApplication(fx.db, 'c1-x1')).toMatchObject({
      status: 'ineligible',
      eligible: false,
      unmetPrerequisites: ['TypeScript'],
      averageScore: null,
      decision: null,
    });
    expect(await findApplication(fx.db, 'c1-nobody')).toBeNull();
  });

  it('lists a learner’s enrollments in the order they applied, a page at a time', async () => {
    const all = await learnerEnrollments(fx.db, { learnerId: 'a1', first: 20 });
    expect(all.nodes.map((a) => [a.cohortId, a.status])).toEqual([
      ['c1', 'enrolled'],
      ['c2', 'submitted'],
    ]);
    expect(all).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    const firstPage = await learnerEnrollments(fx.db, { learnerId: 'a1', first: 1 });
    expect(firstPage.nodes.map((a) => a.cohortId)).toEqual(['c1']);
    expect(firstPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = await learnerEnrollments(fx.db, { learnerId: 'a1', first: 1, after: firstPage.pageInfo.endCursor });
    expect(next.nodes.map((a) => a.cohortId)).toEqual(['c2']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(await learnerEnrollments(fx.db, { learnerId: 'nobody', first: 20 })).toMatchObject({
      nodes: [],
      totalCount: 0,
    });
  });

  it('pages through a cohort’s applications in arrival order', async () => {
    expect(await allPages('arrival', 4)).toEqual({
      seen: ['a1', 'a2', 'g1', 'i1', 'i4', 'g2', 'i2', 'i3', 'x1', 'w1', 's1'],
      pages: [4, 4, 3],
      totalCount: 11,
    });
  });

  it('pages by score, best first, ties and unreviewed in arrival order, across the reviewed/unreviewed boundary', async () => {
    const expected = ['a1', 'g1', 'i1', 'i4', 'g2', 'a2', 'i2', 'i3', 'x1', 'w1', 's1'];
    expect(await allPages('score', 3)).toEqual({ seen: expected, pages: [3, 3, 3, 2], totalCount: 11 });
    expect((await allPages('score', 1)).seen).toEqual(expected);
    expect((await allPages('score', 7)).seen).toEqual(expected);
  });

  it('filters by status, counting only matches', async () => {
    expect(await allPages('score', 2, 'waitlisted')).toEqual({
      seen: ['g1', 'i4', 'g2', 'i2', 'i3'],
      pages: [2, 2, 1],
      totalCount: 5,
    });
    expect(await allPages('arrival', 10, 'offered')).toEqual({ seen: ['a2', 'i1'], pages: [2], totalCount: 2 });
    expect(await allPages('arrival', 10, 'unheard-of')).toEqual({ seen: [], pages: [0], totalCount: 0 });
  });

  it('clamps first to 1..100 and returns an empty page with no cursor past the end', async () => {
    expect((await listApplications(fx.db, { cohortId: 'c1', sort: 'arrival', first: 0 })).nodes).toHaveLength(1);
    expect((await listApplications(fx.db, { cohortId: 'c1', sort: 'score', first: 1000 })).nodes).toHaveLength(11);
    const end = encodeApplicationCursor({ sort: 'arrival', score: null, submittedPosition: '9'.repeat(20) });
    expect(await listApplications(fx.db, { cohortId: 'c1', sort: 'arrival', first: 5, after: end })).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 11,
    });
  });

  it.each([
    ['garbage', 'score', 'not a cursor!'],
    ['base64 of something else', 'arrival', Buffer.from('hello').toString('base64url')],
    [
      'a cursor of the other order',
      'score',
      encodeApplicationCursor({ sort: 'arrival', score: null, submittedPosition: '0'.repeat(20) }),
    ],
    ['a cursor of another list', 'arrival', Buffer.from(`cohort:${'0'.repeat(20)}`).toString('base64url')],
    ['a score cursor without a position', 'score', Buffer.from('applications:score:8000:').toString('base64url')],
    [
      'a score that is no number',
      'score',
      Buffer.from(`applications:score:high:${'0'.repeat(20)}`).toString('base64url'),
    ],
  ] as const)('refuses a bad cursor: %s', async (_case, sort, after) => {
    const error = await listApplications(fx.db, { cohortId: 'c1', sort, first: 3, after }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'PAGINATION.CURSOR_INVALID',
      fields: [{ field: 'after', message: expect.any(String) }],
    });
  });
});
