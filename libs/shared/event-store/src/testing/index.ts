export { describeEventStoreContract } from './event-store.contract';
export type { StoreFactory } from './contract.fixtures';
