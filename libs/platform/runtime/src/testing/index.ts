export * from './entry-point.process';
