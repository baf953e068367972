import { createServer, type Server, type Socket } from 'node:net';
import { newEventId, StoreUnavailableError, unavailableStore } from '@sooc/event-sourcing';
import { EsdbEventStore } from './lib/esdb/esdb.event-store';
import { withDeadline } from './lib/deadline.event-store';
import { EsdbStandIn } from './testing';

describe('withDeadline', () => {
  // A node that accepts connections and never answers: what a partition or a hung server looks like to a client.
  let silent: Server;
  const sockets: Socket[] = [];
  let port: number;
  beforeAll(async () => {
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers StoreUnavailableError (the event store) when the store does not answer in time', async () => {
    const store = withDeadline(EsdbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`), 300);
    try {
      const metadata = {
        occurredAt: '2026-03-03T09:00:00.000Z',
        actor: { id: 'admin-1', role: 'admin' as const },
        correlationId: 'c-1',
        causationId: null,
        schemaVersion: 1,
      };
      const event = { id: newEventId(), type: 'NoteTaken', data: {}, metadata };
      for (const call of [
        store.append('note-1', [event], { expectedRevision: 'any' }),
        store.readStream('note-1'),
        store.headPosition(),
      ]) {
        const error = await call.then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(unavailableStore(error)).toBe('event store');
      }
    } finally {
      await store.close();
    }
  });

  it('changes nothing for a store that answers, and its outage is told apart from other errors', async () => {
    const standIn = await EsdbStandIn.start();
    const store = withDeadline(EsdbEventStore.connect(standIn.url), 5_000);
    try {
      expect(await store.headPosition()).toBeNull();
      standIn.interrupt();
      const error = await store.headPosition().then(
        () => null,
        (e: unknown) => e,
      );
      expect(unavailableStore(error)).toBe('event store');
      expect(unavailableStore(new Error('a bug'))).toBeNull();
      await standIn.resume();
      expect(await store.headPosition()).toBeNull();
    } finally {
      await store.close();
      await standIn.stop();
    }
  });
});
