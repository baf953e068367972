export * from './deadline.poller';
