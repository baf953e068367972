import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { ReadYourWrites } from '@sooc/nest';
import { IsString } from 'class-validator';
import { ConsistentArgs } from './consistent.args';
import { Node, type TypedNode } from './node.interface';
import { NodeRegistry } from './node.registry';

@ArgsType()
class NodeArgs extends ConsistentArgs {
  @Field(() => ID, { description: "The object's global id, as its `id` field gave it" })
  @IsString()
  id!: string;
}

/** Relay's global object identification: any cached object read again by its id alone. */
@Resolver(() => Node)
export class NodeResolver {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly writes: ReadYourWrites,
  ) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'Any object with a global id (a course, cohort, application, dashboard, groups, rubric), read from the ' +
      "read models as the type's own query reads it, with the same visibility rules; null for an id that is " +
      'malformed, of an unknown type or names nothing (never an error)',
  })
  async node(@Args() { id, consistentWith }: NodeArgs): Promise<TypedNode | null> {
    await this.writes.consistentWith(consistentWith);
    return this.nodes.load(id);
  }
}
