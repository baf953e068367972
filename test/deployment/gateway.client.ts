import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import type { Persona } from '@sooc/auth/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A client of one gateway process, over HTTP and graphql-ws, as an application would talk to it. */
export interface GatewayClient {
  readonly name: string;
  readonly url: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Persona | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Calls `onData` with each pushed message's data; resolves to an unsubscribe that closes the socket. */
  subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => Promise<void>;
}

const ADMIN: Persona = { role: 'admin', subject: 'admin-1' };

/** `dataDir`: the gateways' SOOC_DATA_DIR, whose signing key the client mints its tokens with, as the CLI does. */
export function gatewayClient(name: string, baseUrl: string, dataDir: string): GatewayClient {
  const url = `${baseUrl}/graphql`;
  const authorization = async (as: Persona | null): Promise<Record<string, string>> =>
    as === null ? {} : { authorization: `Bearer ${await mintLocalToken(await loadOrCreateLocalKey(dataDir), as)}` };
  return {
    name,
    url,
    async gql(query, variables = {}, as = ADMIN, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorization(as)), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    subscribe(query, variables, onData) {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        connectionParams: () => authorization(ADMIN),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
      const unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (message) => {
            if (message.errors) throw new Error(`${name} pushed errors: ${JSON.stringify(message.errors)}`);
            onData(message.data as never);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return async () => {
        unsubscribe();
        await client.dispose();
      };
    },
  };
}

/** The data of a response, or a failure naming the gateway and its errors. */
export function dataOf<T>(client: GatewayClient, response: GraphQLResponse<T>): T {
  if (response.errors || !response.data)
    throw new Error(`${client.name}: ${JSON.stringify(response.errors ?? 'no data')}`);
  return response.data;
}
