import { FixedClock } from '@sooc/timing';
import { DomainError } from '@sooc/event-sourcing';
// Specs run the handlers on the real in-memory adapter; production code never imports infra.
import { MemoryEventStore } from '@sooc/event-store';
import { CommandRunner, RequestContext } from '@sooc/nest';
import type { Criterion } from '@sooc/selection-domain';
import { SelectionWorld } from '../testing/selection-world.fixture';
import { decideApplication } from './decide-application.handler';
import { defineRubric } from './define-rubric.handler';
import { reviewApplication } from './review-application.handler';

const criteria: Criterion[] = [
  { id: 'motivation', label: 'Motivation', weight: 2 },
  { id: 'fit', label: 'Fit with the course', weight: 1 },
];
const as = (id: string, role: 'admin' | 'reviewer') => RequestContext.as({ id, role }, `corr-${id}`);
const admin = as('admin-1', 'admin');

async function refusal(promise: Promise<unknown>): Promise<{ code: string; kind: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('selection command handlers', () => {
  let store: MemoryEventStore;
  let runner: CommandRunner;
  let world: SelectionWorld;

  const rubric = (cohortId: string, reviewsRequired = 2) =>
    defineRubric(runner, { cohortId, criteria, blind: true, reviewsRequired });
  const review = (reviewer: string, learnerId: string, motivation: number, fit: number, cohortId = 'c-1') =>
    RequestContext.run(as(reviewer, 'reviewer'), () =>
      reviewApplication(runner, { cohortId, learnerId, scores: { motivation, fit }, comment: null }),
    );
  const decide = (learnerId: string, decision: 'admit' | 'reject' | 'waitlist', cohortId = 'c-1') =>
    RequestContext.run(admin, () =>
      decideApplication(runner, { cohortId, learnerId, decision, reason: 'Strong, motivated profile' }),
    );

  beforeEach(async () => {
    store = new MemoryEventStore();
    runner = new CommandRunner(store, new FixedClock(new Date('2026-03-05T10:00:00Z')));
    world = new SelectionWorld(runner);
    await world.openCohort('c-1', 'review');
    await world.apply('c-1', 'ada', 'acme');
    await world.apply('c-1', 'bob');
  });

  it('defines the rubric of a review cohort and answers a repeat with the same rubric and no write', async () => {
    const defined = await RequestContext.run(admin, () => rubric('c-1'));
    expect(defined).toMatchObject({ rubric: { version: 1, criteria, blind: true, reviewsRequired: 2 }, revision: 0n });
    expect(defined.position).toBe(await store.headPosition());
    const [event] = await store.readStream('selection-c-1');
    expect(event.metadata).toMatchObject({ actor: admin.actor });

    const again = await rubric('c-1');
    expect(again).toEqual({ ...defined, position: null });
  });

  it('refuses a rubric for a cohort that does not exist, or admits first come', async () => {
    await world.openCohort('c-fc', 'first-come');
    expect(await refusal(rubric('nope'))).toEqual({ code: 'COHORT.NOT_FOUND', kind: 'not-found' });
    expect((await refusal(rubric('c-fc'))).code).toBe('SELECTION.NOT_A_REVIEW_COHORT');
    expect(await store.readStream('selection-nope')).toEqual([]);
    expect(await store.readStream('selection-c-fc')).toEqual([]);
  });

  it('signs each review with the caller and returns it with its weighted score', async () => {
    await rubric('c-1');
    const first = await review('rev-1', 'ada', 5, 2);
    expect(first.review).toEqual({
      enrollmentId: 'c-1-ada',
      reviewerId: 'rev-1',
      rubricVersion: 1,
      scores: { motivation: 5, fit: 2 },
      score: 80,
      comment: null,
    });
    expect(first.position).toBe(await store.headPosition());
    const second = await review('rev-2', 'ada', 4, 4);
    expect(second.review).toMatchObject({ reviewerId: 'rev-2', score: 80 });
    expect((await review('rev-2', 'ada', 4, 4)).position).toBeNull();
  });

  it('refuses an anonymous review, and a review of nobody, writing nothing', async () => {
    await rubric('c-1');
    const head = await store.headPosition();
    const anonymous = reviewApplication(runner, {
      cohortId: 'c-1',
      learnerId: 'ada',
      scores: { motivation: 5, fit: 5 },
      comment: null,
    });
    expect(await refusal(anonymous)).toEqual({ code: 'SELECTION.REVIEWER_REQUIRED', kind: 'forbidden' });
    expect((await refusal(review('rev-1', 'nobody', 5, 5))).code).toBe('ENROLLMENT.NOT_FOUND');
    // Issue 10 #9: an unknown cohort is what is missing, not its rubric.
    expect(await refusal(review('rev-1', 'ada', 5, 5, 'nope'))).toEqual({
      code: 'COHORT.NOT_FOUND',
      kind: 'not-found',
    });
    expect(await refusal(review('rev-1', 'ada', 9, 5))).toEqual({
      code: 'SELECTION.SCORES_INVALID',
      kind: 'validation',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('admits a reviewed application with a record of the reviews, the ranking and the seats', async () => {
    await rubric('c-1');
    await world.setQuota('c-1', 'acme', 4);
    await review('rev-1', 'ada', 5, 2);
    await review('rev-2', 'ada', 4, 4);
    await review('rev-1', 'bob', 5, 5);
    await review('rev-2', 'bob', 5, 5);

    const admitted = await decide('ada', 'admit');
    expect(admitted.position).toBe(await store.headPosition());
    expect(admitted.decision).toMatchObject({
      enrollmentId: 'c-1-ada',
      learnerId: 'ada',
      decision: 'admit',
      reason: 'Strong, motivated profile',
      decidedBy: admin.actor,
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
          quota: { companyId: 'acme', seats: 4, used: 0 },
          freeInPool: 4,
        },
      },
    });
    expect(admitted.decision.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = (await store.readStream('selection-c-1')).slice(-1);
    expect(event).toMatchObject({
      type: 'ApplicationDecided',
      data: { decisionId: admitted.decision.decisionId, companyId: 'acme', level: 'intermediate' },
    });
  });

  it('answers a repeated decision with the decision already taken, writing nothing', async () => {
    await rubric('c-1', 1);
    await review('rev-1', 'bob', 3, 3);
    const first = await decide('bob', 'waitlist');
    const again = await decide('bob', 'waitlist');
    expect(again).toEqual({ ...first, position: null });
    expect((await refusal(decide('bob', 'reject'))).code).toBe('SELECTION.ALREADY_DECIDED');
  });

  it('refuses a decision without enough reviews, without a seat in the pool, or on a first-come cohort', async () => {
    await rubric('c-1');
    await world.setQuota('c-1', 'acme', 30);
    await review('rev-1', 'bob', 5, 5);
    expect((await refusal(decide('bob', 'admit'))).code).toBe('SELECTION.NOT_ENOUGH_REVIEWS');
    await review('rev-2', 'bob', 5, 5);
    const head = await store.headPosition();
    expect(await refusal(decide('bob', 'admit'))).toEqual({ code: 'SELECTION.NO_SEAT_IN_POOL', kind: 'illegal-state' });
    expect(await store.headPosition()).toBe(head);

    await world.openCohort('c-fc', 'first-come');
    await world.apply('c-fc', 'cy', null, 'first-come');
    expect((await refusal(decide('cy', 'admit', 'c-fc'))).code).toBe('SELECTION.FIRST_COME_COHORT');
    expect((await refusal(decide('cy', 'admit', 'nope'))).code).toBe('COHORT.NOT_FOUND');
    expect(await store.readStream('selection-c-fc')).toEqual([]);
  });

  // Issue 10 #2: a quota of 1 and two ADMITs back to back (or at once) both recorded a free seat.
  it('counts its own earlier admits the ledger has not applied: the second ADMIT for a quota of 1 is refused', async () => {
    await rubric('c-1', 1);
    await world.setQuota('c-1', 'acme', 1);
    await world.apply('c-1', 'ann', 'acme');
    await world.apply('c-1', 'ben', 'acme');
    for (const learner of ['ann', 'ben']) await review('rev-1', learner, 5, 5);
    const [ann, ben] = await Promise.allSettled([decide('ann', 'admit'), decide('ben', 'admit')]);
    const admitted = [ann, ben].filter((r) => r.status === 'fulfilled');
    expect(admitted).toHaveLength(1);
    const refused = [ann, ben].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'SELECTION.NO_SEAT_IN_POOL' });
    const record = (admitted[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof decide>>>).value.decision.record;
    expect(record.seats).toMatchObject({ quota: { companyId: 'acme', seats: 1, used: 0 }, freeInPool: 1 });
    // The other is waitlisted instead, and its record says the quota is used.
    const other = ann.status === 'rejected' ? 'ann' : 'ben';
    const waitlisted = await decide(other, 'waitlist');
    expect(waitlisted.decision.record.seats).toMatchObject({
      quota: { companyId: 'acme', seats: 1, used: 1 },
      freeInPool: 0,
    });
  });
});
