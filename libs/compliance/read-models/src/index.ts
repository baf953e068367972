export * from './lib/audit-entry.read-model';
export * from './lib/compliance.read-model';
export * from './lib/audit.summary';
export * from './lib/audit.projection';
export * from './lib/audit-trail.query';
export * from './lib/compliance.migrations';
export * from './lib/compliance.projections';
export * from './lib/learner-record.query';
