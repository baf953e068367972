import {
  DocumentNode,
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLError,
  GraphQLSchema,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { formatGraphQLError } from './graphql-error.formatter';

/**
 * graphql-ws runs outside Apollo: without these hooks a subscription would skip the limits Apollo
 * applies (depth, cost, aliases: the same `rules` the gateway gives Apollo) and send errors
 * unformatted. Pass as `subscriptions: { 'graphql-ws': graphqlWsOptions(rules) }`.
 */
export function graphqlWsOptions(limits: readonly ValidationRule[]) {
  const rules = [...specifiedRules, ...limits];
  return {
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules),
    // graphql-ws reports only parse and validation failures here; Apollo would code them the same way.
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
      errors.map((e) =>
        formatGraphQLError({ ...e.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }, e),
      ),
    onNext: (
      _ctx: unknown,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: ExecutionResult,
    ): FormattedExecutionResult | void => {
      if (!result.errors) return;
      return { ...result, errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e)) };
    },
  };
}
