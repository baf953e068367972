import { scopedForPartner, type PartnerCloudEvent } from '@sooc/partners-domain';
import type { PartnersReadDb } from './partners.read-model';

export interface PartnerFeedFilter {
  readonly companyId: string;
  /** Feed events after this position key (exclusive); null from the start. */
  readonly after: string | null;
  /** At most this many, oldest first. */
  readonly first: number;
  /** Only these CloudEvents types; absent for all. */
  readonly types?: readonly string[];
  /** Up to this position key (inclusive): what a caller saw as the feed's head. */
  readonly upTo?: string;
  /** Only events that occurred at or after this instant (ISO-8601). */
  readonly since?: string;
}

export interface PartnerFeedEntry {
  readonly position: string;
  readonly cohortId: string;
  readonly event: PartnerCloudEvent;
  /** The trace the event was written in, for the delivery's span; not part of what partners read. */
  readonly traceparent: string | null;
}

/**
 * A company's feed: the events about its own employees' applications (the learner named only
 * with their consent) and the milestones of the cohorts they are in. Nothing about anyone else's
 * people: the company comes from the application, never from the event.
 */
export async function partnerFeed(db: PartnersReadDb, filter: PartnerFeedFilter): Promise<PartnerFeedEntry[]> {
  let query = db
    .selectFrom('partner_feed as f')
    .leftJoin('partner_enrollments as e', 'e.enrollment_id', 'f.enrollment_id')
    .select(['f.position', 'f.cohort_id', 'f.event', 'f.traceparent', 'e.share_with_company'])
    .where('f.position', '>', filter.after ?? '')
    .where((eb) =>
      eb.or([
        eb.and([eb('f.enrollment_id', 'is not', null), eb('e.company_id', '=', filter.companyId)]),
        eb.and([
          eb('f.enrollment_id', 'is', null),
          eb(
            'f.cohort_id',
            'in',
            eb.selectFrom('partner_enrollments').select('cohort_id').where('company_id', '=', filter.companyId),
          ),
        ]),
      ]),
    );
  if (filter.types) query = query.where('f.type', 'in', filter.types.length > 0 ? [...filter.types] : ['']);
  if (filter.upTo !== undefined) query = query.where('f.position', '<=', filter.upTo);
  if (filter.since !== undefined) query = query.where('f.time', '>=', filter.since);
  const rows = await query.orderBy('f.position').limit(filter.first).execute();
  return rows.map((row) => ({
    position: row.position,
    cohortId: row.cohort_id ?? '',
    event: scopedForPartner(JSON.parse(row.event) as PartnerCloudEvent, row.share_with_company === 1),
    traceparent: row.traceparent ?? null,
  }));
}

/** The feed's last position key (null while empty): how far a reader can see now. */
export async function partnerFeedHead(db: PartnersReadDb): Promise<string | null> {
  const row = await db
    .selectFrom('partner_feed')
    .select((eb) => eb.fn.max('position').as('head'))
    .executeTakeFirst();
  return row?.head ?? null;
}
