import type { DeliveryCounters } from '@sooc/partners-delivery';
import type { ReadDb } from '@sooc/read-store';
import { Gauge, type Registry } from 'prom-client';

/**
 * Deliveries as Prometheus sees them: messages delivered, failed (a retry is due) and parked by
 * this instance, and per endpoint the age of its oldest undelivered message, read from the
 * delivery log when scraped (so a standby reports what the active one left).
 */
export function deliveryMetrics(
  registry: Registry,
  readDb: ReadDb,
  counters: () => Readonly<DeliveryCounters> | null,
): void {
  for (const outcome of ['delivered', 'failed', 'parked'] as const)
    new Gauge({
      name: `sooc_webhook_messages_${outcome}`,
      help: `Webhook messages ${outcome} by this instance since it became active`,
      registers: [registry],
      collect() {
        this.set(counters()?.[outcome] ?? 0);
      },
    });
  new Gauge({
    name: 'sooc_webhook_oldest_undelivered_seconds',
    help: "Age of each endpoint's oldest pending webhook message",
    labelNames: ['endpoint'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await readDb
        .selectFrom('webhook_messages')
        .select(['endpoint_key', (eb) => eb.fn.min<string>('created_at').as('oldest')])
        .where('status', '=', 'pending')
        .groupBy('endpoint_key')
        .execute();
      const now = Date.now();
      for (const row of rows as { endpoint_key: string; oldest: string }[])
        this.set({ endpoint: row.endpoint_key }, (now - Date.parse(row.oldest)) / 1000);
    },
  });
}
