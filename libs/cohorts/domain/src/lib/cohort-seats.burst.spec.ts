import { SPEC_ACTOR, SPEC_NOW } from '@sooc/event-sourcing';
import type { CohortCommand } from './cohort.commands';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import type { CohortState } from './cohort.state';
import { ledgerEntries } from './seat-ledger.query';
import { seatSnapshot, waitlistOrder } from './seat-snapshot.query';
import { admit, learner, opened, planned, release } from '../testing/cohort.fixture';

type Existing = Exclude<CohortState, { status: 'none' }>;
const metadata = { now: SPEC_NOW, actor: SPEC_ACTOR };

/** As the reactor drives the cohort: decide on the current state, fold the events in, next. */
function drive(policy: 'first-come' | 'review', commands: readonly Omit<CohortCommand, 'metadata'>[]) {
  const history: CohortEvent[] = [planned(100, policy), opened];
  let state = history.reduce(cohortDecider.evolve, cohortDecider.initialState());
  for (const command of commands) {
    const events = cohortDecider.decide({ ...command, metadata } as CohortCommand, state);
    for (const event of events) state = cohortDecider.evolve(state, event);
    history.push(...events);
  }
  return { state: state as Existing, history };
}

const applicants = Array.from({ length: 1_000 }, (_, i) => learner(i));
const reasonOf = (events: readonly CohortEvent[], enrollmentId: string) =>
  events.find(
    (e) => (e.type === 'SeatReserved' || e.type === 'ApplicantWaitlisted') && e.data.enrollmentId === enrollmentId,
  )?.data;

describe('1,000 applicants for 100 seats', () => {
  it('first come: the first 100 get a seat, the other 900 wait in arrival order', () => {
    const { state, history } = drive(
      'first-come',
      applicants.map((a) => admit(a)),
    );
    expect(seatSnapshot(state, null)).toMatchObject({
      capacity: 100,
      reserved: 100,
      free: 0,
      waitlisted: 900,
      freeInPool: 0,
    });
    expect(waitlistOrder(state).map((e) => e.enrollmentId)).toEqual(applicants.slice(100).map((a) => a.enrollmentId));
    expect(reasonOf(history, 'e-99')).toMatchObject({ reason: 'seat free on arrival (99/100 taken)' });
    expect(reasonOf(history, 'e-999')).toMatchObject({ reason: '899 learners wait ahead' });
    expect(history.reduce(cohortDecider.evolve, cohortDecider.initialState())).toEqual(state);
  });

  it('by score: releases go to the best scores waiting, earliest first among equals', () => {
    const score = (i: number) => (i * 37) % 101;
    const admits = applicants.map((a, i) => admit(a, score(i)));
    const seated = ledgerEntries(drive('review', admits).state.ledger).filter((e) => e.status === 'reserved');
    const { state, history } = drive('review', [
      ...admits,
      ...seated.slice(0, 10).map((e) => release(learner(Number(e.enrollmentId.slice(2))))),
    ]);
    const waiting = applicants
      .map((a, i) => ({ id: a.enrollmentId, score: score(i), i }))
      .filter(({ id }) => !seated.some((e) => e.enrollmentId === id));
    const best = waiting
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 10)
      .map(({ id }) => id);
    const promoted = history.flatMap((e) =>
      e.type === 'SeatReserved' && e.data.promoted ? [e.data.enrollmentId] : [],
    );
    expect(promoted).toEqual(best);
    expect(
      waitlistOrder(state)
        .slice(0, 3)
        .map((e) => e.enrollmentId),
    ).toEqual(waiting.slice(10, 13).map(({ id }) => id));
    expect(history.reduce(cohortDecider.evolve, cohortDecider.initialState())).toEqual(state);
  });
});
