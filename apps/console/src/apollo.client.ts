import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { createContext } from 'react';

/**
 * One client per session: queries and mutations over HTTP with the bearer token, subscriptions
 * over graphql-ws on the same URL with the token in connection_init (as the gateway expects).
 * Every cached object implements Node, so the cache keys on `id` and a subscription's dashboard
 * updates the screen's query in place.
 */
export interface ConsoleClient {
  readonly client: ApolloClient;
  /** Calls back each time the WebSocket is (re)connected and acknowledged: subscriptions are live from then on. */
  onConnected(listener: () => void): () => void;
  dispose(): void;
}

export function createApolloClient(token: string): ConsoleClient {
  const http = new URL('/graphql', location.href).href;
  const ws = createClient({
    url: http.replace(/^http/, 'ws'),
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    new HttpLink({ uri: http, headers: { authorization: `Bearer ${token}` } }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    onConnected: (listener) => ws.on('connected', () => listener()),
    dispose() {
      void ws.dispose();
      client.stop();
    },
  };
}

/** The session's client, for screens that need to know when their subscriptions went live. */
export const ConsoleClientContext = createContext<ConsoleClient | null>(null);
