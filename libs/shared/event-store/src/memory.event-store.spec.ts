import { MemoryEventStore } from './lib/memory.event-store';
import { describeEventStoreContract } from './testing';

describeEventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});
