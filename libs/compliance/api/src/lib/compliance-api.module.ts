import { Module } from '@nestjs/common';
import { AuditTrailResolver } from './audit-trail.resolver';
import { LearnerErasureResolver } from './learner-erasure.resolver';

/**
 * The compliance GraphQL slice (the audit trail, erasure, subject access). Needs, once at the root: SoocCoreModule with a
 * read db (migrated with `complianceMigrations`, filled by `complianceProjections`) and a
 * ReadModelSync, a PersonalDataVault, and a GraphQLModule.
 */
@Module({ providers: [AuditTrailResolver, LearnerErasureResolver] })
export class ComplianceApiModule {}
