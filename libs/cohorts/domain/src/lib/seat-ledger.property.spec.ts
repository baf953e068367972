import fc from 'fast-check';
import { DomainError, SPEC_ACTOR, SPEC_NOW } from '@sooc/event-sourcing';
import { LEARNER_LEVELS } from './cohort-settings';
import type { CohortCommand } from './cohort.commands';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent, SeatReserved } from './cohort.events';
import type { CohortState } from './cohort.state';
import {
  freeInPool,
  poolOf,
  poolSize,
  pools,
  quotaTotal,
  seatsInPool,
  seatsTaken,
  waitlist,
  waitlistOfPool,
} from './seat-ledger.query';
import type { Applicant } from './seat-ledger.types';
import { planned } from '../testing/cohort.fixture';

type Existing = Exclude<CohortState, { status: 'none' }>;
const cohortId = 'c-spring';
const metadata = { now: SPEC_NOW, actor: SPEC_ACTOR };

const learners = fc.array(
  fc.record({ companyId: fc.constantFrom('acme', 'globex', null), level: fc.constantFrom(...LEARNER_LEVELS) }),
  { minLength: 1, maxLength: 16 },
);
const score = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }));
/** Commands name a learner by index into the cohort's applicants, so repeats hit the same enrollment. */
const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('AdmitApplicant' as const), who: fc.nat(), score }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('WaitlistApplicant' as const), who: fc.nat(), score }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('ReleaseSeat' as const),
      who: fc.nat(),
      reason: fc.constantFrom('withdrawn' as const, 'declined' as const, 'expired' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('ConfirmSeat' as const), who: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('SetCompanyQuota' as const),
      companyId: fc.constantFrom('acme', 'globex', 'initech'),
      seats: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('ChangeCapacity' as const), capacity: fc.integer({ min: 2, max: 14 }) }),
  },
  { weight: 1, arbitrary: fc.constantFrom({ type: 'CloseApplications' as const }, { type: 'StartCohort' as const }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
const scenario = fc.record({
  capacity: fc.integer({ min: 2, max: 10 }),
  policy: fc.constantFrom('first-come' as const, 'review' as const),
  learners,
  steps: fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function toCommand(s: Step, applicants: readonly Applicant[]): CohortCommand {
  const applicant = 'who' in s ? applicants[s.who % applicants.length] : applicants[0];
  switch (s.type) {
    case 'AdmitApplicant':
    case 'WaitlistApplicant':
      return { type: s.type, data: { cohortId, applicant, score: s.score }, metadata };
    case 'ReleaseSeat':
      return { type: s.type, data: { cohortId, enrollmentId: applicant.enrollmentId, reason: s.reason }, metadata };
    case 'ConfirmSeat':
      return { type: s.type, data: { cohortId, enrollmentId: applicant.enrollmentId }, metadata };
    case 'SetCompanyQuota':
      return { type: s.type, data: { cohortId, companyId: s.companyId, seats: s.seats }, metadata };
    case 'ChangeCapacity':
      return { type: s.type, data: { cohortId, capacity: s.capacity }, metadata };
    default:
      return { type: s.type, data: { cohortId }, metadata };
  }
}

/** Plain throws, not expect(): thousands of checks per run, and fast-check shrinks on any throw. */
function check(ok: boolean, what: string, state: Existing): void {
  if (!ok) throw new Error(`${what}\nledger: ${JSON.stringify(state.ledger)}`);
}

/** (c): a promotion goes to the first waitlisted learner, in waitlist order, whose pool has room. */
function checkFairPromotion(state: Existing, event: SeatReserved): void {
  const { ledger, settings } = state;
  const first = waitlist(ledger, settings.waitlistOrder).find(
    (e) => freeInPool(ledger, poolOf(ledger, e.companyId)) > 0,
  );
  check(
    event.data.enrollmentId === first?.enrollmentId,
    `promoted ${event.data.enrollmentId}, but ${first?.enrollmentId} was first with room`,
    state,
  );
}

/** (a), (b), (d) and the capacity kept in step. */
function checkInvariants(state: Existing): void {
  const { ledger } = state;
  check(state.capacity === ledger.capacity, 'cohort and ledger capacity differ', state);
  check(seatsTaken(ledger) <= ledger.capacity, 'more seats taken than the capacity', state);
  check(quotaTotal(ledger) <= ledger.capacity, 'quotas above the capacity', state);
  for (const pool of pools(ledger)) {
    check(seatsInPool(ledger, pool) <= poolSize(ledger, pool), `pool ${pool} holds more than its size`, state);
    if (state.status === 'open' || state.status === 'closed') {
      const waiting = waitlistOfPool(ledger, state.settings.waitlistOrder, pool).length;
      check(
        freeInPool(ledger, pool) === 0 || waiting === 0,
        `pool ${pool} has a free seat beside ${waiting} waiting`,
        state,
      );
    }
  }
}

function run(
  { capacity, policy, learners: rows, steps }: Scenario,
  onEvent: (e: CohortEvent) => void = () => undefined,
) {
  const applicants = rows.map((row, i): Applicant => ({ enrollmentId: `e-${i}`, learnerId: `l-${i}`, ...row }));
  const history: CohortEvent[] = [planned(capacity, policy), { type: 'ApplicationsOpened', data: { cohortId } }];
  let state = history.reduce(cohortDecider.evolve, cohortDecider.initialState()) as Existing;
  for (const s of steps) {
    let events: readonly CohortEvent[];
    try {
      events = cohortDecider.decide(toCommand(s, applicants), Object.freeze(state));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      continue;
    }
    for (const event of events) {
      if (event.type === 'SeatReserved' && event.data.promoted) checkFairPromotion(state, event);
      if (event.type === 'SeatReserved' && !event.data.promoted)
        check(freeInPool(state.ledger, event.data.pool) > 0, 'seated on arrival without a free seat', state);
      onEvent(event);
      state = cohortDecider.evolve(state, event) as Existing;
    }
    history.push(...events);
    checkInvariants(state);
  }
  return { state, history };
}

describe('the seat ledger over random admissions, releases, quotas and capacity changes', () => {
  it('exercises promotions, quotas and refusals often enough to mean something', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, (sc) => {
        run(sc, (e) => seen.add(e.type === 'SeatReserved' ? `SeatReserved:${e.data.promoted}:${e.data.pool}` : e.type));
      }),
      // A fixed seed: this checks the generators' reach, which must not depend on the luck of a run.
      { numRuns: 200, seed: 20261128 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'SeatReserved:true:open',
        'SeatReserved:true:acme',
        'SeatReserved:false:globex',
        'ApplicantWaitlisted',
        'SeatReleased',
        'WaitlistLeft',
        'SeatConfirmed',
        'CompanyQuotaSet',
        'CapacityChanged',
        'CohortStarted',
      ]),
    );
  });

  it('keeps seats within capacity and quotas, promotes fairly and never leaves a free seat beside a waiting learner', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        run(sc);
      }),
      { numRuns: 400 },
    );
  });

  it('folds to the same state from scratch as step by step', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { state, history } = run(sc);
        expect(history.reduce(cohortDecider.evolve, cohortDecider.initialState())).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });
});
