import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { until } from '@sooc/util/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createGateway, type Gateway } from './gateway.bootstrap';
import { loadConfig } from './gateway.config';

const DRAFT = `mutation Draft($input: DraftCourseInput!) { draftCourse(input: $input) { position } }`;

describe('GET /metrics of the gateway (embedded workers)', () => {
  let gateway: Gateway;
  /** An admin's bearer token, signed with the key the gateway made in its data directory. */
  let ADMIN: Record<string, string>;
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-metrics-'));
  const url = (path: string) => gateway.url.replace('/graphql', path);
  const gql = async (query: string, variables: Record<string, unknown> = {}) =>
    (
      await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ADMIN },
        body: JSON.stringify({ query, variables }),
      })
    ).json() as Promise<{
      errors?: unknown[];
    }>;
  const sample = (text: string, series: string) =>
    Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

  beforeAll(async () => {
    gateway = await createGateway(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SOOC_EVENT_STORE_URL: 'memory:',
        SOOC_READ_DB_URL: 'sqlite::memory:',
        SOOC_DATA_DIR: dataDir,
      }),
    );
    ADMIN = { authorization: `Bearer ${await mintLocalToken(await loadOrCreateLocalKey(dataDir), { role: 'admin' })}` };
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts operations by type and outcome and times them, beside the projection figures', async () => {
    const before = await (await fetch(url('/metrics'))).text();
    const draft = await gql(DRAFT, {
      input: {
        courseId: 'c-metrics',
        title: 'Metrics in practice',
        summary: 'Counting what the gateway answers.',
        topics: ['ops'],
        language: 'en',
        prerequisites: [],
        selectionPolicy: 'REVIEW',
        defaultCapacity: 20,
      },
    });
    expect(draft.errors).toBeUndefined();
    expect((await gql('{ nope }')).errors).toBeDefined();
    await gql('{ cohorts { edges { node { id } } } }');

    const response = await fetch(url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const after = await response.text();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('sooc_graphql_operations_total{type="mutation",outcome="ok",service="gateway"}')).toBe(1);
    expect(moved('sooc_graphql_operations_total{type="unknown",outcome="error",service="gateway"}')).toBe(1);
    expect(moved('sooc_graphql_operations_total{type="query",outcome="ok",service="gateway"}')).toBe(1);
    expect(moved('sooc_graphql_operation_seconds_count{service="gateway",type="mutation"}')).toBe(1);
    // The draft's one append, timed apart from the rest of the mutation.
    expect(moved('sooc_event_store_append_seconds_count{service="gateway",outcome="ok"}')).toBe(1);
    expect(sample(after, 'sooc_store_head_position{service="gateway"}')).toBeGreaterThan(0);
    expect(sample(after, 'sooc_projection_lag_positions{service="gateway"}')).toBe(0);
    expect(sample(after, 'sooc_worker_active{worker="projector",service="gateway"}')).toBe(1);
    expect(sample(after, 'sooc_worker_active{worker="reactor",service="gateway"}')).toBe(1);
    expect(after).toContain('process_cpu_user_seconds_total');

    // The mutation's CourseDrafted, applied by the embedded projector and timed from its append
    // (mutations do not wait for it, so the count may move a moment after the answer).
    const visible = 'sooc_read_model_visible_seconds_count{service="gateway"}';
    let counted = 0;
    for (let tries = 0; tries < 100 && counted === 0; tries++) {
      counted = sample(await (await fetch(url('/metrics'))).text(), visible) - sample(before, visible);
      if (counted === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(counted).toBeGreaterThanOrEqual(1);
  });

  it('counts graphql-ws subscriptions by root field: started, ended (completed or socket closed), active', async () => {
    const subscriptions = (text: string, kind: string) =>
      sample(text, `sooc_graphql_subscriptions_${kind}{operation="partnerEventStream",service="gateway"}`);
    const metrics = async () => (await fetch(url('/metrics'))).text();
    const client = () =>
      createClient({
        url: gateway.url.replace(/^http/, 'ws'),
        connectionParams: ADMIN,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
    const before = await metrics();
    const moved = (kind: string, value: number) =>
      until(
        `sooc_graphql_subscriptions_${kind} to move by ${value}`,
        async () => subscriptions(await metrics(), kind) - subscriptions(before, kind) === value,
        { timeoutMs: 5_000, intervalMs: 25 },
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)}:\n${await metrics()}`);
      });
    const query = 'subscription { partnerEventStream(companyId: "acme") { cursor } }';
    const [a, b] = [client(), client()];
    const stopA = a.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    b.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await moved('started_total', 2);
    await moved('active', 2);

    stopA(); // the client completes its subscription
    await moved('ended_total', 1);
    await moved('active', 1);
    await b.dispose(); // the socket closes under a live subscription
    await moved('ended_total', 2);
    await moved('active', 0);
    expect(subscriptions(await metrics(), 'started_total') - subscriptions(before, 'started_total')).toBe(2);
    await a.dispose();
  });
});
