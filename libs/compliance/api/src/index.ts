export * from './lib/compliance-api.module';
export * from './lib/audit-entry.type';
