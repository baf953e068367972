import { unavailableStore } from '@sooc/event-sourcing';
import { createTestDatabase, dropTestDatabase, startSilencingProxy } from '@sooc/read-store/testing';
import { openKeyStore } from './key-store.open';

/** Far past the bound: a call still unanswered then has hung. */
const HUNG_AFTER_MS = 10_000;

describe('the PostgreSQL key store bounded by answerWithinMs', () => {
  it('fails as an outage while its server is silent instead of holding the request, and makes the key once it answers', async () => {
    const url = await createTestDatabase('keys_bound');
    const proxy = await startSilencingProxy(url);
    const keys = await openKeyStore(proxy.url, { answerWithinMs: 500 });
    try {
      proxy.silence();
      const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), HUNG_AFTER_MS).unref());
      const error = await Promise.race([
        keys.keyFor('learner-1').then(
          () => 'made',
          (e: unknown) => e,
        ),
        hung,
      ]);
      proxy.speak();
      expect(unavailableStore(error)).toBe('read database');

      const made = await keys.keyFor('learner-1');
      expect(await keys.keys([made.keyId])).toEqual(new Map([[made.keyId, made.key]]));
    } finally {
      await keys.close();
      await proxy.close();
      await dropTestDatabase(url);
    }
  }, 20_000);
});
