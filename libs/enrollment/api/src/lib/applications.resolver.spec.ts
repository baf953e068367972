import type { Persona } from '@sooc/auth/testing';
import { ADMIN, EnrollmentApiWorld, REVIEWER } from '../testing/enrollment-api.world';

const SUBMIT = `mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) {
    position
    application { enrollmentId cohortId learnerId companyId level motivation answers { questionId answer } eligible unmetPrerequisites status submittedAt reviewCount averageScore decision { decision } }
  }
}`;
const LIST = `query($cohortId: ID!, $sort: ApplicationSort, $first: Int, $after: String, $status: ApplicationStatus) {
  applications(cohortId: $cohortId, sort: $sort, first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { learnerId companyId averageScore } }
  }
}`;
const WITHDRAW =
  'mutation($c: ID!, $l: ID!) { withdrawApplication(input: { cohortId: $c, learnerId: $l, reason: "moved" }) { position application { status statusReason } } }';

interface ListResult {
  applications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
    edges: {
      cursor: string;
      node: { learnerId: string | null; companyId: string | null; averageScore: number | null };
    }[];
  };
}

const dossier = (overrides: Record<string, unknown> = {}) => ({
  motivation: 'I want to learn with peers.',
  level: 'INTERMEDIATE',
  companyId: 'acme',
  answers: [{ questionId: 'why', answer: 'Because' }],
  prerequisitesMet: ['typescript'],
  ...overrides,
});

