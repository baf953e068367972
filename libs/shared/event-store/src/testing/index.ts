export { describeEventStoreContract } from './event-store.contract';
export type { StoreFactory } from './contract.fixture';
export { EsdbStandIn, type EsdbStandInOptions } from './esdb-stand-in';
