import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  allProjections,
  createMetricsRegistry,
  projectedEventTypes,
  registerProjectionMetrics,
  visibilityObserver,
  workerActiveGauge,
} from '@sooc/runtime';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { SubscriptionMeter } from './access/graphql-ws.auth';
import type { Infrastructure } from './infrastructure';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export interface GatewayMetrics {
  /** Served at GET /metrics. */
  readonly registry: Registry;
  /** Counts and times every GraphQL operation over HTTP. */
  readonly plugin: ApolloPlugin;
  /** Counts graphql-ws subscriptions: started, ended, active, by root field. */
  readonly subscriptions: SubscriptionMeter;
}

/**
 * The gateway's Prometheus metrics: Node's defaults, the store head, checkpoints and lag read at
 * each scrape (the same figures the projector reports, whichever process projects), the embedded
 * workers' roles and how soon their read models show an append (`sooc_read_model_visible_seconds`),
 * `sooc_graphql_operations_total{type,outcome}` with its duration histogram, and how long each
 * append took the event store (`sooc_event_store_append_seconds{outcome}`).
 */
export function createGatewayMetrics(infrastructure: Infrastructure): GatewayMetrics {
  const registry = createMetricsRegistry('gateway');
  registerProjectionMetrics(registry, {
    eventStore: infrastructure.eventStore,
    readDb: infrastructure.readDatabase.db,
    projections: allProjections().map((p) => p.name),
    eventTypes: projectedEventTypes(),
  });
  const { embedded } = infrastructure;
  if (embedded) {
    embedded.runner.onBatchCommitted(visibilityObserver(registry));
    workerActiveGauge(registry, 'projector', () => embedded.roles().projector === 'active');
    workerActiveGauge(registry, 'reactor', () => embedded.roles().reactor === 'active');
  }
  const operations = new Counter({
    name: 'sooc_graphql_operations_total',
    help: 'GraphQL operations answered over HTTP, by type (query, mutation, unknown when it did not parse) and outcome (ok, error)',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'sooc_graphql_operation_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response (mutations include their read-your-writes wait)',
    labelNames: ['type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const appends = new Histogram({
    name: 'sooc_event_store_append_seconds',
    help: "Time the event store took to answer an append of the gateway's requests, by outcome (ok, conflict: refused for its expected revision and retried, error)",
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  infrastructure.onAppend(({ seconds, outcome }) => appends.observe({ outcome }, seconds));
  const plugin: ApolloPlugin = {
    async requestDidStart() {
      const started = performance.now();
      let failed = false;
      return {
        async didEncounterErrors() {
          failed = true;
        },
        async willSendResponse({ operation }) {
          const type = operation?.operation ?? 'unknown';
          operations.inc({ type, outcome: failed ? 'error' : 'ok' });
          seconds.observe({ type }, (performance.now() - started) / 1_000);
        },
      };
    },
  };
  return { registry, plugin, subscriptions: subscriptionMeter(registry) };
}

/**
 * `sooc_graphql_subscriptions_active{operation}` (gauge), `…_started_total` and `…_ended_total`
 * (counters), labelled by the subscription's root field: a bounded set, the schema's.
 */
function subscriptionMeter(registry: Registry): SubscriptionMeter {
  const labelNames = ['operation'];
  const active = new Gauge({
    name: 'sooc_graphql_subscriptions_active',
    help: 'graphql-ws subscriptions open now, by root field',
    labelNames,
    registers: [registry],
  });
  const started = new Counter({
    name: 'sooc_graphql_subscriptions_started_total',
    help: 'graphql-ws subscriptions started, by root field',
    labelNames,
    registers: [registry],
  });
  const ended = new Counter({
    name: 'sooc_graphql_subscriptions_ended_total',
    help: 'graphql-ws subscriptions ended (completed by the client, the socket closed, or the source ended), by root field',
    labelNames,
    registers: [registry],
  });
  return (operation) => {
    started.inc({ operation });
    active.inc({ operation });
    return () => {
      ended.inc({ operation });
      active.dec({ operation });
    };
  };
}
