import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The e2e suite exists to boot the app exactly as main.ts does, so it imports the app's bootstrap.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway, loadConfig, type Gateway } from '@sooc/gateway';
import type { RecordedEvent } from '@sooc/event-sourcing';
import { EsdbStandIn } from '@sooc/event-store/testing';
import { createTestDatabase, dropTestDatabase } from '@sooc/read-store/testing';
import { loadOrCreateLocalKey, mintLocalToken, type LocalSigningKey } from '@sooc/auth';
import type { Persona } from '@sooc/auth/testing';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  readonly gateway: Gateway;
  readonly dataDir: string;
  /** Where this gateway's stores are (SQLite files, or the stand-in and PostgreSQL): another process's view of them. */
  readonly stores: { readonly eventStoreUrl: string; readonly readDbUrl: string; readonly keyStoreUrl: string };
  /** As an admin unless told who (`null`: anonymous, no token); `headers` are sent as given, after the token. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Persona | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** A token of this gateway's local issuer, as `npm run sooc -- token` makes them. */
  token(persona: Persona): Promise<string>;
  /** `Authorization: Bearer …` for the persona; nothing for null. */
  authorization(persona: Persona | null): Promise<Record<string, string>>;
  /** graphql-ws, authenticated in connection_init as an admin unless told who. */
  wsClient(as?: Persona | null): Client;
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

const DECLARES_AT = /\$at\s*:\s*Position\b/;

/** Who specs call as when they do not say: every operation is allowed to an admin. */
export const ADMIN: Persona = { role: 'admin', subject: 'admin-1' };

/** The highest `position` a mutation's payloads report, kept as the client's last write. */
function laterPosition(last: string | null, data: unknown): string | null {
  let latest = last;
  for (const payload of Object.values((data ?? {}) as Record<string, unknown>)) {
    const position = (payload as { position?: unknown } | null)?.position;
    if (typeof position === 'string' && (latest === null || BigInt(position) > BigInt(latest))) latest = position;
  }
  return latest;
}

/** Stores started for one gateway, outside it: their URLs, and how to get rid of them after it closed. */
interface ExternalStores {
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

const NO_EXTERNAL_STORES: ExternalStores = { env: {}, dispose: async () => undefined };

/**
 * SOOC_E2E_STORES picks what the gateway stores in: unset, the SQLite files `npm start` uses;
 * `esdb+postgres` (test/e2e-esdb), EventStoreDB through the in-process stand-in and a fresh
 * database on the test PostgreSQL — production's stores. A store the spec names itself in `env`
 * is left to the spec, and nothing is started for it.
 */
async function externalStores(env: Record<string, string>): Promise<ExternalStores> {
  const choice = process.env['SOOC_E2E_STORES'] ?? '';
  if (choice === '') return NO_EXTERNAL_STORES;
  if (choice !== 'esdb+postgres')
    throw new Error(`SOOC_E2E_STORES="${choice}": expected "esdb+postgres" or nothing (SQLite files)`);
  const standIn = 'SOOC_EVENT_STORE_URL' in env ? null : await EsdbStandIn.start();
  let readDbUrl: string | null = null;
  try {
    readDbUrl = 'SOOC_READ_DB_URL' in env ? null : await createTestDatabase('e2e');
  } catch (error) {
    await standIn?.stop();
    throw error;
  }
  return {
    env: {
      ...(standIn ? { SOOC_EVENT_STORE_URL: standIn.url } : {}),
      ...(readDbUrl ? { SOOC_READ_DB_URL: readDbUrl } : {}),
      // Production's layout: the learners' keys in PostgreSQL too (their own tables).
      ...(readDbUrl && !('SOOC_KEY_STORE_URL' in env) ? { SOOC_KEY_STORE_URL: readDbUrl } : {}),
    },
    async dispose() {
      await standIn?.stop();
      if (readDbUrl) await dropTestDatabase(readDbUrl);
    },
  };
}

/** A real gateway on port 0 with fresh stores (by default SQLite files in a temporary directory, as `npm start` runs it). */
export async function startGateway(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-e2e-'));
  const stores = await externalStores(env);
  let gateway: Gateway;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SOOC_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      // Specs send thousands of requests a minute with one admin token; the rate limit spec sets its own.
      SOOC_RATE_LIMIT_PER_MINUTE: '10000000',
      SOOC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
      ...stores.env,
      ...env,
    });
    gateway = await createGateway(config);
  } catch (error) {
    await stores.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const clients: Client[] = [];
  let lastWrite: string | null = null;
  // The key the gateway made in its data directory, read as the CLI reads it (local mode only).
  let key: LocalSigningKey | null = null;
  const token = async (persona: Persona) => mintLocalToken((key ??= await loadOrCreateLocalKey(dataDir)), persona);
  const authorization = async (persona: Persona | null): Promise<Record<string, string>> =>
    persona === null ? {} : { authorization: `Bearer ${await token(persona)}` };
  return {
    gateway,
    dataDir,
    stores: { eventStoreUrl: config.eventStoreUrl, readDbUrl: config.readDbUrl, keyStoreUrl: config.keyStoreUrl },
    token,
    authorization,
    async gql(query, variables = {}, as = ADMIN, headers = {}) {
      // Mutations answer without waiting for the read models: like an Apollo link would, this
      // client reads its own writes by sending the last position it wrote as `$at`
      // (consistentWith) with every document that declares it, unless the spec passes its own.
      const withAt = lastWrite !== null && DECLARES_AT.test(query) && !('at' in variables);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorization(as)), ...headers },
        body: JSON.stringify({ query, variables: withAt ? { ...variables, at: lastWrite } : variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      if (/^\s*mutation\b/.test(query)) lastWrite = laterPosition(lastWrite, body.data);
      return body;
    },
    wsClient(as = ADMIN) {
      const client = createClient({
        url: gateway.url.replace(/^http/, 'ws'),
        connectionParams: async () => authorization(as),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      return client;
    },
    events: () => gateway.infrastructure.eventStore.readAll(),
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      // The gateway first: it stops at a checkpoint while its stores still answer.
      await gateway.close();
      await stores.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
