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
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque; pass it as `after` to continue after this node' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of nodes matching the filter, across all pages' })
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}
