import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The e2e suite exists to boot the app exactly as main.ts does, so it imports the app's bootstrap.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway, loadConfig, type Gateway } from '@sooc/gateway';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  readonly gateway: Gateway;
  readonly dataDir: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  wsClient(): Client;
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/** A real gateway on port 0 with SQLite files in a fresh temporary directory, as `npm start` runs it. */
export async function startGateway(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-e2e-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SOOC_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env });
  const gateway = await createGateway(config);
  const clients: Client[] = [];
  return {
    gateway,
    dataDir,
    async gql(query, variables, headers = {}) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    wsClient() {
      const client = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
      clients.push(client);
      return client;
    },
    events: () => gateway.infrastructure.eventStore.readAll(),
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
