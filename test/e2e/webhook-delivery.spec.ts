import { randomBytes, randomUUID } from 'node:crypto';
import { handleCommand } from '@sooc/event-sourcing';
import { partnerDecider, type PartnerCommand } from '@sooc/partners-domain';
import { partnerStream } from '@sooc/partners-domain/published';
import { openCohort, submit } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';
import { WebhookReceiver } from '@sooc/partners-feed/testing';
import { until } from '@sooc/util/testing';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

/** A partner command through the partners' decider, as the API's resolvers send it. */
async function partnerCommand(h: Harness, partnerId: string, command: Omit<PartnerCommand, 'metadata'>) {
  await handleCommand(h.gateway.infrastructure.eventStore, partnerDecider, partnerStream(partnerId), command, {
    actor: { id: 'admin-1', role: 'admin' },
    correlationId: randomUUID(),
    now: () => new Date(),
  });
}

describe('webhook delivery through a receiver that goes down, errs, stalls and comes back', () => {
  let h: Harness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start(() => [SECRET]);
    h = await startGateway({
      SOOC_WEBHOOK_ALLOW_PRIVATE: 'true',
      SOOC_WEBHOOK_TICK_MS: '20',
      SOOC_WEBHOOK_TIMEOUT_MS: '300',
      // The published schedule, ten thousand times faster: 5 s → 0.5 ms … 24 h → 8.6 s.
      SOOC_WEBHOOK_RETRY_SCALE: '0.0001',
    });
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.down();
  });

  it('delivers every event of the company, in order per cohort, none lost, retries with the same webhook-id', async () => {
    await partnerCommand(h, 'acme', {
      type: 'RegisterPartner',
      data: { partnerId: 'acme', companyId: 'acme', name: 'Acme', contact: 'hr@acme.example' },
    });
    await partnerCommand(h, 'acme', {
      type: 'AddWebhookEndpoint',
      data: {
        partnerId: 'acme',
        endpointId: 'ep-1',
        url: receiver.url,
        eventTypes: 'all',
        description: 'HR system',
        secret: SECRET,
      },
    });
    // The receiver is down: connections refused.
    await receiver.down();
    const cohorts = [
      await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 3 }),
      await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 3 }),
    ];
    for (const [c, cohortId] of cohorts.entries())
      for (let i = 0; i < 5; i++) {
        const answer = await submit(h, cohortId, `l${c}-${i}`, {
          companyId: i === 4 ? 'globex' : 'acme',
          shareWithCompany: i % 2 === 0,
        });
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      }
    await new Promise((resolve) => setTimeout(resolve, 400));
    await receiver.up();
    receiver.behaviour = { kind: 'status', status: 503 };
    await until('503s', () => receiver.received.length >= 2, 60_000);
    receiver.behaviour = { kind: 'slow', ms: 600 };
    await until('timeouts', () => receiver.received.filter((r) => r.answered === 'gave-up').length >= 2, 60_000);
    receiver.behaviour = { kind: 'ok' };

    // What acme's feed holds: 2 cohorts × 4 acme learners × (submitted, seat offered or waitlisted).
    const feed = await h.gateway.infrastructure.readDatabase.db
      .selectFrom('partner_feed as f')
      .innerJoin('partner_enrollments as e', 'e.enrollment_id', 'f.enrollment_id')
      .select(['f.event_id', 'f.cohort_id', 'f.position'])
      .where('e.company_id', '=', 'acme')
      .orderBy('f.position')
      .execute();
    expect(feed.length).toBeGreaterThanOrEqual(16);
    await until(
      'every event delivered',
      () => feed.every((row) => receiver.acknowledged().includes(row.event_id)),
      60_000,
    );

    // Every request was signed as the specification says.
    expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
    // Nothing of globex's people.
    expect(receiver.received.filter((r) => r.body.includes('globex') || /l\d-4/.test(r.body))).toEqual([]);
    // In order per cohort: the acknowledgements of each cohort follow the feed's order.
    for (const cohortId of cohorts) {
      const expected = feed.filter((r) => r.cohort_id === cohortId).map((r) => r.event_id);
      const acked = [
        ...new Set(
          receiver.received.filter((r) => r.answered === 200 && r.subject === `cohort/${cohortId}`).map((r) => r.id),
        ),
      ];
      expect(acked).toEqual(expected);
    }
    // Redeliveries kept their id: some ids were tried more than once, and no id is unknown.
    const ids = receiver.received.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(new Set(ids).size);
    expect(ids.filter((id) => !feed.some((row) => row.event_id === id))).toEqual([]);
    // The delivery log agrees: every message delivered, its failed attempts recorded. (The
    // receiver answers before the worker records the answer: the log may trail it a moment.)
    const log = () =>
      h.gateway.infrastructure.readDatabase.db
        .selectFrom('webhook_messages')
        .select(['event_id', 'status', 'attempts'])
        .execute();
    await until(
      'the log to record every answer',
      async () => (await log()).every((m) => m.status === 'delivered'),
      60_000,
    );
    const messages = await log();
    expect(messages.map((m) => m.status)).toEqual(messages.map(() => 'delivered'));
    expect(messages.map((m) => m.event_id).sort()).toEqual(feed.map((r) => r.event_id).sort());
    const attempts = await h.gateway.infrastructure.readDatabase.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .execute();
    expect(attempts.length).toBe(
      receiver.received.length +
        attempts.filter((a) => a.status_code === null && /ECONNREFUSED/.test(a.error ?? '')).length,
    );
  }, 120_000);
});
