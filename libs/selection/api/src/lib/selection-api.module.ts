import { Module } from '@nestjs/common';
import { SelectionResolver } from './selection.resolver';

/**
 * The selection GraphQL slice (rubric, reviews, decisions). Needs, once at the root:
 * SoocCoreModule and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  providers: [SelectionResolver],
})
export class SelectionApiModule {}
