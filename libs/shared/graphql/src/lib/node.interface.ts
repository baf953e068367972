import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** The `id` of every Node, described once. */
export const GLOBAL_ID =
  'Global id, unique across every type (`<TypeName>:<key>`): what `node(id:)` and client caches key on; ' +
  'treat it as opaque. Mutations and other queries take the domain id field instead (cohortId, courseId, enrollmentId)';

/** What a node loader hands back: the object, tagged with its GraphQL type for `resolveType`. */
export interface TypedNode {
  readonly __typename: string;
}

@InterfaceType('Node', {
  description:
    'An object with a global id: fetch it again with `node(id:)`, and let a client cache (Apollo Client, urql, ' +
    'Relay) normalise it by `id` without custom keys',
  resolveType: (value: TypedNode) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;
}
