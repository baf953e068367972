import type { ApplicationSubmitted } from '@sooc/enrollment-domain/published';
import type { DomainEvent, RecordedEvent } from '@sooc/event-sourcing';
import { migrateToLatest, openReadDatabase, type ReadDialect } from '@sooc/read-store';
import { testDatabase } from '@sooc/read-store/testing';
import type { Kysely } from 'kysely';
import { partnerEnrollmentProjection } from '../lib/partner-enrollment.projection';
import { applyFeedEvent } from '../lib/partner-feed.projection';
import { partnersMigrations } from '../lib/partners.migrations';
import type { PartnerEnrollmentRow, PartnersDatabase } from '../lib/partners.read-model';

/** A migrated partners read database of the dialect, and how to drop it. */
export async function partnersTestDatabase(
  dialect: ReadDialect,
): Promise<{ db: Kysely<PartnersDatabase>; dispose: () => Promise<void> }> {
  const target = await testDatabase(dialect);
  const read = openReadDatabase(target.url);
  const db = read.db as Kysely<PartnersDatabase>;
  await migrateToLatest(db, [partnersMigrations]);
  return {
    db,
    dispose: async () => {
      await read.close();
      await target.dispose();
    },
  };
}

/** What the projector writes for these events into the two tables the feed query joins. */
export async function projectFeed(
  db: Kysely<PartnersDatabase>,
  events: readonly RecordedEvent<DomainEvent>[],
): Promise<void> {
  // Named apart: eslint takes `projection.apply(…)` for Function.prototype.apply.
  const enrollment = partnerEnrollmentProjection.apply;
  for (const event of events) {
    if (event.type === 'ApplicationSubmitted')
      await db
        .insertInto('partner_enrollments')
        .values(enrollment(null, event as RecordedEvent<ApplicationSubmitted>) as PartnerEnrollmentRow)
        .execute();
    const row = applyFeedEvent(null, event);
    if (row) await db.insertInto('partner_feed').values(row).execute();
  }
}
