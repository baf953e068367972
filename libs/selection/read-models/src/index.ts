export * from './lib/rubric.read-model';
export * from './lib/selection.read-model';
export * from './lib/selection-rubric.projection';
export * from './lib/selection.projections';
export * from './lib/selection.migrations';
export * from './lib/rubric.query';
