export * from './first-come.seed';
export * from './flaky.event-store';
export * from './history.inspect';
export * from './reactor.harness';
