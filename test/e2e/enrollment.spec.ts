import type { Persona } from '@sooc/auth/testing';
import { eventually } from '@sooc/util/testing';
import { CLOSE } from './cohorts.fixture';
import {
  ACCEPT,
  ADMIN,
  APPLICATIONS,
  DECLINE,
  reviewerOf,
  WITHDRAW,
  appendSelectionFacts,
  application,
  countOf,
  dashboard,
  openCohort,
  submit,
} from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

interface Page {
  applications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        enrollmentId: string;
        learnerId: string | null;
        companyId: string | null;
        status: string;
        averageScore: number | null;
      };
    }[];
  };
}

describe('enrollment over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  const page = (variables: Record<string, unknown>, as: Persona = ADMIN) => h.gql<Page>(APPLICATIONS, variables, as);
  const learnersOf = (result: { data?: Page | null }) => result.data!.applications.edges.map((e) => e.node.learnerId);

  it('takes an application and shows it at once, eligible when the prerequisites are met', async () => {
    const cohortId = await openCohort(h);
    const result = await submit(h, cohortId, 'ada');

    expect(result.errors).toBeUndefined();
    expect(result.data!.submitApplication.position).toMatch(/^\d+$/);
    expect(result.data!.submitApplication.application).toMatchObject({
      enrollmentId: `${cohortId}-ada`,
      cohortId,
      learnerId: 'ada',
      companyId: 'acme',
      level: 'INTERMEDIATE',
      answers: [{ questionId: 'why-now', answer: 'My team starts a project in May.' }],
      eligible: true,
      unmetPrerequisites: [],
      status: 'SUBMITTED',
      reviewCount: 0,
      averageScore: null,
    });
    expect(await application(h, cohortId, 'ada')).toEqual(result.data!.submitApplication.application);

    const missing = await submit(h, cohortId, 'bea', { prerequisitesMet: [] });
    expect(missing.data!.submitApplication.application).toMatchObject({
      eligible: false,
      unmetPrerequisites: ['TypeScript'],
      status: 'INELIGIBLE',
    });
    const mine = await h.gql<{ learnerEnrollments: { edges: { node: { cohortId: string; status: string } }[] } }>(
      'query { learnerEnrollments(learnerId: "ada") { edges { node { cohortId status } } } }',
    );
    expect(mine.data!.learnerEnrollments.edges.map((e) => e.node)).toEqual([{ cohortId, status: 'SUBMITTED' }]);
  });

  it('refuses the same learner twice with ENROLLMENT.ALREADY_SUBMITTED, and a closed cohort with ENROLLMENT.APPLICATIONS_CLOSED', async () => {
    const cohortId = await openCohort(h);
    await submit(h, cohortId, 'ada');
    const before = (await h.events()).length;

    const twice = await submit(h, cohortId, 'ada', { motivation: 'Another try.' });
    expect(twice.data).toBeNull();
    expect(twice.errors![0].extensions).toEqual({ code: 'ENROLLMENT.ALREADY_SUBMITTED', category: 'CONFLICT' });

    await h.gql(CLOSE, { cohortId });
    const closed = await submit(h, cohortId, 'cyd');
    expect(closed.errors![0].extensions).toEqual({ code: 'ENROLLMENT.APPLICATIONS_CLOSED', category: 'CONFLICT' });
    expect((await submit(h, 'no-such-cohort', 'cyd')).errors![0].extensions).toEqual({
      code: 'COHORT.NOT_FOUND',
      category: 'NOT_FOUND',
    });
    // The close is the only event since: neither refusal wrote anything.
    expect((await h.events()).slice(before).map((e) => e.type)).toEqual(['ApplicationsClosed']);
  });

  it('refuses an invalid dossier with BAD_USER_INPUT naming the fields, and writes nothing', async () => {
    const cohortId = await openCohort(h);
    const before = (await h.events()).length;

    const blank = await submit(h, cohortId, 'ada', { motivation: '   ', companyId: ' acme' });
    expect(blank.errors![0].extensions).toMatchObject({
      category: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'dossier.companyId' })],
    });
    const domain = await submit(h, cohortId, 'ada', { motivation: '   ' });
    expect(domain.errors![0].extensions).toMatchObject({
      code: 'ENROLLMENT.DOSSIER_INVALID',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'dossier.motivation', message: expect.any(String) }],
    });
    const level = await submit(h, cohortId, 'ada', { level: 'EXPERT' });
    expect(level.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const repeated = await submit(h, cohortId, 'ada', {
      answers: [
        { questionId: 'q1', answer: 'a' },
        { questionId: 'q1', answer: 'b' },
      ],
    });
    expect(repeated.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'dossier.answers', message: expect.any(String) }],
    });
    const badId = await submit(h, cohortId, 'has spaces');
    expect(badId.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'learnerId', message: expect.any(String) }],
    });

    expect((await h.events()).length).toBe(before);
    expect(await application(h, cohortId, 'ada')).toBeNull();
  });

  it('withdraws an application; a repeat answers the same without writing', async () => {
    const cohortId = await openCohort(h);
    await submit(h, cohortId, 'ada');
    const first = await h.gql<{ withdrawApplication: { position: string | null; application: unknown } }>(WITHDRAW, {
      cohortId,
      learnerId: 'ada',
      reason: 'Changed jobs',
    });
    const again = await h.gql<{ withdrawApplication: { position: string | null; application: unknown } }>(WITHDRAW, {
      cohortId,
      learnerId: 'ada',
    });

    expect(first.data!.withdrawApplication).toEqual({
      position: expect.stringMatching(/^\d+$/),
      application: { status: 'WITHDRAWN', statusReason: 'Changed jobs' },
    });
    expect(again.data!.withdrawApplication).toEqual({
      position: null,
      application: { status: 'WITHDRAWN', statusReason: 'Changed jobs' },
    });
    expect(countOf(await dashboard(h, cohortId), 'WITHDRAWN')).toBe(1);
    const unknown = await h.gql(WITHDRAW, { cohortId, learnerId: 'nobody' });
    expect(unknown.errors![0].extensions).toEqual({ code: 'ENROLLMENT.NOT_FOUND', category: 'NOT_FOUND' });
  });

  it('pages through applications by arrival and by score, each page after the last one', async () => {
    const cohortId = await openCohort(h);
    const learners = ['l1', 'l2', 'l3', 'l4', 'l5'];
    for (const learnerId of learners) await submit(h, cohortId, learnerId);
    const scores: Record<string, number> = { l2: 55.5, l4: 91, l5: 55.5 };
    await appendSelectionFacts(
      h,
      cohortId,
      Object.entries(scores).map(([learnerId, score]) => ({
        type: 'ApplicationReviewed',
        data: {
          cohortId,
          enrollmentId: `${cohortId}-${learnerId}`,
          reviewerId: 'reviewer-1',
          rubricVersion: 1,
          scores: { fit: 3 },
          score,
          comment: null,
        },
      })),
    );

    const collect = async (sort: string) => {
      const seen: (string | null)[] = [];
      let after: string | null = null;
      for (let pages = 1; ; pages++) {
        const result = await page({ cohortId, sort, first: 2, after });
        expect(result.data!.applications).toMatchObject({
          totalCount: 5,
          pageInfo: { hasPreviousPage: after !== null },
        });
        seen.push(...learnersOf(result));
        after = result.data!.applications.pageInfo.endCursor;
        if (!result.data!.applications.pageInfo.hasNextPage) return { seen, pages };
      }
    };
    expect(await collect('ARRIVAL')).toEqual({ seen: learners, pages: 3 });
    // Best first; equal scores by arrival; unreviewed last, by arrival.
    expect(await collect('SCORE')).toEqual({ seen: ['l4', 'l2', 'l5', 'l1', 'l3'], pages: 3 });

    const submitted = await page({ cohortId, status: 'SUBMITTED', first: 10 });
    expect(submitted.data!.applications.totalCount).toBe(5);
    const wrongCursor = await page({
      cohortId,
      sort: 'SCORE',
      after: (await page({ cohortId, first: 1 })).data!.applications.pageInfo.endCursor,
    });
    expect(wrongCursor.errors![0].extensions).toMatchObject({
      code: 'PAGINATION.CURSOR_INVALID',
      fields: [{ field: 'after', message: expect.any(String) }],
    });
    const tooMany = await page({ cohortId, first: 101 });
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
  });

  it("hides the applicant's identity from a reviewer when the rubric is blind, not from an admin", async () => {
    const cohortId = await openCohort(h);
    await submit(h, cohortId, 'ada');
    const rubric = {
      cohortId,
      version: 1,
      criteria: [{ id: 'fit', label: 'Fit', weight: 1 }],
      blind: true,
      reviewsRequired: 1,
    };

    const REVIEWER = reviewerOf(cohortId);
    expect(learnersOf(await page({ cohortId }, REVIEWER))).toEqual(['ada']);
    await appendSelectionFacts(h, cohortId, [{ type: 'RubricDefined', data: rubric }]);

    const blind = await page({ cohortId }, REVIEWER);
    expect(blind.data!.applications.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ learnerId: null, companyId: null, status: 'SUBMITTED' }),
    ]);
    expect((await application(h, cohortId, 'ada', REVIEWER))!).toMatchObject({
      learnerId: null,
      companyId: null,
      motivation: expect.any(String),
    });
    expect((await page({ cohortId }, ADMIN)).data!.applications.edges[0].node).toMatchObject({
      learnerId: 'ada',
      companyId: 'acme',
    });
  });
});

