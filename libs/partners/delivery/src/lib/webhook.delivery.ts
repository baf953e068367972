import { handleCommand, loadStream, newCorrelationId, type EventStore } from '@sooc/event-sourcing';
import { deliverableEndpoint, partnerDecider, signingSecrets, type PartnerState } from '@sooc/partners-domain';
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
import { Tracing } from '@sooc/util';

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
  /**
   * The endpoint's signing secrets in clear: the store keeps them sealed (PARTNER_SECRET_DATA), so
   * the wiring passes the vault's `reveal`. A secret that does not open (its key gone) reads
   * `[erased]` and is never used to sign.
   */
  readonly openSecrets: (sealed: readonly string[]) => Promise<readonly string[]>;
}

const HEADS_PER_ENDPOINT = 32;
/** A share per endpoint and round, so that one endpoint's backlog does not hold up the enqueueing of new events. */
const MESSAGES_PER_ROUND = 500;
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
      { actor: SYSTEM, correlationId: newCorrelationId(), now: () => clock.now() },
    );
    log.warn(`endpoint ${endpoint.endpointId} of partner ${endpoint.partnerId} disabled: ${reason}`);
  }

  /**
   * A span per attempt (tracing on), in the trace that wrote the event: the message keeps its
   * event's traceparent. An event written untraced starts a trace of its own.
   */
  function send(endpoint: DeliveryEndpoint, secrets: readonly string[], message: WebhookMessageRow) {
    return Tracing.inSpan(
      'webhook delivery',
      {
        parent: Tracing.continuing(message.traceparent),
        attributes: {
          'sooc.partner': endpoint.partnerId,
          'sooc.endpoint': endpoint.endpointId,
          'sooc.event.id': message.event_id,
          'sooc.event.type': message.type,
          'sooc.attempt': message.attempts + 1,
        },
      },
      async (span) => {
        const statusCode = await attempt(endpoint, secrets, message);
        span?.setAttribute('http.response.status_code', statusCode ?? 0);
        return statusCode;
      },
    );
  }

  async function attempt(endpoint: DeliveryEndpoint, secrets: readonly string[], message: WebhookMessageRow) {
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

  /**
   * Sends the endpoint's due messages, the head of each cohort at a time, until none is due or a
   * round's share is spent; returns how many were sent.
   */
  async function serve(endpoint: DeliveryEndpoint): Promise<number> {
    let sent = 0;
    let secrets: readonly string[] | null = null;
    while (sent < MESSAGES_PER_ROUND && !stop.isSet) {
      const due = await dueMessages(db, endpoint.key, clock.now(), HEADS_PER_ENDPOINT);
      if (due.length === 0) break;
      if (secrets === null) {
        // The read model that listed the endpoint as enabled may not yet show a disable (this
        // worker's own, a round ago), a removal or a suspension: its partner's stream says.
        const state = deliverableEndpoint(await partnerState(endpoint.partnerId), endpoint.endpointId);
        if (!state) return sent;
        const opened = await options.openSecrets(signingSecrets(state, clock.now()));
        secrets = opened.filter((secret) => secret.startsWith('whsec_'));
      }
      if (secrets.length === 0) {
        log.error(`endpoint ${endpoint.endpointId} has no signing secret: nothing sent`);
        return sent;
      }
      const signing = secrets;
      const answers = await Promise.all(due.map((message) => send(endpoint, signing, message)));
      sent += due.length;
      if (answers.includes(410)) {
        await disable(endpoint, 'the receiver answered 410 Gone');
        return sent;
      }
      // A failure puts that cohort's head off until its retry; the others are served next round.
      if (answers.some((status) => status === null || status < 200 || status >= 300)) break;
    }
    await disableIfFailingTooLong(endpoint);
    return sent;
  }

  async function disableIfFailingTooLong(endpoint: DeliveryEndpoint): Promise<void> {
    const health = await endpointHealth(db, endpoint.key);
    if (health.failingSince && clock.now().getTime() - Date.parse(health.failingSince) >= settings.disableAfterMs)
      await disable(
        endpoint,
        `every delivery failed since ${health.failingSince} (last: ${health.lastError ?? 'unknown'})`,
      );
  }

  /** One round over every endpoint; the number of messages sent (another round follows at once if any). */
  async function round(): Promise<number> {
    const endpoints = await loadEndpoints(db);
    for (const endpoint of endpoints) await enqueue(db, endpoint, clock.now(), fence);
    const serving = endpoints.filter((e) => e.status === 'enabled' && e.partnerStatus === 'active');
    const sent = await Promise.all(serving.map((endpoint) => serve(endpoint)));
    return sent.reduce((a, b) => a + b, 0);
  }

  const loop = (async () => {
    let seen = 0;
    while (!stop.isSet) {
      try {
        if ((await round()) > 0) continue;
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
