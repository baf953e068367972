import { EsdbEventStore } from '@sooc/event-store';
import { PersonalDataEventStore } from '@sooc/personal-data';
// The specs this project runs live in test/e2e; this one proves they really run on other stores,
// so a harness change can't quietly send the whole project back to SQLite.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway } from '../e2e/gateway.harness';

describe('each gateway the e2e specs start in this project', () => {
  it('stores its events in EventStoreDB (the stand-in), its read models and keys in PostgreSQL', async () => {
    const h = await startGateway();
    try {
      const { eventStore } = h.gateway.infrastructure;
      expect(eventStore).toBeInstanceOf(PersonalDataEventStore);
      expect((eventStore as PersonalDataEventStore).inner).toBeInstanceOf(EsdbEventStore);
      expect(h.gateway.infrastructure.readDatabase.dialect).toBe('postgres');
      expect(h.stores.keyStoreUrl).toMatch(/^postgres(ql)?:\/\//);
    } finally {
      await h.close();
    }
  });

  it('leaves a store the spec names itself to the spec', async () => {
    const h = await startGateway({ SOOC_EVENT_STORE_URL: 'memory:', SOOC_READ_DB_URL: 'sqlite::memory:' });
    try {
      expect(h.gateway.infrastructure.eventStore).not.toBeInstanceOf(EsdbEventStore);
      expect(h.gateway.infrastructure.readDatabase.dialect).toBe('sqlite');
    } finally {
      await h.close();
    }
  });
});
