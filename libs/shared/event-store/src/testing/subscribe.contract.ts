import { ValidationError } from '@sooc/event-sourcing';
import { event, events, summarise as show, streamOf, take, type CurrentStore } from './contract.fixture';

export function subscribeContract(store: CurrentStore): void {
  describe('subscribeAll (catch-up)', () => {
    it('sends history, then one caught-up, then live events', async () => {
      const s = streamOf();
      const start = (await store().headPosition()) ?? 'start';
      await store().append(s, events(3), { expectedRevision: 'no_stream' });
      const subscription = store().subscribeAll({ from: start });
      try {
        expect(show(await take(subscription, 4))).toEqual([`${s}@0`, `${s}@1`, `${s}@2`, 'caught-up']);
        const live = take(subscription, 2);
        await store().append(s, events(2), { expectedRevision: 2n });
        expect(show(await live)).toEqual([`${s}@3`, `${s}@4`]);
      } finally {
        await subscription.close();
      }
    });

    it('catches up on an empty history at once', async () => {
      const subscription = store().subscribeAll({ from: (await store().headPosition()) ?? 'start' });
      try {
        expect(show(await take(subscription, 1))).toEqual(['caught-up']);
        const s = streamOf();
        const live = take(subscription, 1);
        await store().append(s, [event()], { expectedRevision: 'no_stream' });
        expect(show(await live)).toEqual([`${s}@0`]);
      } finally {
        await subscription.close();
      }
    });

    it('resumes after a checkpoint (exclusive)', async () => {
      const s = streamOf();
      await store().append(s, events(4), { expectedRevision: 'no_stream' });
      const [, second] = await store().readStream(s);
      const subscription = store().subscribeAll({ from: second.position });
      try {
        expect(show(await take(subscription, 3))).toEqual([`${s}@2`, `${s}@3`, 'caught-up']);
      } finally {
        await subscription.close();
      }
    });

    it('applies category and event-type filters to history and live events', async () => {
      const [a, b] = [streamOf('alpha'), streamOf('beta')];
      const start = (await store().headPosition()) ?? 'start';
      await store().append(a, [event('Opened'), event('Closed')], { expectedRevision: 'no_stream' });
      await store().append(b, [event('Opened')], { expectedRevision: 'no_stream' });
      const byCategory = store().subscribeAll({ from: start, filter: { categories: ['alpha'] } });
      const byType = store().subscribeAll({ from: start, filter: { eventTypes: ['Opened'] } });
      try {
        expect(show(await take(byCategory, 3))).toEqual([`${a}@0`, `${a}@1`, 'caught-up']);
        expect(show(await take(byType, 3))).toEqual([`${a}@0`, `${b}@0`, 'caught-up']);
        const liveCategory = take(byCategory, 1);
        const liveType = take(byType, 1);
        await store().append(b, [event('Closed')], { expectedRevision: 0n });
        await store().append(a, [event('Opened')], { expectedRevision: 1n });
        expect(show(await liveCategory)).toEqual([`${a}@2`]);
        expect(show(await liveType)).toEqual([`${a}@2`]);
      } finally {
        await byCategory.close();
        await byType.close();
      }
    });

    it('serves several concurrent subscribers everything, each in order', async () => {
      const start = (await store().headPosition()) ?? 'start';
      const streams = [streamOf(), streamOf(), streamOf()];
      await store().append(streams[0], events(2), { expectedRevision: 'no_stream' });
      const subscribers = [0, 1, 2].map(() => store().subscribeAll({ from: start }));
      try {
        const received = subscribers.map((sub) => take(sub, 2 + 1 + 2 * 3 + 4));
        await Promise.all(streams.map((s) => store().append(s, events(2), { expectedRevision: 'any' })));
        await Promise.all(streams.map((s) => store().append(s, events(1), { expectedRevision: 'any' })));
        await store().append(streams[1], events(1), { expectedRevision: 'any' });
        const expected = (await store().readAll({ from: start })).map((e) => `${e.streamId}@${e.revision}`);
        expect(expected).toHaveLength(2 + 6 + 3 + 1);
        for (const messages of await Promise.all(received)) {
          expect(show(messages).filter((m) => m !== 'caught-up')).toEqual(expected);
          expect(show(messages).filter((m) => m === 'caught-up')).toHaveLength(1);
        }
      } finally {
        await Promise.all(subscribers.map((s) => s.close()));
      }
    });

    it('close() ends the iteration, also while it waits for live events', async () => {
      const subscription = store().subscribeAll({ from: (await store().headPosition()) ?? 'start' });
      const seen: string[] = [];
      const consumed = (async () => {
        for await (const message of subscription) seen.push(message.kind);
      })();
      while (!seen.includes('caught-up')) await new Promise((resolve) => setTimeout(resolve, 5));
      // Now live and idle: the consumer is parked in next(), which close() must release.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await subscription.close();
      await consumed;
      expect(seen).toEqual(['caught-up']);
    });

    it("refuses a checkpoint that is not 'start' or a position", () => {
      expect(() => store().subscribeAll({ from: 'end' as unknown as bigint })).toThrow(ValidationError);
      expect(() => store().subscribeAll({ from: -1n })).toThrow(ValidationError);
    });

    it('breaking out of for-await closes the subscription', async () => {
      const s = streamOf();
      const start = (await store().headPosition()) ?? 'start';
      await store().append(s, events(3), { expectedRevision: 'no_stream' });
      const subscription = store().subscribeAll({ from: start });
      for await (const message of subscription) if (message.kind === 'event') break;
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(true);
    });
  });
}
