import type { WebhookEventTypes } from '@sooc/partners-domain/published';
import { partnerFeed, partnerFeedHead, type PartnersReadDb, type WebhookMessageRow } from '@sooc/partners-read-models';
import { positionKey } from '@sooc/util';

/** An endpoint as the worker serves it: with its partner's company and state. */
export interface DeliveryEndpoint {
  /** `<partnerId>/<endpointId>`: what the delivery tables key an endpoint by. */
  readonly key: string;
  readonly endpointId: string;
  readonly partnerId: string;
  readonly companyId: string;
  readonly url: string;
  readonly eventTypes: WebhookEventTypes;
  readonly status: string;
  readonly partnerStatus: string;
  readonly addedPosition: string;
  readonly replayId: string | null;
  readonly replayFromPosition: string | null;
  readonly replayFromTime: string | null;
}

export type Fence = (trx: PartnersReadDb) => Promise<void>;

const NEW_PER_TICK = 500;
const REPLAY_MAX = 100_000;

export async function loadEndpoints(db: PartnersReadDb): Promise<DeliveryEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints as e')
    .innerJoin('partners as p', 'p.partner_id', 'e.partner_id')
    .select([
      'e.endpoint_key',
      'e.endpoint_id',
      'e.partner_id',
      'p.company_id',
      'e.url',
      'e.event_types',
      'e.status',
      'p.status as partner_status',
      'e.added_position',
      'e.replay_id',
      'e.replay_from_position',
      'e.replay_from_time',
    ])
    .orderBy('e.endpoint_key')
    .execute();
  return rows.map((r) => ({
    key: r.endpoint_key,
    endpointId: r.endpoint_id,
    partnerId: r.partner_id,
    companyId: r.company_id,
    url: r.url,
    eventTypes: JSON.parse(r.event_types) as WebhookEventTypes,
    status: r.status,
    partnerStatus: r.partner_status,
    addedPosition: r.added_position,
    replayId: r.replay_id,
    replayFromPosition: r.replay_from_position,
    replayFromTime: r.replay_from_time,
  }));
}

/** The position key just before `key`: a replay "from" a position includes that position. */
function before(key: string): string {
  const position = BigInt(key);
  return position > 0n ? positionKey(position - 1n) : '';
}

/**
 * Whether enqueue would write anything. Most rounds find nothing new: answered by reads alone, with
 * no write transaction to contend with the projector's (SQLite has one writer).
 */
async function hasWork(db: PartnersReadDb, endpoint: DeliveryEndpoint): Promise<boolean> {
  const cursor = await db
    .selectFrom('webhook_cursors')
    .selectAll()
    .where('endpoint_key', '=', endpoint.key)
    .executeTakeFirst();
  if (!cursor) return true;
  if (endpoint.status === 'removed') {
    const pending = await db
      .selectFrom('webhook_messages')
      .select('position')
      .where('endpoint_key', '=', endpoint.key)
      .where('status', '=', 'pending')
      .limit(1)
      .executeTakeFirst();
    return pending !== undefined;
  }
  if (endpoint.replayId !== null && endpoint.replayId !== cursor.replay_id) return true;
  const head = await partnerFeedHead(db);
  return head !== null && head > cursor.position;
}

/**
 * Turns the endpoint's share of the feed into messages, in one transaction with its cursor: the
 * feed events after the cursor (its company's, of the types it asked for), and once per replay
 * asked for, the events from the replay's start up to the cursor again, as a new generation that
 * keeps their ids. A removed endpoint's pending messages are cancelled.
 */
export async function enqueue(
  db: PartnersReadDb,
  endpoint: DeliveryEndpoint,
  now: Date,
  fence: Fence,
): Promise<number> {
  if (!(await hasWork(db, endpoint))) return 0;
  return db.transaction().execute(async (trx) => {
    let cursor = await trx
      .selectFrom('webhook_cursors')
      .selectAll()
      .where('endpoint_key', '=', endpoint.key)
      .executeTakeFirst();
    if (!cursor) {
      cursor = {
        endpoint_key: endpoint.key,
        position: endpoint.addedPosition,
        replay_id: null,
        generation: 0,
        failing_since: null,
        last_error: null,
      };
      await trx.insertInto('webhook_cursors').values(cursor).execute();
    }
    if (endpoint.status === 'removed') {
      await trx
        .updateTable('webhook_messages')
        .set({ status: 'cancelled' })
        .where('endpoint_key', '=', endpoint.key)
        .where('status', '=', 'pending')
        .execute();
      await fence(trx);
      return 0;
    }
    const types = endpoint.eventTypes === 'all' ? {} : { types: endpoint.eventTypes };
    const messages = (generation: number, entries: Awaited<ReturnType<typeof partnerFeed>>) =>
      entries.map((e): WebhookMessageRow => ({
        endpoint_key: endpoint.key,
        position: e.position,
        generation,
        event_id: e.event.id,
        type: e.event.type,
        cohort_id: e.cohortId,
        payload: JSON.stringify(e.event),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now.toISOString(),
        created_at: now.toISOString(),
        last_attempt_at: null,
        delivered_at: null,
        traceparent: e.traceparent,
      }));
    let added = 0;
    const insert = async (rows: WebhookMessageRow[]) => {
      for (let i = 0; i < rows.length; i += 100)
        await trx
          .insertInto('webhook_messages')
          .values(rows.slice(i, i + 100))
          .execute();
      added += rows.length;
    };

    if (endpoint.replayId !== null && endpoint.replayId !== cursor.replay_id) {
      const generation = cursor.generation + 1;
      const replayed = await partnerFeed(trx, {
        companyId: endpoint.companyId,
        after: endpoint.replayFromPosition === null ? null : before(endpoint.replayFromPosition),
        first: REPLAY_MAX,
        upTo: cursor.position,
        ...(endpoint.replayFromTime === null ? {} : { since: endpoint.replayFromTime }),
        ...types,
      });
      await insert(messages(generation, replayed));
      cursor = { ...cursor, replay_id: endpoint.replayId, generation };
    }

    const head = await partnerFeedHead(trx);
    const fresh =
      head === null || head <= cursor.position
        ? []
        : await partnerFeed(trx, {
            companyId: endpoint.companyId,
            after: cursor.position,
            first: NEW_PER_TICK,
            upTo: head,
            ...types,
          });
    await insert(messages(0, fresh));
    const reached =
      fresh.length === NEW_PER_TICK ? (fresh.at(-1)?.position ?? cursor.position) : (head ?? cursor.position);
    await trx
      .updateTable('webhook_cursors')
      .set({
        position: reached > cursor.position ? reached : cursor.position,
        replay_id: cursor.replay_id,
        generation: cursor.generation,
      })
      .where('endpoint_key', '=', endpoint.key)
      .execute();
    await fence(trx);
    return added;
  });
}

