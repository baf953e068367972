import { Module } from '@nestjs/common';
import { AuditTrailResolver } from './audit-trail.resolver';

/**
 * The compliance GraphQL slice (the audit trail). Needs, once at the root: SoocCoreModule with a
 * read db (migrated with `complianceMigrations`, filled by `complianceProjections`) and a
 * ReadModelSync, and a GraphQLModule.
 */
@Module({ providers: [AuditTrailResolver] })
export class ComplianceApiModule {}
