import type { ApolloServerPlugin } from '@apollo/server';
import { LogContext } from '@sooc/util';

/**
 * Names the request's log lines (and its span) after its GraphQL operation, once Apollo knows it:
 * the operation's name when the client gave one, else its first root field (`submitApplication`).
 */
export function operationNamePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const field = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
          const name = operationName ?? (field?.kind === 'Field' ? field.name.value : operation?.operation);
          if (name) LogContext.name(name);
        },
      };
    },
  };
}
