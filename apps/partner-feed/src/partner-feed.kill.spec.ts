import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand, type EventToAppend } from '@sooc/event-sourcing';
import { partnerDecider } from '@sooc/partners-domain';
import { partnerStream } from '@sooc/partners-domain/published';
import { WebhookReceiver } from '@sooc/partners-feed/testing';
import { openStores, type Stores } from '@sooc/runtime';
import { killStartedEntryPoints, startEntryPoint, type EntryPointProcess } from '@sooc/runtime/testing';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const ADMIN = { id: 'admin-1', role: 'admin' as const };
const COHORTS = ['c1', 'c2', 'c3', 'c4'];
const LEARNERS_PER_COHORT = 30;

let dir: string;
let stores: Stores;
let receiver: WebhookReceiver;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sooc-partner-feed-kill-'));
  stores = await openStores({
    eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`,
    readDbUrl: `sqlite:${join(dir, 'read.sqlite')}`,
  });
  receiver = await WebhookReceiver.start(() => [SECRET]);
});
afterAll(async () => {
  killStartedEntryPoints();
  await receiver?.down();
  await stores?.close();
  rmSync(dir, { recursive: true, force: true });
});

const context = () => ({ actor: ADMIN, correlationId: randomUUID(), now: () => new Date() });

/** What the command path would append for an application: the partner feed only reads the facts. */
function submitted(cohortId: string, learnerId: string): EventToAppend {
  return {
    id: randomUUID(),
    type: 'ApplicationSubmitted',
    data: {
      enrollmentId: `${cohortId}-${learnerId}`,
      cohortId,
      learnerId,
      dossier: {
        name: null,
        email: null,
        motivation: 'Peers',
        level: 'beginner',
        companyId: 'acme',
        shareWithCompany: true,
        answers: {},
        prerequisitesMet: [],
      },
      selectionPolicy: 'review',
      eligible: true,
      unmetPrerequisites: [],
    },
    metadata: {
      occurredAt: new Date().toISOString(),
      actor: ADMIN,
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 3,
    },
  };
}

async function delivered(): Promise<Set<string>> {
  const rows = await stores.readDatabase.db
    .selectFrom('webhook_messages')
    .select('event_id')
    .where('status', '=', 'delivered')
    .execute();
  return new Set(rows.map((r: { event_id: string }) => r.event_id));
}

describe('the partner-feed process', () => {
  it('SIGKILLed ten times while delivering loses nothing, and its delivery log agrees with the receiver', async () => {
    await handleCommand(
      stores.eventStore,
      partnerDecider,
      partnerStream('acme'),
      {
        type: 'RegisterPartner',
        data: { partnerId: 'acme', companyId: 'acme', name: 'Acme', contact: 'hr@acme.example' },
      },
      context(),
    );
    await handleCommand(
      stores.eventStore,
      partnerDecider,
      partnerStream('acme'),
      {
        type: 'AddWebhookEndpoint',
        data: {
          partnerId: 'acme',
          endpointId: 'ep-1',
          url: receiver.url,
          eventTypes: 'all',
          description: 'HR',
          secret: SECRET,
        },
      },
      context(),
    );
    const ids: string[] = [];
    for (const cohortId of COHORTS)
      for (let i = 0; i < LEARNERS_PER_COHORT; i++) {
        const event = submitted(cohortId, `l${i}`);
        ids.push(event.id);
        await stores.eventStore.append(`enrollment-${cohortId}-l${i}`, [event], { expectedRevision: 'no_stream' });
      }
    // Each answer takes a few milliseconds: kills land while requests are in flight.
    receiver.behaviour = { kind: 'slow', ms: 5 };
    const env = {
      SOOC_DATA_DIR: dir,
      SOOC_LEASE_TTL_MS: '1000',
      SOOC_WEBHOOK_ALLOW_PRIVATE: 'true',
      SOOC_WEBHOOK_TICK_MS: '20',
      SOOC_WEBHOOK_TIMEOUT_MS: '2000',
      SOOC_WEBHOOK_RETRY_SCALE: '0.0001',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    const projector = startEntryPoint('projector', { ...env, SOOC_INSTANCE_ID: 'projector-1' });
    await projector.baseUrl();

    let kills = 0;
    let feed: EntryPointProcess | null = null;
    while (kills < 10) {
      feed = startEntryPoint('partner-feed', { ...env, SOOC_INSTANCE_ID: `feed-${kills}` }, `partner-feed #${kills}`);
      await feed.baseUrl();
      // Until it has delivered something more (it waits out the dead one's lease first), then a little longer.
      const before = receiver.received.length;
      const deadline = Date.now() + 20_000;
      while (receiver.received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      feed.child.kill('SIGKILL');
      await feed.exited;
      kills++;
    }
    feed = startEntryPoint('partner-feed', { ...env, SOOC_INSTANCE_ID: 'feed-last' }, 'partner-feed (last)');
    const deadline = Date.now() + 60_000;
    while ((await delivered()).size < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await feed.stop();
    await projector.stop();

    expect(kills).toBe(10);
    const acknowledged = new Set(receiver.acknowledged());
    // Nothing lost: every event reached the receiver, every signature verified.
    expect(ids.filter((id) => !acknowledged.has(id))).toEqual([]);
    expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
    // The log says delivered exactly what the receiver acknowledged; repeats (a kill between the
    // answer and its record) carry the same webhook-id.
    expect([...(await delivered())].sort()).toEqual([...acknowledged].sort());
    expect(receiver.received.length).toBeGreaterThanOrEqual(ids.length);
    // In order per cohort: each cohort's first acknowledgements follow the order of the events.
    for (const cohortId of COHORTS) {
      const order = [
        ...new Set(
          receiver.received.filter((r) => r.answered !== 503 && r.subject === `cohort/${cohortId}`).map((r) => r.id),
        ),
      ];
      expect(order).toEqual(ids.filter((_, i) => COHORTS[Math.floor(i / LEARNERS_PER_COHORT)] === cohortId));
    }
  });
});