/**
 * The messages of one endpoint that may be sent now: for each cohort, its oldest pending message
 * if its time has come. A message waiting for a retry holds back its cohort's later ones (the
 * ordering promise), not other cohorts'.
 */
export async function dueMessages(
  db: PartnersReadDb,
  endpointKey: string,
  now: Date,
  limit: number,
): Promise<WebhookMessageRow[]> {
  return db
    .selectFrom('webhook_messages as m')
    .selectAll('m')
    .where('m.endpoint_key', '=', endpointKey)
    .where('m.status', '=', 'pending')
    .where('m.next_attempt_at', '<=', now.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_messages as p')
            .select('p.position')
            .whereRef('p.endpoint_key', '=', 'm.endpoint_key')
            .whereRef('p.cohort_id', '=', 'm.cohort_id')
            .where('p.status', '=', 'pending')
            .where((eb) =>
              eb.or([
                eb('p.position', '<', eb.ref('m.position')),
                eb.and([eb('p.position', '=', eb.ref('m.position')), eb('p.generation', '<', eb.ref('m.generation'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('m.position')
    .orderBy('m.generation')
    .limit(limit)
    .execute();
}

export interface AttemptRecord {
  readonly at: Date;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly latencyMs: number;
  readonly response: string | null;
  /** delivered, or pending again (with when), or parked once the schedule is spent. */
  readonly next:
    | { readonly status: 'delivered' }
    | { readonly status: 'pending'; readonly at: Date }
    | { readonly status: 'parked' };
}

/** Writes an attempt, the message's new state and the endpoint's health in one transaction. */
export async function recordAttempt(
  db: PartnersReadDb,
  message: WebhookMessageRow,
  attempt: AttemptRecord,
  fence: Fence,
): Promise<void> {
  const at = attempt.at.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        endpoint_key: message.endpoint_key,
        position: message.position,
        generation: message.generation,
        attempt: message.attempts + 1,
        at,
        status_code: attempt.statusCode,
        error: attempt.error,
        latency_ms: attempt.latencyMs,
        response: attempt.response,
      })
      .execute();
    await trx
      .updateTable('webhook_messages')
      .set({
        status: attempt.next.status,
        attempts: message.attempts + 1,
        last_attempt_at: at,
        next_attempt_at: attempt.next.status === 'pending' ? attempt.next.at.toISOString() : null,
        delivered_at: attempt.next.status === 'delivered' ? at : null,
      })
      .where('endpoint_key', '=', message.endpoint_key)
      .where('position', '=', message.position)
      .where('generation', '=', message.generation)
      .execute();
    const failure = attempt.error ?? (attempt.next.status === 'delivered' ? null : `HTTP ${attempt.statusCode}`);
    await trx
      .updateTable('webhook_cursors')
      .set(
        failure === null
          ? { failing_since: null, last_error: null }
          : (eb) => ({ failing_since: eb.fn.coalesce('failing_since', eb.val(at)), last_error: failure }),
      )
      .where('endpoint_key', '=', message.endpoint_key)
      .execute();
    await fence(trx);
  });
}

/** When the endpoint's deliveries began to fail without a success since, and the last failure. */
export async function endpointHealth(
  db: PartnersReadDb,
  endpointKey: string,
): Promise<{ failingSince: string | null; lastError: string | null }> {
  const row = await db
    .selectFrom('webhook_cursors')
    .select(['failing_since', 'last_error'])
    .where('endpoint_key', '=', endpointKey)
    .executeTakeFirst();
  return { failingSince: row?.failing_since ?? null, lastError: row?.last_error ?? null };
}
