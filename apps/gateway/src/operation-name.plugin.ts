import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LogContext, Tracing, type Span } from '@sooc/util';

/**
 * Names the request's log lines after its GraphQL operation once Apollo knows it (the operation's
 * name when the client gave one, else its first root field: `submitApplication`), and, tracing on,
 * opens the operation's span under the request's: the commands it runs become its children
 * (through the request context; Apollo gives a plugin no way to make a span active). Tracing off,
 * a request gets only the one hook: Apollo awaits every hook a listener has, on every request.
 */
export function operationNamePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return Tracing.enabled
        ? tracedListener()
        : { didResolveOperation: async ({ operationName, operation }) => void nameOf(operationName, operation) };
    },
  };
}

/** Names the frame's operation and answers the name, if there is one. */
function nameOf(operationName: string | null, operation: OperationDefinitionNode | undefined): string | undefined {
  const field = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
  const name = operationName ?? (field?.kind === 'Field' ? field.name.value : operation?.operation);
  if (name) LogContext.name(name);
  return name;
}

function tracedListener(): GraphQLRequestListener<object> {
  let span: Span | null = null;
  return {
    async didResolveOperation({ operationName, operation }) {
      const name = nameOf(operationName, operation);
      const frame = LogContext.current();
      if (!frame) return;
      span = Tracing.start(`graphql ${operation?.operation ?? 'operation'} ${name ?? ''}`.trim(), {
        parent: frame.trace,
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
}
