import { randomUUID } from 'node:crypto';
import { handleCommand, loadStream, type EventStore } from '@sooc/event-sourcing';
import { partnerDecider, signingSecrets, type PartnerState } from '@sooc/partners-domain';
import { partnerStream } from '@sooc/partners-domain/published';
import { checkWebhookUrl, nextAttemptAt, signWebhook, type RetryOptions } from '@sooc/partners-feed';
import type { PartnersReadDb, WebhookMessageRow } from '@sooc/partners-read-models';
import { Signal, type Clock } from '@sooc/timing';
import { errorMessage } from '@sooc/util';
import {
  dueMessages,
  endpointHealth,
  enqueue,
  loadEndpoints,
  recordAttempt,
  type DeliveryEndpoint,
  type Fence,
} from './delivery.store';
import { postWebhook } from './webhook.post';

export interface DeliverySettings {
  /** How often the worker looks for new feed events and due retries. */
  readonly tickMs: number;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** An endpoint failing without a success for this long is disabled (the partner sees why). */
  readonly disableAfterMs: number;
  /** Multiplies the published retry schedule (1 in production; small in tests). */
  readonly retryScale: number;
  /** Plain http refused (the URL policy's production rule). */
  readonly production: boolean;
  /** Loopback and private receivers allowed: tests only (SOOC_WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  tickMs: 250,
  timeoutMs: 10_000,
  maxResponseBytes: 4_096,
  disableAfterMs: 5 * 24 * 3_600_000,
  retryScale: 1,
  production: false,
  allowPrivate: false,
};

export interface DeliveryLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DeliveryCounters {
  delivered: number;
  failed: number;
  parked: number;
}

export interface WebhookDelivery {
  readonly counters: Readonly<DeliveryCounters>;
  /** Settles if the worker cannot go on (its lease was lost: the fence refused a write). */
  readonly failed: Promise<Error>;
  /** Runs a round now instead of at the next tick. */
  wake(): void;
  stop(): Promise<void>;
}

export interface DeliveryOptions {
  readonly eventStore: EventStore;
  readonly readDb: PartnersReadDb;
  readonly clock: Clock;
  readonly log: DeliveryLog;
  readonly settings?: Partial<DeliverySettings>;
  /** The lease's fence, run last in every transaction. */
  readonly fence?: Fence;
  readonly random?: () => number;
}

const HEADS_PER_ENDPOINT = 32;
const SYSTEM = { id: 'partner-feed', role: 'system' } as const;

/**
 * The delivery worker: each round, every endpoint's share of the feed becomes messages, and each
 * endpoint's due messages (the oldest pending of each cohort) are signed and POSTed. At least
 * once: a message is marked delivered only after a 2xx, in the transaction that records the
 * attempt, so a crash before that sends it again with the same `webhook-id`.
 */
