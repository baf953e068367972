import type { EventMetadata, RecordedEvent } from '@sooc/event-sourcing';
import { META, event, events, streamOf, type CurrentStore } from './contract.fixture';

const revisions = (list: RecordedEvent[]) => list.map((e) => e.revision);
const ns = (list: RecordedEvent[]) => list.map((e) => (e.data as { n: number }).n);

export function readContract(store: CurrentStore): void {
  describe('readStream', () => {
    it('reads forwards, from a revision (inclusive), with max', async () => {
      const s = streamOf();
      await store().append(s, events(5), { expectedRevision: 'no_stream' });
      expect(revisions(await store().readStream(s))).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(ns(await store().readStream(s))).toEqual([0, 1, 2, 3, 4]);
      expect(revisions(await store().readStream(s, { from: 2n }))).toEqual([2n, 3n, 4n]);
      expect(revisions(await store().readStream(s, { from: 1n, max: 2 }))).toEqual([1n, 2n]);
      expect(await store().readStream(s, { from: 9n })).toEqual([]);
    });

    it('reads backwards, from the end or a revision, with max', async () => {
      const s = streamOf();
      await store().append(s, events(5), { expectedRevision: 'no_stream' });
      expect(revisions(await store().readStream(s, { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(revisions(await store().readStream(s, { direction: 'backwards', max: 1 }))).toEqual([4n]);
      expect(revisions(await store().readStream(s, { direction: 'backwards', from: 2n }))).toEqual([2n, 1n, 0n]);
    });

    it('reads a missing stream as []', async () => {
      expect(await store().readStream(streamOf())).toEqual([]);
      expect(await store().readStream(streamOf(), { direction: 'backwards' })).toEqual([]);
    });

    it('keeps streams apart', async () => {
      const [a, b] = [streamOf(), streamOf()];
      await store().append(a, events(2), { expectedRevision: 'no_stream' });
      await store().append(b, events(3), { expectedRevision: 'no_stream' });
      expect((await store().readStream(a)).map((e) => e.streamId)).toEqual([a, a]);
      expect(await store().readStream(b)).toHaveLength(3);
    });
  });

  describe('readAll', () => {
    async function seed() {
      const [x, y, z] = [streamOf('alpha'), streamOf('beta'), streamOf('alpha')];
      const start: bigint | 'start' = (await store().headPosition()) ?? 'start';
      await store().append(x, [event('Opened', { n: 0 })], { expectedRevision: 'no_stream' });
      await store().append(y, [event('Opened', { n: 1 }), event('Closed', { n: 2 })], {
        expectedRevision: 'no_stream',
      });
      await store().append(z, [event('Closed', { n: 3 })], { expectedRevision: 'no_stream' });
      await store().append(x, [event('Closed', { n: 4 })], { expectedRevision: 0n });
      return { start, streams: [x, y, z] };
    }

    it('returns every event in one global order, positions strictly increasing', async () => {
      const { start } = await seed();
      const all = await store().readAll({ from: start });
      expect(ns(all)).toEqual([0, 1, 2, 3, 4]);
      for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
    });

    it('starts after `from` (exclusive) and stops at max, in both directions', async () => {
      const { start } = await seed();
      const all = await store().readAll({ from: start });
      expect(ns(await store().readAll({ from: all[1].position, max: 2 }))).toEqual([2, 3]);
      expect(ns(await store().readAll({ direction: 'backwards', max: 2 }))).toEqual([4, 3]);
      expect(ns(await store().readAll({ direction: 'backwards', from: all[3].position, max: 2 }))).toEqual([2, 1]);
      expect(await store().readAll({ from: all[4].position })).toEqual([]);
      expect(await store().readAll({ from: 'end' })).toEqual([]);
    });

    it('filters by category and by event type (each list is "any of")', async () => {
      const { start } = await seed();
      expect(ns(await store().readAll({ from: start, filter: { categories: ['alpha'] } }))).toEqual([0, 3, 4]);
      expect(ns(await store().readAll({ from: start, filter: { eventTypes: ['Closed'] } }))).toEqual([2, 3, 4]);
      expect(
        ns(await store().readAll({ from: start, filter: { categories: ['alpha'], eventTypes: ['Opened'] } })),
      ).toEqual([0]);
      expect(
        ns(await store().readAll({ from: start, filter: { categories: ['alpha', 'beta'], eventTypes: [] } })),
      ).toEqual([0, 1, 2, 3, 4]);
      expect(ns(await store().readAll({ direction: 'backwards', max: 1, filter: { categories: ['beta'] } }))).toEqual([
        2,
      ]);
      expect(ns(await store().readAll({ from: start, filter: { eventTypes: ['Closed', 'Opened'] } }))).toEqual([
        0, 1, 2, 3, 4,
      ]);
      const both = { categories: ['beta', 'alpha'], eventTypes: ['Opened', 'Closed'] };
      expect(ns(await store().readAll({ direction: 'backwards', max: 3, filter: both }))).toEqual([4, 3, 2]);
      const all = await store().readAll({ from: start });
      expect(
        ns(await store().readAll({ from: all[0].position, max: 2, filter: { eventTypes: ['Closed', 'Opened'] } })),
      ).toEqual([1, 2]);
    });
  });

  describe('envelope', () => {
    it('round-trips id, type, data, metadata, stream, revision, position and recordedAt', async () => {
      const s = streamOf('cohort');
      const metadata: EventMetadata = {
        ...META,
        actor: { id: 'learner-7', role: 'learner' },
        causationId: null,
        schemaVersion: 2,
      };
      const data = { title: 'Ünïcode ✓', seats: 12, ratio: 0.5, tags: ['a', 'b'], nested: { ok: true, none: null } };
      const sent = event('SeatReserved', data, metadata);
      const before = Date.now();
      const result = await store().append(s, [sent], { expectedRevision: 'no_stream' });
      const [stored] = await store().readStream(s);
      expect(stored).toEqual({
        id: sent.id,
        type: 'SeatReserved',
        data,
        metadata,
        streamId: s,
        revision: 0n,
        position: result.position,
        recordedAt: stored.recordedAt,
      });
      expect(typeof stored.revision).toBe('bigint');
      expect(typeof stored.position).toBe('bigint');
      expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
      expect(Date.parse(stored.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect((await store().readAll({ direction: 'backwards', max: 1 }))[0]).toEqual(stored);
    });

    it('keeps a causation id and hands back fresh objects (mutating a read changes nothing stored)', async () => {
      const s = streamOf();
      await store().append(s, [event('ThingHappened', { list: [1] }, { ...META, causationId: 'cause-1' })], {
        expectedRevision: 'no_stream',
      });
      const [first] = await store().readStream(s);
      expect(first.metadata.causationId).toBe('cause-1');
      (first.data as { list: number[] }).list.push(2);
      expect((await store().readStream(s))[0].data).toEqual({ list: [1] });
    });
  });

  describe('headPosition', () => {
    it('is the position of the newest event', async () => {
      const result = await store().append(streamOf(), events(2), { expectedRevision: 'any' });
      expect(await store().headPosition()).toBe(result.position);
      const [newest] = await store().readAll({ direction: 'backwards', max: 1 });
      expect(newest.position).toBe(result.position);
    });
  });
}
