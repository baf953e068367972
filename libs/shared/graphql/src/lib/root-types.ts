import type { GraphQLSchema } from 'graphql';

const ROOT_DESCRIPTIONS = {
  query:
    'Reads, answered from the read models (projections of the event store). A read right after a write may not ' +
    'see it yet: pass the `position` the mutation returned as `consistentWith` to wait for it',
  mutation:
    'Writes: each mutation is a command on one aggregate (course, cohort, enrollment, selection or partner), decided by ' +
    'the domain and appended to the event store; it returns the `position` of what it wrote',
  subscription:
    'Live updates over graphql-ws (same path as HTTP, `ws://…/graphql`), pushed after each committed change a ' +
    'read model shows',
} as const;

/**
 * Code-first Nest names the root types but has no place to describe them: the gateway's
 * `transformSchema` and `npm run schema` both pass the built schema through this.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  for (const [kind, type] of Object.entries(roots)) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[kind as keyof typeof roots];
  }
  return schema;
}
