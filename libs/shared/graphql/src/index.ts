export * from './lib/input-validation.error';
export * from './lib/coercion-fields';
export * from './lib/input-validation.pipe';
export * from './lib/graphql-error.formatter';
export * from './lib/position.scalar';
export * from './lib/depth-limit.rule';
export * from './lib/page-info.type';
export * from './lib/connection.factory';