/**
 * Offers, acceptances, declines and the waitlist move only once the reactor (run in-process by
 * the gateway) reacts to the events: each step polls, bounded, until it has.
 */
describe('offers and the waitlist (needs the reactor in the gateway)', () => {
  let h: Harness;
  let cohortId: string;
  beforeAll(async () => {
    h = await startGateway();
    cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 2 });
    for (const learnerId of ['l1', 'l2', 'l3']) await submit(h, cohortId, learnerId, { companyId: null });
  });
  afterAll(() => h.close());

  it('offers seats in arrival order and waitlists the rest', async () => {
    const seated = await eventually(
      () => dashboard(h, cohortId),
      (d) => d?.reserved === 2 && d.waitlistLength === 1,
      10_000,
    );
    expect(seated).toMatchObject({ capacity: 2, free: 0, fillRate: 1, waitlist: [{ position: 1, learnerId: 'l3' }] });
    const l1 = await eventually(
      () => application(h, cohortId, 'l1'),
      (a) => a?.status === 'OFFERED',
      10_000,
    );
    expect(l1!.offerExpiresAt).toEqual(expect.any(String));
    expect(
      (await eventually(
        () => application(h, cohortId, 'l3'),
        (a) => a?.status === 'WAITLISTED',
        10_000,
      ))!.statusReason,
    ).toEqual(expect.any(String));
  });

  it('confirms the seat of a learner who accepts', async () => {
    const accepted = await h.gql<{ acceptOffer: { application: { status: string } } }>(ACCEPT, {
      cohortId,
      learnerId: 'l1',
    });
    expect(accepted.data!.acceptOffer.application).toEqual({ status: 'ENROLLED' });
    expect(
      await eventually(
        () => dashboard(h, cohortId),
        (d) => d?.confirmed === 1,
        10_000,
      ),
    ).toMatchObject({ reserved: 1, confirmed: 1 });
    const waitlisted = await h.gql(ACCEPT, { cohortId, learnerId: 'l3' });
    expect(waitlisted.errors![0].extensions).toMatchObject({ code: 'ENROLLMENT.NO_OPEN_OFFER' });
  });

  it('gives a declined seat to the first on the waitlist', async () => {
    const declined = await h.gql<{ declineOffer: { application: unknown } }>(DECLINE, {
      cohortId,
      learnerId: 'l2',
      reason: 'Dates clash',
    });
    expect(declined.data!.declineOffer.application).toMatchObject({ status: 'DECLINED' });
    const promoted = await eventually(
      () => application(h, cohortId, 'l3'),
      (a) => a?.status === 'OFFERED',
      10_000,
    );
    expect(promoted).toMatchObject({ promotedFromWaitlist: true });
    expect(
      await eventually(
        () => dashboard(h, cohortId),
        (d) => d?.waitlistLength === 0 && d.reserved === 1,
        10_000,
      ),
    ).toMatchObject({ confirmed: 1, free: 0 });
  });

  it('frees the seat of a learner who withdraws while holding an offer', async () => {
    await h.gql(WITHDRAW, { cohortId, learnerId: 'l3', reason: null });
    expect(
      await eventually(
        () => dashboard(h, cohortId),
        (d) => d?.reserved === 0,
        10_000,
      ),
    ).toMatchObject({ confirmed: 1, free: 1, fillRate: 0.5 });
  });
});
