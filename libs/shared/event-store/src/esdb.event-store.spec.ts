import { EsdbEventStore } from './lib/esdb/esdb.event-store';
import { describeEventStoreContract } from './testing';
import { EsdbStandIn } from './testing/esdb-stand-in';

function onStandIn(pageSize?: number) {
  return async () => {
    const standIn = await EsdbStandIn.start();
    const store = EsdbEventStore.connect(standIn.url, { pageSize });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await standIn.stop();
      },
    };
  };
}

describeEventStoreContract('esdb (stand-in)', onStandIn());
// Pages of two events: every $all read crosses page boundaries, so the paging keeps the contract too.
describeEventStoreContract('esdb (stand-in, pages of 2)', onStandIn(2));

// A real server when one is configured (see infra/); the suite uses unique streams, so a shared server is fine.
const realServer = process.env['SOOC_ESDB_URL'];
if (realServer) {
  describeEventStoreContract(`esdb (${realServer})`, async () => {
    const store = EsdbEventStore.connect(realServer);
    return { store, cleanup: () => store.close() };
  });
}
