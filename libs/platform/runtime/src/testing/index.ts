export * from './entry-point.process';
export * from './pre-sealing.fixture';
export * from './byte-search';
export * from './log.lines';
