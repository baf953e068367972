import type { ApolloServerPlugin } from '@apollo/server';
import { LogContext, Tracing, type Span } from '@sooc/util';

/**
 * Names the request's log lines after its GraphQL operation once Apollo knows it (the operation's
 * name when the client gave one, else its first root field: `submitApplication`), and, tracing on,
 * opens the operation's span under the request's: the commands it runs become its children
 * (through the request context; Apollo gives a plugin no way to make a span active).
 */
export function operationNamePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let span: Span | null = null;
      return {
        async didResolveOperation({ operationName, operation }) {
          const field = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
          const name = operationName ?? (field?.kind === 'Field' ? field.name.value : operation?.operation);
          if (name) LogContext.name(name);
          const frame = LogContext.current();
          if (!Tracing.enabled || !frame) return;
          span = Tracing.start(`graphql ${operation?.operation ?? 'operation'} ${name ?? ''}`.trim(), {
            ...(frame.trace ? { parent: frame.trace } : {}),
            attributes: {
              'graphql.operation.type': operation?.operation ?? 'unknown',
              'graphql.operation.name': name ?? '',
            },
          });
          frame.trace = Tracing.contextOf(span, frame.trace);
        },
        async didEncounterErrors({ errors }) {
          if (span) Tracing.fail(span, errors[0]);
        },
        async willSendResponse() {
          span?.end();
        },
      };
    },
  };
}
