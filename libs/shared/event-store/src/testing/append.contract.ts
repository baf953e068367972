import { ConcurrencyError, ValidationError, type ExpectedRevision } from '@sooc/event-sourcing';
import { event, events, rejectionOf, streamOf, type CurrentStore } from './contract.fixture';

export function appendContract(store: CurrentStore): void {
  async function conflict(streamId: string, expected: ExpectedRevision): Promise<ConcurrencyError> {
    const error = await rejectionOf(store().append(streamId, [event()], { expectedRevision: expected }));
    expect(error).toBeInstanceOf(ConcurrencyError);
    return error as ConcurrencyError;
  }

  describe('expected revision', () => {
    it('no_stream: creates a stream at revision 0, refuses an existing one with its revision', async () => {
      const s = streamOf();
      const first = await store().append(s, events(2), { expectedRevision: 'no_stream' });
      expect(first.nextExpectedRevision).toBe(1n);
      const error = await conflict(s, 'no_stream');
      expect(error.actual).toBe(1n);
      expect(error.streamId).toBe(s);
      expect(error.expected).toBe('no_stream');
      expect(error.code).toBe('STREAM.WRONG_EXPECTED_REVISION');
    });

    it('stream_exists: refuses a missing stream with no_stream, appends to an existing one', async () => {
      const s = streamOf();
      expect((await conflict(s, 'stream_exists')).actual).toBe('no_stream');
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      expect(await store().append(s, [event()], { expectedRevision: 'stream_exists' })).toMatchObject({
        nextExpectedRevision: 1n,
      });
    });

    it('exact revision: appends when it matches, otherwise reports the actual revision', async () => {
      const s = streamOf();
      expect((await conflict(s, 0n)).actual).toBe('no_stream');
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      expect(await store().append(s, events(3), { expectedRevision: 0n })).toMatchObject({ nextExpectedRevision: 3n });
      const stale = await conflict(s, 0n);
      expect(stale.actual).toBe(3n);
      expect(stale.expected).toBe('0');
      expect((await conflict(s, 4n)).actual).toBe(3n);
    });

    it('any: appends to a missing and to an existing stream', async () => {
      const s = streamOf();
      expect(await store().append(s, [event()], { expectedRevision: 'any' })).toMatchObject({
        nextExpectedRevision: 0n,
      });
      expect(await store().append(s, [event()], { expectedRevision: 'any' })).toMatchObject({
        nextExpectedRevision: 1n,
      });
    });

    it('returns the global position of the last event written', async () => {
      const s = streamOf();
      const result = await store().append(s, events(3), { expectedRevision: 'any' });
      const stored = await store().readStream(s);
      expect(result.position).toBe(stored[2].position);
      expect(await store().headPosition()).toBe(result.position);
    });
  });

  describe('idempotency by event id', () => {
    it('the same ids at the same expected revision succeed again, write nothing, return the original result', async () => {
      const s = streamOf();
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      const batch = events(2);
      const original = await store().append(s, batch, { expectedRevision: 0n });
      await store().append(s, [event()], { expectedRevision: 2n });
      const head = await store().headPosition();
      expect(await store().append(s, batch, { expectedRevision: 0n })).toEqual(original);
      expect(await store().headPosition()).toBe(head);
      expect(await store().readStream(s)).toHaveLength(4);
    });

    it('works for a retried stream creation (no_stream)', async () => {
      const s = streamOf();
      const batch = events(2);
      const original = await store().append(s, batch, { expectedRevision: 'no_stream' });
      expect(await store().append(s, batch, { expectedRevision: 'no_stream' })).toEqual(original);
      expect(await store().readStream(s)).toHaveLength(2);
    });

    it("with 'any', ids already in the stream make a no-op", async () => {
      const s = streamOf();
      const batch = events(2);
      const original = await store().append(s, batch, { expectedRevision: 'any' });
      expect(await store().append(s, batch, { expectedRevision: 'any' })).toEqual(original);
      expect(await store().readStream(s)).toHaveLength(2);
    });

    it('partly overlapping ids are a conflict and write nothing', async () => {
      const s = streamOf();
      const batch = events(2);
      await store().append(s, batch, { expectedRevision: 'no_stream' });
      const error = await rejectionOf(store().append(s, [batch[1], event()], { expectedRevision: 0n }));
      expect(error).toBeInstanceOf(ConcurrencyError);
      const any = await rejectionOf(store().append(s, [batch[1], event()], { expectedRevision: 'any' }));
      expect(any).toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(s)).toHaveLength(2);
    });

    it('the same ids at another expected revision are a conflict', async () => {
      const s = streamOf();
      const batch = events(1);
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      await store().append(s, batch, { expectedRevision: 0n });
      await store().append(s, [event()], { expectedRevision: 1n });
      expect(await rejectionOf(store().append(s, batch, { expectedRevision: 2n }))).toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(s)).toHaveLength(3);
    });
  });

  describe('atomicity and bad input', () => {
    it('a conflicting multi-event append writes none of its events', async () => {
      const s = streamOf();
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      const head = await store().headPosition();
      await rejectionOf(store().append(s, events(5), { expectedRevision: 'no_stream' }));
      expect(await store().readStream(s)).toHaveLength(1);
      expect(await store().headPosition()).toBe(head);
    });

    it.each([
      ['a Date', { at: new Date() }],
      ['a function', { f: () => 1 }],
      ['a bigint', { n: 1n }],
      ['NaN', { n: Number.NaN }],
      ['a Map', { m: new Map() }],
      ['undefined in an array', { list: [undefined] }],
    ])('refuses data holding %s with a ValidationError and writes nothing', async (_what, data) => {
      const s = streamOf();
      const error = await rejectionOf(
        store().append(s, [event(), event('ThingHappened', data)], { expectedRevision: 'any' }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(await store().readStream(s)).toEqual([]);
    });

    it('refuses circular data', async () => {
      const circular: Record<string, unknown> = {};
      circular['self'] = circular;
      expect(
        await rejectionOf(store().append(streamOf(), [event('ThingHappened', circular)], { expectedRevision: 'any' })),
      ).toBeInstanceOf(ValidationError);
    });

    it.each([
      ['', 'empty'],
      ['nocategory', 'no dash'],
      ['$all', 'reserved'],
      ['thing- x', 'whitespace'],
      ['Thing-1', 'capital category'],
    ])('refuses the stream id %j (%s)', async (streamId) => {
      const head = await store().headPosition();
      expect(await rejectionOf(store().append(streamId, [event()], { expectedRevision: 'any' }))).toBeInstanceOf(
        ValidationError,
      );
      expect(await store().headPosition()).toBe(head);
    });

    it('refuses an empty append, a bad event id, a bad type, a duplicate id and a bad expected revision', async () => {
      const s = streamOf();
      const e = event();
      const head = await store().headPosition();
      const bad = [
        store().append(s, [], { expectedRevision: 'any' }),
        store().append(s, [{ ...e, id: 'not-a-uuid' }], { expectedRevision: 'any' }),
        store().append(s, [{ ...e, type: 'thing happened' }], { expectedRevision: 'any' }),
        store().append(s, [e, e], { expectedRevision: 'any' }),
        store().append(s, [e], { expectedRevision: -1n }),
        store().append(s, [e], { expectedRevision: 'latest' as unknown as ExpectedRevision }),
      ];
      for (const attempt of bad) expect(await rejectionOf(attempt)).toBeInstanceOf(ValidationError);
      expect(await store().headPosition()).toBe(head);
    });

    it('of several concurrent appends expecting the same revision, exactly one wins', async () => {
      const s = streamOf();
      await store().append(s, [event()], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => store().append(s, events(2), { expectedRevision: 0n })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(s)).toHaveLength(3);
    });

    it('concurrent appends to different streams all succeed with distinct positions', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store().append(streamOf(), events(2), { expectedRevision: 'no_stream' })),
      );
      expect(new Set(results.map((r) => r.position)).size).toBe(20);
    });
  });
}