describe('enrollment API: applications', () => {
  let world: EnrollmentApiWorld;
  const submit = (cohortId: string, learnerId: string, overrides: Record<string, unknown> = {}) =>
    world.gql<{ submitApplication: { position: string; application: Record<string, unknown> } }>(SUBMIT, {
      input: { cohortId, learnerId, dossier: dossier(overrides) },
    });

  beforeAll(async () => {
    world = await EnrollmentApiWorld.start();
  });
  afterAll(() => world.close());

  it('returns the submitted application as the read model shows it right after the write', async () => {
    const cohortId = await world.givenOpenCohort();
    const result = await submit(cohortId, 'ada');

    expect(result.errors).toBeUndefined();
    expect(result.data!.submitApplication.position).toMatch(/^\d+$/);
    expect(result.data!.submitApplication.application).toEqual({
      enrollmentId: `${cohortId}-ada`,
      cohortId,
      learnerId: 'ada',
      companyId: 'acme',
      level: 'INTERMEDIATE',
      motivation: 'I want to learn with peers.',
      answers: [{ questionId: 'why', answer: 'Because' }],
      eligible: true,
      unmetPrerequisites: [],
      status: 'SUBMITTED',
      submittedAt: '2026-03-05T10:00:00.000Z',
      reviewCount: 0,
      averageScore: null,
      decision: null,
    });
    const mine = await world.gql<{ learnerEnrollments: { edges: { node: { cohortId: string; status: string } }[] } }>(
      'query { learnerEnrollments(learnerId: "ada") { edges { node { cohortId status } } } }',
    );
    expect(mine.data!.learnerEnrollments.edges.map((e) => e.node)).toEqual([{ cohortId, status: 'SUBMITTED' }]);
  });

  it('reports a second application of the same learner, a closed cohort and a bad dossier by their codes', async () => {
    const cohortId = await world.givenOpenCohort();
    await submit(cohortId, 'bob');
    expect((await submit(cohortId, 'bob')).errors![0].extensions).toMatchObject({
      code: 'ENROLLMENT.ALREADY_SUBMITTED',
      category: 'CONFLICT',
    });

    const blank = await submit(cohortId, 'cyd', { motivation: '  ' });
    expect(blank.errors![0].extensions).toMatchObject({
      code: 'ENROLLMENT.DOSSIER_INVALID',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'dossier.motivation', message: expect.any(String) }],
    });
    const twice = await submit(cohortId, 'cyd', {
      answers: [
        { questionId: 'q', answer: 'a' },
        { questionId: 'q', answer: 'b' },
      ],
    });
    expect(twice.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'dossier.answers', message: expect.any(String) }],
    });

    await world.cohort(cohortId, { type: 'CloseApplications', data: { cohortId } });
    expect((await submit(cohortId, 'cyd')).errors![0].extensions).toMatchObject({
      code: 'ENROLLMENT.APPLICATIONS_CLOSED',
    });
    const none = await world.gql<{ application: null }>(
      'query($c: ID!) { application(cohortId: $c, learnerId: "cyd") { status } }',
      { c: cohortId },
    );
    expect(none.data!.application).toBeNull();
  });

  it('withdraws, and returns the same application when the withdrawal is repeated', async () => {
    const cohortId = await world.givenOpenCohort();
    await submit(cohortId, 'dan');
    const first = await world.gql<{ withdrawApplication: { position: string | null; application: unknown } }>(
      WITHDRAW,
      { c: cohortId, l: 'dan' },
    );
    const again = await world.gql<{ withdrawApplication: { position: string | null; application: unknown } }>(
      WITHDRAW,
      { c: cohortId, l: 'dan' },
    );
    expect(first.data!.withdrawApplication.application).toEqual({ status: 'WITHDRAWN', statusReason: 'moved' });
    expect(again.data!.withdrawApplication).toEqual({
      position: null,
      application: { status: 'WITHDRAWN', statusReason: 'moved' },
    });
  });

  it('pages through applications by score, best first and unreviewed last', async () => {
    const cohortId = await world.givenOpenCohort();
    for (const learnerId of ['l1', 'l2', 'l3', 'l4']) await submit(cohortId, learnerId);
    const scores: Record<string, number> = { l1: 40, l3: 90, l4: 65 };
    const reviews = Object.entries(scores).map(([learnerId, score]) => ({
      type: 'ApplicationReviewed',
      data: {
        cohortId,
        enrollmentId: `${cohortId}-${learnerId}`,
        reviewerId: 'rev-1',
        rubricVersion: 1,
        scores: { fit: 3 },
        score,
        comment: null,
      },
    }));
    const at = await world.append(`selection-${cohortId}`, reviews);
    await world.runner.waitForPosition(at);

    const page1 = await world.gql<ListResult>(LIST, { cohortId, sort: 'SCORE', first: 2 });
    const page2 = await world.gql<ListResult>(LIST, {
      cohortId,
      sort: 'SCORE',
      first: 2,
      after: page1.data!.applications.pageInfo.endCursor,
    });

    const learners = (r: typeof page1) => r.data!.applications.edges.map((e) => e.node.learnerId);
    expect(learners(page1)).toEqual(['l3', 'l4']);
    expect(page1.data!.applications.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(learners(page2)).toEqual(['l1', 'l2']);
    expect(page2.data!.applications).toMatchObject({
      totalCount: 4,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });

  it('gives every edge its own cursor, so a client can resume from the middle of a page', async () => {
    const cohortId = await world.givenOpenCohort();
    for (const learnerId of ['m1', 'm2', 'm3', 'm4']) await submit(cohortId, learnerId);
    const all = await world.gql<ListResult>(LIST, { cohortId, first: 4 });
    const fromSecond = await world.gql<ListResult>(LIST, {
      cohortId,
      first: 4,
      after: all.data!.applications.edges[1].cursor,
    });
    expect(fromSecond.data!.applications.edges.map((e) => e.node.learnerId)).toEqual(['m3', 'm4']);
  });

  it('refuses a cursor of another order', async () => {
    const cohortId = await world.givenOpenCohort();
    await submit(cohortId, 'l1');
    await submit(cohortId, 'l2');
    const arrival = await world.gql<ListResult>(LIST, { cohortId, first: 1 });
    const misused = await world.gql<ListResult>(LIST, {
      cohortId,
      sort: 'SCORE',
      after: arrival.data!.applications.pageInfo.endCursor,
    });
    expect(misused.errors![0].extensions).toMatchObject({
      code: 'PAGINATION.CURSOR_INVALID',
      fields: [{ field: 'after', message: expect.any(String) }],
    });
  });

  it('hides who applied from a reviewer of a blind cohort, not from an admin, nor from the same reviewer in another cohort', async () => {
    const blind = await world.givenOpenCohort();
    const open = await world.givenOpenCohort();
    for (const cohortId of [blind, open]) await submit(cohortId, 'eve');
    const rubric = {
      cohortId: blind,
      version: 1,
      criteria: [{ id: 'fit', label: 'Fit', weight: 1 }],
      blind: true,
      reviewsRequired: 1,
    };
    await world.runner.waitForPosition(
      await world.append(`selection-${blind}`, [{ type: 'RubricDefined', data: rubric }]),
    );

    const node = async (cohortId: string, as: Persona) =>
      (await world.gql<ListResult>(LIST, { cohortId }, as)).data!.applications.edges[0].node;
    const reviewer = { ...REVIEWER, cohorts: [blind, open] };
    expect(await node(blind, reviewer)).toEqual({ learnerId: null, companyId: null, averageScore: null });
    expect(await node(blind, ADMIN)).toEqual({ learnerId: 'eve', companyId: 'acme', averageScore: null });
    expect(await node(open, reviewer)).toEqual({ learnerId: 'eve', companyId: 'acme', averageScore: null });

    const single = await world.gql<{ application: unknown }>(
      'query($c: ID!) { application(cohortId: $c, learnerId: "eve") { learnerId companyId motivation } }',
      { c: blind },
      reviewer,
    );
    expect(single.data!.application).toEqual({
      learnerId: null,
      companyId: null,
      motivation: 'I want to learn with peers.',
    });
  });
});
