import type { EventStore } from '@sooc/event-sourcing';
import { appendContract } from './append.contract';
import type { StoreFactory } from './contract.fixture';
import { readContract } from './read.contract';
import { subscribeContract } from './subscribe.contract';

/**
 * The behaviour DESIGN §3 promises, run against every adapter. `factory` should hand out an empty
 * store; the tests use unique stream names and relative positions, so a shared server works too.
 */
export function describeEventStoreContract(name: string, factory: StoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: { store: EventStore; cleanup(): Promise<void> } | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('no store: the factory failed');
      return current.store;
    };

    beforeEach(async () => {
      current = await factory();
    });

    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('reports no head position while empty', async () => {
      if ((await store().readAll({ max: 1 })).length === 0) expect(await store().headPosition()).toBeNull();
      else expect(await store().headPosition()).not.toBeNull();
    });

    appendContract(store);
    readContract(store);
    subscribeContract(store);
  });
}
