import { randomUUID } from 'node:crypto';
import { ERASED, UpcasterRegistry, type EventToAppend, type RecordedEvent } from '@sooc/event-sourcing';
import { MemoryEventStore } from '@sooc/event-store';
import { MemoryKeyStore } from './memory.key-store';
import { PersonalDataEventStore } from './personal-data.event-store';
import { PersonalDataVault } from './personal-data.vault';
import { looksSealed } from './sealed-text';

const upcasters = new UpcasterRegistry([
  {
    type: 'ApplicationSubmitted',
    fromVersion: 1,
    up: (data) => {
      const v1 = data as { dossier: object };
      return { ...v1, dossier: { name: null, ...v1.dossier } };
    },
  },
]);
const declarations = [
  { type: 'ApplicationSubmitted', subject: 'learnerId', paths: ['dossier.name', 'dossier.motivation'], sealedSince: 2 },
];

const event = (_name: string, data: unknown, schemaVersion = 1): EventToAppend => ({
  id: randomUUID(),
  type: 'ApplicationSubmitted',
  data,
  metadata: {
    occurredAt: '2026-03-03T09:00:00.000Z',
    actor: { id: 'ada', role: 'learner' },
    correlationId: 'c',
    causationId: null,
    schemaVersion,
  },
});

type Dossier = { dossier: { name: string | null; motivation: string } };

describe('PersonalDataEventStore', () => {
  let raw: MemoryEventStore;
  let store: PersonalDataEventStore;
  let vault: PersonalDataVault;
  beforeEach(() => {
    raw = new MemoryEventStore();
    vault = new PersonalDataVault(new MemoryKeyStore(), declarations);
    store = new PersonalDataEventStore(raw, vault, upcasters);
  });

  it('writes the current schema version with the personal fields sealed', async () => {
    await store.append(
      'enrollment-c1-ada',
      [event('e1', { learnerId: 'ada', dossier: { name: 'Ada', motivation: 'Peers' } })],
      {
        expectedRevision: 'no_stream',
      },
    );
    const [stored] = (await raw.readStream('enrollment-c1-ada')) as RecordedEvent<{ type: string; data: Dossier }>[];
    expect(stored.metadata.schemaVersion).toBe(2);
    expect(looksSealed(stored.data.dossier.name as string)).toBe(true);
    expect(looksSealed(stored.data.dossier.motivation)).toBe(true);
    expect(await vault.reveal(stored.data)).toEqual({
      learnerId: 'ada',
      dossier: { name: 'Ada', motivation: 'Peers' },
    });
  });

  it('lifts events of an old version on every read path (a stream, $all, a subscription), sealing what they hold in clear', async () => {
    // Written as a release before version 2 did: straight into the store, in clear, at version 1.
    await raw.append('enrollment-c1-ada', [event('e1', { learnerId: 'ada', dossier: { motivation: 'Peers' } })], {
      expectedRevision: 'no_stream',
    });
    const lifted = { learnerId: 'ada', dossier: { name: null, motivation: 'Peers' } };
    const [fromStream] = await store.readStream('enrollment-c1-ada');
    const [fromAll] = await store.readAll();
    const subscription = store.subscribeAll();
    const first = await subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    for (const e of [fromStream, fromAll, first.value.kind === 'event' ? first.value.event : null]) {
      expect(looksSealed((e?.data as Dossier).dossier.motivation)).toBe(true);
      expect(await vault.reveal(e?.data)).toEqual(lifted);
      expect(e?.metadata.schemaVersion).toBe(2);
    }
  });

  it('shows [erased] for what an old release wrote in clear about a learner erased since, never sealing it anew', async () => {
    await raw.append('enrollment-c1-ada', [event('e1', { learnerId: 'ada', dossier: { motivation: 'Peers' } })], {
      expectedRevision: 'no_stream',
    });
    await store.readAll(); // makes her key, as the projector's first read would
    await vault.keys.erase('ada', new Date());
    const [e] = await store.readStream('enrollment-c1-ada');
    expect(e?.data).toEqual({ learnerId: 'ada', dossier: { name: null, motivation: ERASED } });
    expect(await vault.keys.statusOf('ada')).toBe('erased');
  });

  it('keeps an erased learner’s events, their fields reading [erased]', async () => {
    await store.append(
      'enrollment-c1-ada',
      [event('e1', { learnerId: 'ada', dossier: { name: 'Ada', motivation: 'Peers' } })],
      {
        expectedRevision: 'no_stream',
      },
    );
    await vault.keys.erase('ada', new Date());
    const [e] = await store.readStream('enrollment-c1-ada');
    expect(await vault.reveal(e.data)).toEqual({ learnerId: 'ada', dossier: { name: ERASED, motivation: ERASED } });
  });
});
