import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface ConnectionShape<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/**
 * Relay connection types for one node type: `class CohortConnection extends Connection(Cohort) {}`
 * gives `CohortConnection { edges: [CohortEdge!]!, pageInfo: PageInfo!, totalCount: Int! }`.
 */
export function Connection<T>(nodeType: Type<T>, name: string = nodeType.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that marks its place in the list` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque; pass it as `after` to continue after this node' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name} itself` })
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: `This page's ${name} nodes, in the list's order; empty past the end` })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to ask for the next one' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of nodes matching the filter, across all pages' })
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}
