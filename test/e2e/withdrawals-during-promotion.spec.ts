import type { RecordedEvent } from '@sooc/event-sourcing';
import { ledgerEntries, waitlistOrder } from '@sooc/cohorts-domain';
import { eventually } from '@sooc/util/testing';
import { startGateway, type Harness } from './gateway.harness';
import { dashboard, ledgerOf, openFirstComeCohort, settled, SUBMIT, submission, WITHDRAW } from './admission.support';

const CAPACITY = 30;
const APPLICANTS = 100;
const learner = (i: number) => `learner-${String(i).padStart(3, '0')}`;
const learnerOf = (e: RecordedEvent) => (e.data as { learnerId: string }).learnerId;

const OFFERED = `query Offered($cohortId: ID!) {
  applications(cohortId: $cohortId, status: OFFERED, first: 100) { totalCount edges { node { learnerId } } }
}`;

describe('50 learners withdraw at once while freed seats are being offered on', () => {
  let h: Harness;
  let cohortId: string;
  let seatedBefore: string[];
  let waitingBefore: string[];
  let withdrawn: string[];

  beforeAll(async () => {
    h = await startGateway();
    cohortId = await openFirstComeCohort(h, CAPACITY);
    for (let i = 0; i < APPLICANTS; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => h.gql(SUBMIT, submission(cohortId, learner(i + j)))));
    }
    const before = await eventually(
      () => dashboard(h, cohortId),
      (d) => d.reserved === CAPACITY && d.waitlistLength === APPLICANTS - CAPACITY,
    );
    await settled(h);
    waitingBefore = before.waitlist.map((w) => w.learnerId);
    const events = await h.events();
    seatedBefore = events.filter((e) => e.type === 'SeatReserved').map(learnerOf);
    // 20 seated learners free their seats while 30 waiting ones leave — among them the head of
    // the queue, who are exactly the ones the freed seats are being offered to.
    withdrawn = [
      ...seatedBefore.slice(0, 20),
      ...waitingBefore.slice(0, 10),
      ...waitingBefore
        .slice(10)
        .filter((_, i) => i % 2 === 0)
        .slice(0, 20),
    ];
    expect(new Set(withdrawn).size).toBe(50);
    const answers = await Promise.all(withdrawn.map((learnerId) => h.gql(WITHDRAW, { cohortId, learnerId })));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    await eventually(
      () => dashboard(h, cohortId),
      (d) => d.reserved === CAPACITY,
    );
    await settled(h);
  }, 120_000);

  afterAll(() => h?.close());

  it('fills every freed seat from the waitlist and never holds more than the capacity', async () => {
    const ledger = await ledgerOf(h, cohortId);
    if (ledger.status === 'none') throw new Error('no cohort');
    const entries = ledgerEntries(ledger.ledger);
    const held = entries.filter((e) => e.status === 'reserved' || e.status === 'confirmed');
    const stillWaiting = APPLICANTS - CAPACITY - withdrawn.filter((l) => waitingBefore.includes(l)).length;
    expect(held).toHaveLength(CAPACITY);
    expect(entries.filter((e) => e.status === 'waitlisted')).toHaveLength(stillWaiting - 20);
    expect(held.filter((e) => withdrawn.includes(e.learnerId))).toEqual([]);
  });

  it('shows in the read model exactly what the seat ledger holds', async () => {
    const ledger = await ledgerOf(h, cohortId);
    if (ledger.status === 'none') throw new Error('no cohort');
    const entries = ledgerEntries(ledger.ledger);
    const view = await dashboard(h, cohortId);
    expect({
      reserved: view.reserved,
      confirmed: view.confirmed,
      waitlist: view.waitlist.map((w) => w.learnerId),
    }).toEqual({
      reserved: entries.filter((e) => e.status === 'reserved').length,
      confirmed: entries.filter((e) => e.status === 'confirmed').length,
      waitlist: waitlistOrder(ledger).map((e) => e.learnerId),
    });
    const offered = await h.gql<{ applications: { totalCount: number; edges: { node: { learnerId: string } }[] } }>(
      OFFERED,
      { cohortId },
    );
    const heldLearners = entries.filter((e) => e.status === 'reserved').map((e) => e.learnerId);
    expect(offered.data?.applications.edges.map((e) => e.node.learnerId).sort()).toEqual(heldLearners.sort());
  });

  it('gives every promoted learner exactly one offer, in waitlist order', async () => {
    const events = (await h.events()).filter((e) => (e.data as { cohortId?: string }).cohortId === cohortId);
    const promoted = events
      .filter((e) => e.type === 'SeatReserved' && (e.data as { promoted: boolean }).promoted)
      .map(learnerOf);
    expect(new Set(promoted).size).toBe(promoted.length);
    const offers = events.filter((e) => e.type === 'SeatOffered').map(learnerOf);
    // A learner whose withdrawal was still on its way when the seat came up is offered nothing:
    // their enrollment had already ended, and the seat moves on once the withdrawal reaches the cohort.
    const stayed = promoted.filter((l) => !withdrawn.includes(l));
    expect(stayed.map((l) => offers.filter((o) => o === l).length)).toEqual(stayed.map(() => 1));
    expect(offers.length).toBe(new Set(offers).size);
    // Promotions went down the queue: nobody promoted while someone still waiting was ahead of them.
    const queue = waitingBefore.filter((l) => !withdrawn.includes(l) || promoted.includes(l));
    expect(promoted).toEqual(queue.slice(0, promoted.length));
  });
});
