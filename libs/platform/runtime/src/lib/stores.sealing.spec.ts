import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sooc/event-store';
import { ERASED, type RecordedEvent } from '@sooc/event-sourcing';
import { looksSealed } from '@sooc/personal-data';
import { filesHolding, PRE_SEALING_MOTIVATIONS, preSealingDataDir } from '../testing';
import { createProjectionRunner, openStores, type Stores } from './stores.open';
import { UPCASTERS } from './event-schemas.registry';

interface Submitted {
  readonly learnerId: string;
  readonly dossier: { name: unknown; email: unknown; motivation: string; answers: Record<string, string> };
}

const MOTIVATIONS = Object.values(PRE_SEALING_MOTIVATIONS);

/** Opens the stores of a data directory as `npm start` does. */
const open = (dir: string) =>
  openStores({
    eventStoreUrl: `sqlite:${join(dir, 'events.sqlite')}`,
    readDbUrl: `sqlite:${join(dir, 'read.sqlite')}`,
  });

async function submissions(
  stores: Stores,
): Promise<RecordedEvent<{ type: 'ApplicationSubmitted'; data: Submitted }>[]> {
  const all = await stores.eventStore.readAll({ filter: { eventTypes: ['ApplicationSubmitted'] } });
  return all as RecordedEvent<{ type: 'ApplicationSubmitted'; data: Submitted }>[];
}

async function project(stores: Stores): Promise<void> {
  const runner = createProjectionRunner(stores);
  await runner.start();
  await runner.waitForPosition((await stores.eventStore.headPosition()) ?? 0n);
  await runner.stop();
}

describe('a data directory written before personal data was sealed', () => {
  let dir: string;
  beforeEach(() => (dir = preSealingDataDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the motivations in clear (the fixture is what it claims)', () => {
    expect(filesHolding(dir, MOTIVATIONS).length).toBeGreaterThanOrEqual(MOTIVATIONS.length * 2);
  });

  it('is sealed in place on first start: events lifted to their current version and sealed, read models projected again, no byte of a motivation left in any file', async () => {
    const stores = await open(dir);
    try {
      const events = await submissions(stores);
      expect(events.map((e) => e.data.learnerId)).toEqual(Object.keys(PRE_SEALING_MOTIVATIONS));
      for (const e of events) {
        expect(e.metadata.schemaVersion).toBe(UPCASTERS.currentVersion('ApplicationSubmitted'));
        expect(e.data.dossier.name).toBeNull();
        expect(looksSealed(e.data.dossier.motivation)).toBe(true);
        expect(await stores.personalData.reveal(e.data.dossier.motivation)).toBe(
          PRE_SEALING_MOTIVATIONS[e.data.learnerId],
        );
      }
      // The read models were emptied by their migration and are projected again from the sealed events.
      await project(stores);
      const rows = await stores.readDatabase.db
        .selectFrom('applications' as never)
        .select(['learner_id', 'motivation', 'status'] as never[])
        .execute();
      const revealed = await stores.personalData.reveal(rows);
      expect(revealed).toEqual([
        { learner_id: 'ada', motivation: PRE_SEALING_MOTIVATIONS['ada'], status: 'enrolled' },
        { learner_id: 'grace', motivation: PRE_SEALING_MOTIVATIONS['grace'], status: 'offered' },
        { learner_id: 'linus', motivation: PRE_SEALING_MOTIVATIONS['linus'], status: 'waitlisted' },
      ]);
    } finally {
      await stores.close();
    }
    expect(filesHolding(dir, MOTIVATIONS)).toEqual([]);
  });

  it('is sealed once: a second start rewrites nothing, and an erased learner reads [erased] while the others still open', async () => {
    const first = await open(dir);
    const sealed = (await submissions(first)).map((e) => e.data.dossier.motivation);
    const adaKey = (await first.personalData.keys.keyFor('ada')).key;
    await first.close();

    const second = await open(dir);
    try {
      expect((await submissions(second)).map((e) => e.data.dossier.motivation)).toEqual(sealed);
      expect(await second.personalData.keys.erase('ada', new Date())).toEqual({ keysDeleted: 1, status: 'erased' });
      expect(await second.personalData.reveal(sealed)).toEqual([
        ERASED,
        PRE_SEALING_MOTIVATIONS['grace'],
        PRE_SEALING_MOTIVATIONS['linus'],
      ]);
    } finally {
      await second.close();
    }
    // secure_delete and the TRUNCATE checkpoint: the deleted key's bytes are nowhere on disk.
    expect(filesHolding(dir, [adaKey])).toEqual([]);
  });
});

describe('a data directory whose webhook secrets were written in clear (partner events v1)', () => {
  const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sooc-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('seals them on first start, under a key no learner shares, and they still open to sign', async () => {
    // Written as the release before sealing did: the raw adapter, schema version 1, the secret in clear.
    const raw = SqliteEventStore.open(join(dir, 'events.sqlite'));
    await raw.append(
      'partner-acme',
      [
        {
          id: randomUUID(),
          type: 'WebhookEndpointAdded',
          data: {
            partnerId: 'acme',
            endpointId: 'hooks',
            url: 'https://hr.acme.example/hooks',
            eventTypes: [],
            description: '',
            secret: SECRET,
          },
          metadata: {
            occurredAt: new Date().toISOString(),
            actor: { id: 'a', role: 'admin' },
            correlationId: 'c',
            causationId: null,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await raw.close();
    expect(filesHolding(dir, [SECRET])).not.toEqual([]);

    const stores = await open(dir);
    try {
      const [added] = await stores.eventStore.readAll({ filter: { eventTypes: ['WebhookEndpointAdded'] } });
      const { secret } = added.data as { secret: string };
      expect(added.metadata.schemaVersion).toBe(2);
      expect(looksSealed(secret)).toBe(true);
      expect(await stores.personalData.reveal(secret)).toBe(SECRET);
      // A learner named like the partner is erased: the endpoint's key is not hers.
      expect(await stores.personalData.keys.statusOf('webhook-secret:acme/hooks')).toBe('active');
      await stores.personalData.keys.erase('acme', new Date());
      expect(await stores.personalData.reveal(secret)).toBe(SECRET);
    } finally {
      await stores.close();
    }
    expect(filesHolding(dir, [SECRET])).toEqual([]);
  });
});
