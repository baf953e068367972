import { ledgerEntries, type CohortState } from '@sooc/cohorts-domain';
import { enrollmentIdOf, type Dossier } from '@sooc/enrollment-domain';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { InMemoryWorld, REACTOR } from '../testing/in-memory.world';
import { reactTo } from './process-managers';

const COHORT = 'c-spring';
const LEARNERS = ['ada', 'bob', 'cyd', 'dan', 'eve'];
const dossier: Dossier = {
  name: null,
  email: null,
  motivation: 'I want to practise with others',
  level: 'beginner',
  companyId: null,
  shareWithCompany: false,
  answers: {},
  prerequisitesMet: [],
};

/** A first-come cohort of capacity 3, open, whose application window holds `world.now`. */
async function openFirstComeCohort(world: InMemoryWorld): Promise<void> {
  const course = await world.course({
    type: 'DraftCourse',
    data: {
      courseId: 'course-ddd',
      title: 'DDD in practice',
      summary: '',
      topics: ['ddd'],
      language: 'en',
      prerequisites: [],
      selectionPolicy: 'first-come',
      defaultCapacity: 20,
    },
  });
  await world.cohort({
    type: 'PlanCohort',
    data: {
      cohortId: COHORT,
      courseId: 'course-ddd',
      title: 'Spring',
      capacity: 3,
      applicationWindow: { opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-03-20T00:00:00.000Z' },
      startsOn: '2026-04-01',
      endsOn: '2026-05-31',
      course: course.state,
    },
  });
  await world.cohort({ type: 'OpenApplications', data: { cohortId: COHORT } });
}

async function submit(world: InMemoryWorld, learnerId: string, cohort: CohortState): Promise<void> {
  if (cohort.status === 'none') throw new Error('the cohort is not planned');
  await world.enrollment(
    {
      type: 'SubmitApplication',
      data: {
        enrollmentId: enrollmentIdOf(COHORT, learnerId),
        cohortId: COHORT,
        learnerId,
        dossier,
        cohort: {
          status: cohort.status,
          selectionPolicy: cohort.selectionPolicy,
          prerequisites: [],
          sessions: cohort.settings.sessions,
          applicationWindow: cohort.applicationWindow,
        },
      },
    },
    { id: learnerId, role: 'learner' },
  );
}

const ref = (learnerId: string) => ({ enrollmentId: enrollmentIdOf(COHORT, learnerId), cohortId: COHORT, learnerId });
const statuses = async (world: InMemoryWorld) =>
  Object.fromEntries(await Promise.all(LEARNERS.map(async (l) => [l, await world.learnerStatus(COHORT, l)])));

describe('the process managers, run end to end over the real deciders', () => {
  it('fill a first-come cohort in arrival order, offer freed seats to the waitlist, and change nothing when replayed', async () => {
    const world = new InMemoryWorld();
    await openFirstComeCohort(world);
    const cohort = await world.cohortState(COHORT);
    for (const learner of LEARNERS) await submit(world, learner, cohort);
    await world.settle();

    // Capacity 3, five eligible applicants: the first three hold offers, the other two wait in arrival order.
    expect(await statuses(world)).toEqual({
      ada: 'offered',
      bob: 'offered',
      cyd: 'offered',
      dan: 'waitlisted',
      eve: 'waitlisted',
    });
    expect(await world.learnersOf('ApplicantWaitlisted', COHORT)).toEqual(['dan', 'eve']);
    expect(world.refusals).toEqual([]);

    // An hour later bob withdraws: his seat goes to dan, the first in line.
    world.advance(1);
    await world.enrollment(
      { type: 'WithdrawApplication', data: { ...ref('bob'), reason: 'new job' } },
      { id: 'bob', role: 'learner' },
    );
    await world.settle();
    expect(await statuses(world)).toEqual({
      ada: 'offered',
      bob: 'withdrawn',
      cyd: 'offered',
      dan: 'offered',
      eve: 'waitlisted',
    });
    const [promotion] = (await world.store.readAll({ filter: { eventTypes: ['SeatOffered'] } })).filter(
      (e) => (e.data as { learnerId: string }).learnerId === 'dan',
    );
    expect(promotion.data).toMatchObject({ promotedFromWaitlist: true });

    // ada accepts; cyd lets her offer lapse (72 h by default): her seat goes on to eve. dan's
    // offer, an hour younger, is not due yet.
    await world.enrollment({ type: 'AcceptOffer', data: ref('ada') }, { id: 'ada', role: 'learner' });
    world.advance(71.5);
    expect(await world.expireDueOffers()).toBe(1);
    await world.settle();
    expect(await statuses(world)).toEqual({
      ada: 'enrolled',
      bob: 'withdrawn',
      cyd: 'expired',
      dan: 'offered',
      eve: 'offered',
    });
    expect(await world.learnersOf('SeatReleased', COHORT)).toEqual(['bob', 'cyd']);
    const ledger = await world.cohortState(COHORT);
    if (ledger.status === 'none') throw new Error('no cohort');
    expect(
      ledgerEntries(ledger.ledger)
        .filter((e) => e.status === 'reserved' || e.status === 'confirmed')
        .map((e) => `${e.learnerId}:${e.status}`)
        .sort(),
    ).toEqual(['ada:confirmed', 'dan:reserved', 'eve:reserved']);

    // Every command the reactor wrote names the event that caused it and carries its correlation.
    const all = await world.store.readAll();
    const byId = new Map(all.map((e) => [e.id, e]));
    const written = all.filter((e) => e.metadata.actor.id === REACTOR.id);
    expect(written.length).toBeGreaterThan(20);
    for (const event of written) {
      if (event.type === 'OfferExpired') {
        expect(event.metadata.causationId).toBeNull();
        continue;
      }
      const cause = byId.get(event.metadata.causationId as string) as RecordedEvent;
      expect(cause).toBeDefined();
      expect(cause.position).toBeLessThan(event.position);
      expect(event.metadata.correlationId).toBe(cause.metadata.correlationId);
      expect(reactTo(cause).map((r) => r.streamId)).toContain(event.streamId);
    }
    // A withdrawal's whole chain shares the learner's correlation: release, promotion, offer.
    const withdrawal = all.find((e) => e.type === 'ApplicationWithdrawn') as RecordedEvent;
    expect(
      all.filter((e) => e.metadata.correlationId === withdrawal.metadata.correlationId).map((e) => e.type),
    ).toEqual(['ApplicationWithdrawn', 'SeatReleased', 'SeatReserved', 'SeatOffered']);

    // A reactor that crashed and re-handles everything: every reaction sent again writes nothing.
    const head = await world.store.headPosition();
    let rewritten = 0;
    for (const event of all) for (const reaction of reactTo(event)) rewritten += await world.send(reaction, event);
    expect(await world.expireDueOffers()).toBe(0);
    expect(rewritten).toBe(0);
    expect(await world.store.headPosition()).toBe(head);
  });

  // Issue 10 #4: the waitlisted used to stay WAITLISTED for ever, and open offers could be accepted in a running cohort.
  it('starting the cohort ends the waitlist and the open offers as not admitted, except an offer accepted first', async () => {
    const world = new InMemoryWorld();
    await openFirstComeCohort(world);
    const cohort = await world.cohortState(COHORT);
    for (const learner of LEARNERS) await submit(world, learner, cohort);
    await world.settle();
    await world.enrollment({ type: 'AcceptOffer', data: ref('ada') }, { id: 'ada', role: 'learner' });
    await world.settle();
    await world.cohort({ type: 'CloseApplications', data: { cohortId: COHORT } });
    await world.cohort({ type: 'StartCohort', data: { cohortId: COHORT } });
    // bob accepts between the start and the reactor's turn: the enrollment stream orders the two.
    await world.enrollment({ type: 'AcceptOffer', data: ref('bob') }, { id: 'bob', role: 'learner' });
    await world.settle();

    expect(await statuses(world)).toEqual({
      ada: 'enrolled',
      bob: 'enrolled',
      cyd: 'not-admitted',
      dan: 'not-admitted',
      eve: 'not-admitted',
    });
    await expect(
      world.enrollment({ type: 'AcceptOffer', data: ref('cyd') }, { id: 'cyd', role: 'learner' }),
    ).rejects.toMatchObject({ code: 'ENROLLMENT.NO_OPEN_OFFER' });
    const ledger = await world.cohortState(COHORT);
    if (ledger.status === 'none') throw new Error('no cohort');
    // cyd's seat is released and nobody is promoted into a running cohort; the waitlist is empty.
    expect(
      ledgerEntries(ledger.ledger)
        .map((e) => `${e.learnerId}:${e.status}`)
        .sort(),
    ).toEqual(['ada:confirmed', 'bob:confirmed', 'cyd:released', 'dan:left', 'eve:left']);
    expect(world.refusals).toEqual([]);

    // Replayed from the start, the reactor writes nothing more.
    const head = await world.store.headPosition();
    for (const event of await world.store.readAll()) for (const r of reactTo(event)) await world.send(r, event);
    expect(await world.store.headPosition()).toBe(head);
  });
});
