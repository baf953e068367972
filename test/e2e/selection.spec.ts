import { settled } from './admission.support';
import { startGateway, type Harness } from './gateway.harness';
import type { Persona } from '@sooc/auth/testing';
import {
  ADMIN,
  DECIDE,
  DEFINE_RUBRIC,
  REVIEW,
  apply,
  defineRubric,
  openCohort,
  review,
  reviewer,
  rubricInput,
} from './selection.fixture';

interface DecisionPayload {
  position: string | null;
  decision: {
    decisionId: string;
    decision: string;
    decidedBy: { id: string; role: string };
    record: { rank: number | null; rankedAmong: number; averageScore: number | null; seats: Record<string, unknown> };
  };
}

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables: () => Record<string, unknown>;
  /** Who sends it: an admin when absent; a reviewer is bound to the cohort the input names. */
  readonly as?: Persona | null;
  readonly code: string;
  readonly category?: string;
  readonly fields?: readonly string[];
}

describe('selection over HTTP: rubric, reviews and decisions (SQLite stores)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway();
  });
  afterAll(() => h.close());

  const decide = (cohortId: string, learnerId: string, decision: string, as: Persona = ADMIN) =>
    h.gql<{ decideApplication: DecisionPayload }>(
      DECIDE,
      { input: { cohortId, learnerId, decision, reason: 'Clear motivation, good fit' } },
      as,
    );

  it('defines a rubric, takes two reviews and admits with a record of the ranking and the seats', async () => {
    const cohortId = await openCohort(h, 'REVIEW');
    await h.gql(
      'mutation($c: ID!) { setCompanyQuota(input: { cohortId: $c, companyId: "acme", seats: 5 }) { position } }',
      { c: cohortId },
      ADMIN,
    );
    const ada = await apply(h, cohortId, 'acme');
    const bob = await apply(h, cohortId);

    const defined = await h.gql<{ defineRubric: { position: string; rubric: unknown } }>(
      DEFINE_RUBRIC,
      { input: { cohortId, ...rubricInput() } },
      ADMIN,
    );
    expect(defined.errors).toBeUndefined();
    expect(defined.data!.defineRubric.rubric).toEqual({ version: 1, ...rubricInput() });
    expect(defined.data!.defineRubric.position).toMatch(/^\d+$/);

    const first = await h.gql<{ reviewApplication: { position: string; review: unknown } }>(
      REVIEW,
      {
        input: {
          cohortId,
          learnerId: ada,
          scores: [
            { criterionId: 'fit', score: 2 },
            { criterionId: 'motivation', score: 5 },
          ],
          comment: ' Convincing ',
        },
      },
      reviewer('rev-1', cohortId),
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.reviewApplication.review).toEqual({
      // A reviewer gets the reference, never the enrollment id (it holds the learner id): the cohort may review blind.
      enrollmentId: null,
      reviewerId: 'rev-1',
      rubricVersion: 1,
      scores: [
        { criterionId: 'motivation', score: 5 },
        { criterionId: 'fit', score: 2 },
      ],
      score: 80,
      comment: 'Convincing',
    });
    await review(h, 'rev-2', cohortId, ada, 4, 4);
    await review(h, 'rev-1', cohortId, bob, 5, 5);
    await review(h, 'rev-2', cohortId, bob, 5, 4);

    const admitted = await decide(cohortId, ada, 'ADMIT');
    expect(admitted.errors).toBeUndefined();
    expect(admitted.data!.decideApplication.decision).toMatchObject({
      decision: 'ADMIT',
      reason: 'Clear motivation, good fit',
      decidedBy: { id: 'admin-7', role: 'admin' },
      record: {
        rubricVersion: 1,
        reviews: [
          { reviewerId: 'rev-1', rubricVersion: 1, score: 80 },
          { reviewerId: 'rev-2', rubricVersion: 1, score: 80 },
        ],
        averageScore: 80,
        rank: 2,
        rankedAmong: 2,
        seats: {
          capacity: 30,
          reserved: 0,
          confirmed: 0,
          free: 30,
          waitlisted: 0,
          freeInPool: 5,
          quota: { companyId: 'acme', seats: 5, used: 0 },
        },
      },
    });

    const selection = (await h.events()).filter((e) => e.streamId === `selection-${cohortId}`);
    expect(selection.map((e) => e.type)).toEqual([
      'RubricDefined',
      'ApplicationReviewed',
      'ApplicationReviewed',
      'ApplicationReviewed',
      'ApplicationReviewed',
      'ApplicationDecided',
    ]);
    expect(selection.slice(1, 5).map((e) => e.metadata.actor.id)).toEqual(['rev-1', 'rev-2', 'rev-1', 'rev-2']);
    const decided = selection[5];
    expect(decided.metadata.actor).toEqual({ id: 'admin-7', role: 'admin' });
    expect(decided.position.toString()).toBe(admitted.data!.decideApplication.position);
  });

  it('answers a repeated decision with the decision already taken, writing nothing', async () => {
    const cohortId = await openCohort(h, 'REVIEW');
    const learnerId = await apply(h, cohortId);
    await defineRubric(h, cohortId, { reviewsRequired: 1 });
    await review(h, 'rev-1', cohortId, learnerId, 3, 3);
    const first = await decide(cohortId, learnerId, 'WAITLIST');
    // The reactor carries the decision to the enrollment and the waitlist: let it finish first.
    await settled(h);
    const before = (await h.events()).length;

    const again = await decide(cohortId, learnerId, 'WAITLIST');
    expect(again.errors).toBeUndefined();
    expect(again.data!.decideApplication).toEqual({ ...first.data!.decideApplication, position: null });
    expect(await h.events()).toHaveLength(before);
  });

  describe('refusals: the right code, the fields named, and nothing written', () => {
    let cohortId: string;
    let unreviewed: string;
    let reviewed: string;
    let rejected: string;
    let fullPoolCohortId: string;
    let noSeat: string;
    let firstComeId: string;
    let firstComer: string;

    beforeAll(async () => {
      cohortId = await openCohort(h, 'REVIEW');
      [unreviewed, reviewed, rejected] = [await apply(h, cohortId), await apply(h, cohortId), await apply(h, cohortId)];
      await defineRubric(h, cohortId);
      for (const learnerId of [reviewed, rejected]) {
        await review(h, 'rev-1', cohortId, learnerId, 4, 4);
        await review(h, 'rev-2', cohortId, learnerId, 4, 3);
      }
      expect((await decide(cohortId, rejected, 'REJECT')).errors).toBeUndefined();

      // Every seat belongs to acme's quota: a learner without a company has no seat in their pool.
      fullPoolCohortId = await openCohort(h, 'REVIEW', { capacity: 10 });
      await h.gql(
        'mutation($c: ID!) { setCompanyQuota(input: { cohortId: $c, companyId: "acme", seats: 10 }) { position } }',
        { c: fullPoolCohortId },
        ADMIN,
      );
      noSeat = await apply(h, fullPoolCohortId);
      await defineRubric(h, fullPoolCohortId, { reviewsRequired: 1 });
      await review(h, 'rev-1', fullPoolCohortId, noSeat, 5, 5);

      firstComeId = await openCohort(h, 'FIRST_COME');
      firstComer = await apply(h, firstComeId);
      // The reactor seats the first-comer and carries the rejection: nothing may move during the cases.
      await settled(h);
    });

    const scores = (...pairs: [string, unknown][]) => pairs.map(([criterionId, score]) => ({ criterionId, score }));
    const reviewOf =
      (learnerId: () => string, s: unknown, cohort = () => cohortId) =>
      () => ({ input: { cohortId: cohort(), learnerId: learnerId(), scores: s, comment: null } });
    const decision =
      (cohort: () => string, learner: () => string, value = 'ADMIT', reason = 'Because') =>
      () => ({ input: { cohortId: cohort(), learnerId: learner(), decision: value, reason } });
    const rubric = (overrides: Record<string, unknown>) => () => ({ input: { cohortId, ...rubricInput(overrides) } });

    // Ids exist only after beforeAll: variables are built when a case runs.
    const cases: Case[] = [
      // decideApplication
      {
        name: 'decide an unreviewed application',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => unreviewed,
        ),
        code: 'SELECTION.NOT_ENOUGH_REVIEWS',
        category: 'CONFLICT',
      },
      {
        name: 'admit with no seat in the pool',
        query: DECIDE,
        variables: decision(
          () => fullPoolCohortId,
          () => noSeat,
        ),
        code: 'SELECTION.NO_SEAT_IN_POOL',
        category: 'CONFLICT',
      },
      {
        name: 'decide on a first-come cohort',
        query: DECIDE,
        variables: decision(
          () => firstComeId,
          () => firstComer,
        ),
        code: 'SELECTION.FIRST_COME_COHORT',
        category: 'CONFLICT',
      },
      {
        name: 'decide without a reason',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => reviewed,
          'REJECT',
          '  ',
        ),
        code: 'SELECTION.REASON_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['reason'],
      },
      {
        name: 'decide with an unknown decision',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => reviewed,
          'MAYBE',
        ),
        code: 'BAD_USER_INPUT',
        fields: ['decision'],
      },
      {
        name: 'decide again, otherwise',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => rejected,
          'ADMIT',
        ),
        code: 'SELECTION.ALREADY_DECIDED',
        category: 'CONFLICT',
      },
      {
        name: 'decide on nobody',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => 'nobody',
        ),
        code: 'ENROLLMENT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'decide in an unknown cohort',
        query: DECIDE,
        variables: decision(
          () => 'no-such-cohort',
          () => reviewed,
        ),
        code: 'COHORT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'decide with a malformed learner id',
        query: DECIDE,
        variables: decision(
          () => cohortId,
          () => 'a b',
        ),
        code: 'BAD_USER_INPUT',
        fields: ['learnerId'],
      },
      // reviewApplication
      {
        name: 'review with a score above 5',
        query: REVIEW,
        variables: reviewOf(() => unreviewed, scores(['motivation', 9], ['fit', 3])),
        as: reviewer('rev-1'),
        code: 'SELECTION.SCORES_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['scores.motivation'],
      },
      {
        name: 'review missing a criterion and scoring an unknown one',
        query: REVIEW,
        variables: reviewOf(() => unreviewed, scores(['motivation', 4], ['charm', 5])),
        as: reviewer('rev-1'),
        code: 'SELECTION.SCORES_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['scores.fit', 'scores.charm'],
      },
      {
        name: 'review scoring one criterion twice',
        query: REVIEW,
        variables: reviewOf(() => unreviewed, scores(['motivation', 4], ['motivation', 5], ['fit', 1])),
        as: reviewer('rev-1'),
        code: 'BAD_USER_INPUT',
        fields: ['scores'],
      },
      {
        name: 'review with a fractional score',
        query: REVIEW,
        variables: reviewOf(() => unreviewed, scores(['motivation', 3.5], ['fit', 3])),
        as: reviewer('rev-1'),
        code: 'BAD_USER_INPUT',
        fields: ['scores[0].score'],
      },
      {
        name: 'review by an anonymous caller',
        query: REVIEW,
        variables: reviewOf(() => unreviewed, scores(['motivation', 4], ['fit', 3])),
        as: null,
        code: 'UNAUTHENTICATED',
        category: 'UNAUTHENTICATED',
      },
      {
        name: 'review of a decided application',
        query: REVIEW,
        variables: reviewOf(() => rejected, scores(['motivation', 4], ['fit', 3])),
        as: reviewer('rev-9'),
        code: 'SELECTION.NOT_REVIEWABLE',
        category: 'CONFLICT',
      },
      {
        name: 'review before any rubric',
        query: REVIEW,
        variables: reviewOf(
          () => firstComer,
          scores(['motivation', 4], ['fit', 3]),
          () => firstComeId,
        ),
        as: reviewer('rev-1'),
        code: 'SELECTION.NO_RUBRIC',
        category: 'CONFLICT',
      },
      {
        name: 'review in an unknown cohort',
        query: REVIEW,
        variables: reviewOf(
          () => unreviewed,
          scores(['motivation', 4], ['fit', 3]),
          () => 'no-such-cohort',
        ),
        as: reviewer('rev-1'),
        code: 'COHORT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'review of nobody',
        query: REVIEW,
        variables: reviewOf(() => 'nobody', scores(['motivation', 4], ['fit', 3])),
        as: reviewer('rev-1'),
        code: 'ENROLLMENT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      // defineRubric
      {
        name: 'rubric with a weightless criterion',
        query: DEFINE_RUBRIC,
        variables: rubric({ criteria: [{ id: 'motivation', label: 'Motivation', weight: 0 }] }),
        code: 'SELECTION.RUBRIC_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['criteria[0].weight'],
      },
      {
        name: 'rubric without criteria',
        query: DEFINE_RUBRIC,
        variables: rubric({ criteria: [] }),
        code: 'SELECTION.RUBRIC_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['criteria'],
      },
      {
        name: 'rubric needing no review',
        query: DEFINE_RUBRIC,
        variables: rubric({ reviewsRequired: 0 }),
        code: 'SELECTION.RUBRIC_INVALID',
        category: 'BAD_USER_INPUT',
        fields: ['reviewsRequired'],
      },
      {
        name: 'rubric with a malformed criterion id',
        query: DEFINE_RUBRIC,
        variables: rubric({ criteria: [{ id: 'no spaces', label: 'x', weight: 1 }] }),
        code: 'BAD_USER_INPUT',
        fields: ['criteria.0.id'],
      },
      {
        name: 'rubric with a malformed cohort id',
        query: DEFINE_RUBRIC,
        variables: () => ({ input: { cohortId: '../x', ...rubricInput() } }),
        code: 'BAD_USER_INPUT',
        fields: ['cohortId'],
      },
      {
        name: 'rubric for an unknown cohort',
        query: DEFINE_RUBRIC,
        variables: () => ({ input: { cohortId: 'no-such-cohort', ...rubricInput() } }),
        code: 'COHORT.NOT_FOUND',
        category: 'NOT_FOUND',
      },
      {
        name: 'rubric for a first-come cohort',
        query: DEFINE_RUBRIC,
        variables: () => ({ input: { cohortId: firstComeId, ...rubricInput() } }),
        code: 'SELECTION.NOT_A_REVIEW_COHORT',
        category: 'CONFLICT',
      },
    ];

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const before = await h.events();
      const variables = c.variables();
      const cohortOfInput = String((variables['input'] as { cohortId?: unknown } | undefined)?.cohortId);
      const as = c.as === undefined ? ADMIN : c.as && { ...c.as, cohorts: [cohortOfInput] };
      const result = await h.gql(c.query, variables, as);
      expect(result.errors).toHaveLength(1);
      const extensions = result.errors![0].extensions!;
      expect(extensions['code']).toBe(c.code);
      if (c.category) expect(extensions['category']).toBe(c.category);
      if (c.fields)
        expect((extensions['fields'] as { field: string }[]).map((f) => f.field).sort()).toEqual([...c.fields].sort());
      expect(await h.events()).toEqual(before);
    });
  });
});
