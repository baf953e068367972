import type { PartnersReadDb, WebhookAttemptRow, WebhookMessageRow } from './partners.read-model';

export interface WebhookDeliveriesFilter {
  /** `<partnerId>/<endpointId>` (endpointKey). */
  readonly endpointKey: string;
  /** pending | delivered | parked | cancelled; absent for all. */
  readonly status?: string;
  readonly first: number;
  /** The cursor of the last message seen (`position:generation`), newest first. */
  readonly after: string | null;
}

export interface WebhookDelivery {
  readonly message: WebhookMessageRow;
  readonly attempts: readonly WebhookAttemptRow[];
}

export interface WebhookDeliveriesPage {
  readonly deliveries: readonly WebhookDelivery[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const cursorOf = (m: Pick<WebhookMessageRow, 'position' | 'generation'>) => `${m.position}:${m.generation}`;

/**
 * An endpoint's delivery log, newest first: each message with every attempt made (time, status
 * or error, latency, the first bytes of the answer) and its next attempt or final state.
 */
export async function webhookDeliveries(
  db: PartnersReadDb,
  filter: WebhookDeliveriesFilter,
): Promise<WebhookDeliveriesPage> {
  let query = db.selectFrom('webhook_messages').selectAll().where('endpoint_key', '=', filter.endpointKey);
  if (filter.status) query = query.where('status', '=', filter.status);
  const after = filter.after ? /^(\d+):(\d+)$/.exec(filter.after) : null;
  if (after) {
    const [, position = '', generationText = '0'] = after;
    const generation = Number(generationText);
    query = query.where((eb) =>
      eb.or([
        eb('position', '<', position),
        eb.and([eb('position', '=', position), eb('generation', '<', generation)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('position', 'desc')
    .orderBy('generation', 'desc')
    .limit(filter.first + 1)
    .execute();
  const page = rows.slice(0, filter.first);
  const attempts =
    page.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .selectAll()
          .where('endpoint_key', '=', filter.endpointKey)
          .where(
            'position',
            'in',
            page.map((m) => m.position),
          )
          .orderBy('attempt')
          .execute();
  return {
    deliveries: page.map((message) => ({
      message,
      attempts: attempts.filter((a) => a.position === message.position && a.generation === message.generation),
    })),
    hasNextPage: rows.length > filter.first,
    endCursor: page.length > 0 ? cursorOf(page[page.length - 1] as WebhookMessageRow) : null,
  };
}

/** What Prometheus and the partner see of an endpoint's health: counts by state, the oldest pending. */
export async function webhookDeliveryStats(
  db: PartnersReadDb,
  endpointKey: string,
): Promise<{ byStatus: Record<string, number>; oldestPendingAt: string | null }> {
  const rows = await db
    .selectFrom('webhook_messages')
    .select([
      'status',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.min<string>('created_at').as('oldest'),
    ])
    .where('endpoint_key', '=', endpointKey)
    .groupBy('status')
    .execute();
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  return { byStatus, oldestPendingAt: rows.find((r) => r.status === 'pending')?.oldest ?? null };
}
