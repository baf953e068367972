import type { EventStore } from '@sooc/event-sourcing';
import { countsByLearner, learnerOf, seatsTakenAfterEachEvent } from '@sooc/reactor-engine/testing';

export interface FirstComeRun {
  readonly cohortId: string;
  readonly capacity: number;
  readonly learners: readonly string[];
  /** They accepted their offers; every other offer was left to expire. */
  readonly accepting: readonly string[];
}

/**
 * What must hold once a first-come cohort has been run to the end (every offer accepted or
 * expired), however many reactors died or took over on the way. Returns the waitlist in the
 * order the cohort took it, for the caller's own checks.
 */
export async function expectAdmissionInvariants(store: EventStore, run: FirstComeRun): Promise<string[]> {
  const { cohortId, capacity, learners, accepting } = run;
  const all = await store.readAll();
  const counts = countsByLearner(all);
  const perLearner = (type: string) => Object.fromEntries(learners.map((l) => [l, counts.get(type)?.get(l) ?? 0]));
  const each = (n: (l: string) => number) => Object.fromEntries(learners.map((l) => [l, n(l)]));

  // Every offer not accepted expired exactly once; the accepted ones never.
  expect(perLearner('OfferExpired')).toEqual(each((l) => (accepting.includes(l) ? 0 : 1)));
  // One reservation per learner, and exactly one offer for it.
  for (const type of ['SeatReserved', 'SeatOffered']) expect(perLearner(type)).toEqual(each(() => 1));

  // Each admission was decided once: seated on arrival or waitlisted, never both, never twice.
  const cohortEvents = all.filter((e) => e.streamId === `cohort-${cohortId}`);
  const admitted = new Map<string, number>();
  for (const event of cohortEvents) {
    const onArrival = event.type === 'SeatReserved' && !(event.data as { promoted: boolean }).promoted;
    if (onArrival || event.type === 'ApplicantWaitlisted')
      admitted.set(learnerOf(event), (admitted.get(learnerOf(event)) ?? 0) + 1);
  }
  expect(Object.fromEntries(learners.map((l) => [l, admitted.get(l) ?? 0]))).toEqual(each(() => 1));

  // Each seat freed by an expiry went, in the same decision, to the next waitlisted learner in the order the cohort took them.
  const waitlist: string[] = [];
  const queue: string[] = [];
  cohortEvents.forEach((event, i) => {
    if (event.type === 'ApplicantWaitlisted') {
      waitlist.push(learnerOf(event));
      queue.push(learnerOf(event));
    }
    if (event.type !== 'SeatReleased') return;
    expect(event.data).toMatchObject({ reason: 'expired' });
    const next = cohortEvents[i + 1];
    const promoted = next?.type === 'SeatReserved' && (next.data as { promoted: boolean }).promoted;
    if (queue.length === 0) return expect(promoted).toBe(false);
    expect({ type: next.type, learner: learnerOf(next), promoted }).toEqual({
      type: 'SeatReserved',
      learner: queue.shift(),
      promoted: true,
    });
  });
  expect(queue).toEqual([]);

  // The ledger never held more than the capacity, and ends with the accepted seats only.
  const taken = await seatsTakenAfterEachEvent(store, cohortId);
  expect(Math.max(...taken)).toBe(capacity);
  expect(taken.at(-1)).toBe(accepting.length);
  return waitlist;
}
