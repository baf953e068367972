import { Module } from '@nestjs/common';
import { EnrollmentHistoryResolver } from './enrollment-history.resolver';
import { NodeModule } from '@sooc/graphql';
import { ApplicationsResolver } from './applications.resolver';
import { EnrollmentNodes } from './enrollment.nodes';
import { EnrollmentReader } from './enrollment.reader';

/**
 * The enrollment GraphQL slice. Needs, once at the root: SoocCoreModule with a read db (migrated
 * with `enrollmentMigrations` and `selectionMigrations`, filled by `enrollmentProjections` and
 * `selectionProjections`: blind review asks the selection's published `isBlindReview`) and a
 * ReadModelSync, and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  imports: [NodeModule],
  providers: [EnrollmentReader, EnrollmentNodes, ApplicationsResolver, EnrollmentHistoryResolver],
})
export class EnrollmentApiModule {}