export function startWebhookDelivery(options: DeliveryOptions): WebhookDelivery {
  const settings = { ...DEFAULT_DELIVERY_SETTINGS, ...options.settings };
  const { readDb: db, clock, log } = options;
  const fence: Fence = options.fence ?? (async () => undefined);
  const random = options.random ?? Math.random;
  const retry: RetryOptions = { scale: settings.retryScale };
  const stop = new Signal();
  const wakeup = new Signal();
  const counters: DeliveryCounters = { delivered: 0, failed: 0, parked: 0 };
  let fail!: (error: Error) => void;
  const failed = new Promise<Error>((resolve) => (fail = resolve));

  async function partnerState(partnerId: string): Promise<PartnerState> {
    return (await loadStream(options.eventStore, partnerDecider, partnerStream(partnerId))).state;
  }

  async function disable(endpoint: DeliveryEndpoint, reason: string): Promise<void> {
    await handleCommand(
      options.eventStore,
      partnerDecider,
      partnerStream(endpoint.partnerId),
      {
        type: 'DisableWebhookEndpoint',
        data: { partnerId: endpoint.partnerId, endpointId: endpoint.endpointId, reason },
      },
      { actor: SYSTEM, correlationId: randomUUID(), now: () => clock.now() },
    );
    log.warn(`endpoint ${endpoint.endpointId} of partner ${endpoint.partnerId} disabled: ${reason}`);
  }

  async function send(endpoint: DeliveryEndpoint, secrets: readonly string[], message: WebhookMessageRow) {
    const now = clock.now();
    const headers = signWebhook({ msgId: message.event_id, timestamp: now, payload: message.payload }, secrets);
    let outcome;
    try {
      const target = await checkWebhookUrl(endpoint.url, settings);
      outcome = await postWebhook(target, headers, message.payload, settings);
    } catch (error) {
      // The URL's host now resolves somewhere refused, or not at all: a failed attempt like any other.
      outcome = { kind: 'failed' as const, error: errorMessage(error), latencyMs: 0 };
    }
    const ok = outcome.kind === 'answered' && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const retryAt = ok ? null : nextAttemptAt(message.attempts + 1, clock.now(), random, retry);
    const next = ok
      ? ({ status: 'delivered' } as const)
      : retryAt
        ? ({ status: 'pending', at: retryAt } as const)
        : ({ status: 'parked' } as const);
    await recordAttempt(
      db,
      message,
      {
        at: now,
        statusCode: outcome.kind === 'answered' ? outcome.statusCode : null,
        error: outcome.kind === 'failed' ? outcome.error : null,
        latencyMs: outcome.latencyMs,
        response: outcome.kind === 'answered' ? outcome.response : null,
        next,
      },
      fence,
    );
    if (ok) counters.delivered++;
    else if (next.status === 'parked') counters.parked++;
    else counters.failed++;
    return outcome.kind === 'answered' ? outcome.statusCode : null;
  }

  async function serve(endpoint: DeliveryEndpoint): Promise<void> {
    const due = await dueMessages(db, endpoint.endpointId, clock.now(), HEADS_PER_ENDPOINT);
    if (due.length === 0) return;
    const partner = await partnerState(endpoint.partnerId);
    const state = partner.status === 'none' ? undefined : partner.endpoints[endpoint.endpointId];
    const secrets = state ? signingSecrets(state, clock.now()) : [];
    if (secrets.length === 0) return log.error(`endpoint ${endpoint.endpointId} has no signing secret: nothing sent`);
    const answers = await Promise.all(due.map((message) => send(endpoint, secrets, message)));
    if (answers.includes(410)) return disable(endpoint, 'the receiver answered 410 Gone');
    const health = await endpointHealth(db, endpoint.endpointId);
    if (health.failingSince && clock.now().getTime() - Date.parse(health.failingSince) >= settings.disableAfterMs)
      await disable(
        endpoint,
        `every delivery failed since ${health.failingSince} (last: ${health.lastError ?? 'unknown'})`,
      );
  }

  async function round(): Promise<void> {
    const endpoints = await loadEndpoints(db);
    for (const endpoint of endpoints) await enqueue(db, endpoint, clock.now(), fence);
    const serving = endpoints.filter((e) => e.status === 'enabled' && e.partnerStatus === 'active');
    await Promise.all(serving.map((endpoint) => serve(endpoint)));
  }

  const loop = (async () => {
    let seen = 0;
    while (!stop.isSet) {
      try {
        await round();
      } catch (error) {
        if (/lease/i.test(errorMessage(error))) return fail(error instanceof Error ? error : new Error(String(error)));
        log.error(`delivery round failed, trying again: ${errorMessage(error)}`);
      }
      if (stop.isSet) break;
      await Promise.race([wakeup.sleep(settings.tickMs, seen), stop.sleep(settings.tickMs)]);
      seen = wakeup.version;
    }
  })();

  return {
    counters,
    failed,
    wake: () => wakeup.fire(),
    async stop() {
      stop.fire();
      await loop;
    },
  };
}
