import { EsdbEventStore } from './lib/esdb/esdb.event-store';
import { describeEventStoreContract } from './testing';
import { EsdbStandIn } from './testing/esdb-stand-in';

describeEventStoreContract('esdb (stand-in)', async () => {
  const standIn = await EsdbStandIn.start();
  const store = EsdbEventStore.connect(standIn.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await standIn.stop();
    },
  };
});

// A real server when one is configured (see infra/); the suite uses unique streams, so a shared server is fine.
const realServer = process.env['SOOC_ESDB_URL'];
if (realServer) {
  describeEventStoreContract(`esdb (${realServer})`, async () => {
    const store = EsdbEventStore.connect(realServer);
    return { store, cleanup: () => store.close() };
  });
}
