import { Module } from '@nestjs/common';
import { NodeModule } from '@sooc/graphql';
import { RubricsResolver } from './rubrics.resolver';
import { SelectionNodes } from './selection.nodes';
import { SelectionReader } from './selection.reader';
import { SelectionResolver } from './selection.resolver';

/**
 * The selection GraphQL slice (rubric, reviews, decisions). Needs, once at the root:
 * SoocCoreModule with a read db (migrated with `selectionMigrations`, filled by
 * `selectionProjections`) and a ReadModelSync, and a GraphQLModule (it only contributes resolvers).
 */
@Module({
  imports: [NodeModule],
  providers: [SelectionReader, SelectionNodes, SelectionResolver, RubricsResolver],
})
export class SelectionApiModule {}
