import type { RecordedEvent } from '@sooc/event-sourcing';
import { ledgerEntries } from '@sooc/cohorts-domain';
import { eventually } from '@sooc/util/testing';
import { startGateway, type Harness } from './gateway.harness';
import { dashboard, ledgerOf, openFirstComeCohort, settled, SUBMIT, submission } from './admission.support';

const CAPACITY = 100;
const APPLICANTS = 1_000;

const learner = (i: number) => `learner-${String(i).padStart(4, '0')}`;
const ofType = (events: readonly RecordedEvent[], type: string, cohortId: string) =>
  events.filter((e) => e.type === type && (e.data as { cohortId?: string }).cohortId === cohortId);

describe('1,000 people apply to a 100-seat first-come cohort in the same second', () => {
  let h: Harness;
  let cohortId: string;
  let answers: { errors?: unknown; data?: unknown }[];

  beforeAll(async () => {
    h = await startGateway();
    cohortId = await openFirstComeCohort(h, CAPACITY);
    answers = await Promise.all(
      Array.from({ length: APPLICANTS }, (_, i) => h.gql(SUBMIT, submission(cohortId, learner(i)))),
    );
    await eventually(
      () => dashboard(h, cohortId),
      (d) => d.reserved + d.confirmed + d.waitlistLength === APPLICANTS,
      60_000,
    );
    await settled(h);
  }, 120_000);

  afterAll(() => h?.close());

  it('accepts every application', () => {
    expect(answers.filter((a) => a.errors)).toEqual([]);
  });

  it('seats exactly the capacity and waitlists everyone else, with no duplicate', async () => {
    const events = await h.events();
    const reserved = ofType(events, 'SeatReserved', cohortId).map((e) => (e.data as { learnerId: string }).learnerId);
    const waitlisted = ofType(events, 'ApplicantWaitlisted', cohortId).map(
      (e) => (e.data as { learnerId: string }).learnerId,
    );
    expect([reserved.length, new Set(reserved).size]).toEqual([CAPACITY, CAPACITY]);
    expect([waitlisted.length, new Set(waitlisted).size]).toEqual([APPLICANTS - CAPACITY, APPLICANTS - CAPACITY]);
    expect(reserved.filter((l) => waitlisted.includes(l))).toEqual([]);
    expect(ofType(events, 'ApplicationSubmitted', cohortId)).toHaveLength(APPLICANTS);
    expect(await dashboard(h, cohortId)).toMatchObject({
      capacity: CAPACITY,
      reserved: CAPACITY,
      confirmed: 0,
      free: 0,
      waitlistLength: APPLICANTS - CAPACITY,
    });
  });

  it('seats the first 100 to arrive and waitlists the rest in arrival order', async () => {
    const events = await h.events();
    // Arrival = the order the store accepted the submissions in (their global positions).
    const arrival = ofType(events, 'ApplicationSubmitted', cohortId).map(
      (e) => (e.data as { learnerId: string }).learnerId,
    );
    const seated = new Set(
      ofType(events, 'SeatReserved', cohortId).map((e) => (e.data as { learnerId: string }).learnerId),
    );
    expect([...seated].sort()).toEqual(arrival.slice(0, CAPACITY).sort());
    const { waitlist } = await dashboard(h, cohortId);
    expect(waitlist.map((w) => w.learnerId)).toEqual(arrival.slice(CAPACITY));
    expect(waitlist.map((w) => w.position)).toEqual(Array.from({ length: APPLICANTS - CAPACITY }, (_, i) => i + 1));
  });

  it('tells every applicant where they stand on their own enrollment', async () => {
    const events = await h.events();
    expect(ofType(events, 'SeatOffered', cohortId)).toHaveLength(CAPACITY);
    expect(ofType(events, 'ApplicationWaitlisted', cohortId)).toHaveLength(APPLICANTS - CAPACITY);
  });

  it('keeps the read model equal to the seat ledger', async () => {
    const ledger = await ledgerOf(h, cohortId);
    if (ledger.status === 'none') throw new Error('no cohort');
    const held = ledgerEntries(ledger.ledger).filter((e) => e.status === 'reserved' || e.status === 'confirmed');
    expect(held).toHaveLength(CAPACITY);
  });

  it('refuses a second application of the same learner, even sent twice at once', async () => {
    const twice = await Promise.all([
      h.gql(SUBMIT, submission(cohortId, learner(7))),
      h.gql(SUBMIT, submission(cohortId, learner(7))),
    ]);
    for (const answer of twice) expect(answer.errors?.[0]?.extensions?.code).toBe('ENROLLMENT.ALREADY_SUBMITTED');
    const fresh = await Promise.all([
      h.gql(SUBMIT, submission(cohortId, 'late-1')),
      h.gql(SUBMIT, submission(cohortId, 'late-1')),
    ]);
    expect(fresh.map((a) => a.errors?.[0]?.extensions?.code ?? 'ok').sort()).toEqual([
      'ENROLLMENT.ALREADY_SUBMITTED',
      'ok',
    ]);
  });
});
