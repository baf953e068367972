import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/** The code and category of a subscription sent where only queries and mutations are served. */
export const SUBSCRIPTION_TRANSPORT = 'SUBSCRIPTION.TRANSPORT';

/**
 * Apollo would run a subscription sent as a plain HTTP request like a query: each field's
 * `resolve` would get no event (a TypeError logged as a server error, or a silent null). Refused
 * here, once for every subscription, before any resolver runs: a client error that says where
 * subscriptions are served. `path` is the GraphQL path, which graphql-ws shares.
 */
export function subscriptionTransportPlugin(path: string): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
          const host = request.http?.headers.get('host') ?? 'localhost';
          throw new GraphQLError(
            `Subscriptions are served over graphql-ws only: open a WebSocket to ws://${host}${path} ` +
              '(wss:// behind TLS) with the graphql-transport-ws protocol and send the subscription there',
            { extensions: { code: SUBSCRIPTION_TRANSPORT, category: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
