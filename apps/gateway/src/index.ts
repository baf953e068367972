export * from './gateway.config';
export * from './gateway.bootstrap';
export * from './gateway.module';
export * from './infrastructure';
export * from './health.controller';
