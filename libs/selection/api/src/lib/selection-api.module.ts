import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SelectionApplicationModule } from '@sooc/selection-application';
import { SelectionResolver } from './selection.resolver';

/**
 * The selection GraphQL slice (rubric, reviews, decisions). Needs, once at the root:
 * SoocCoreModule and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  imports: [CqrsModule, SelectionApplicationModule],
  providers: [SelectionResolver],
})
export class SelectionApiModule {}
