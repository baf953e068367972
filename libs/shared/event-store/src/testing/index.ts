export { describeEventStoreContract } from './event-store.contract';
export type { StoreFactory } from './contract.fixtures';
export { EsdbStandIn, type EsdbStandInOptions } from './esdb-stand-in';
