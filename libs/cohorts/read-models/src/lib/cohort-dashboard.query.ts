import { defaultCohortSettings, type CohortSettings, type SelectionPolicy } from '@sooc/cohorts-domain';
import type { CohortDashboardView, CompanySeatsView, WaitlistEntryView } from './cohort-dashboard.read-model';
import type { CohortsReadDb } from './cohorts.read-model';
import { clampPageSize, flag, parseJsonColumn, scoreFromColumn } from '@sooc/util';

export const MAX_WAITLIST_PAGE = 1_000;

export interface CohortDashboardArgs {
  /** How many waitlist entries to list (default 100, clamped to 1..1000); the length is always the whole. */
  readonly waitlistFirst?: number;
  /** List the entries after this waitlist position (default 0: from the first), to page past the first 1,000. */
  readonly waitlistAfter?: number;
}

type Tally = { reserved: number; confirmed: number; waitlisted: number; applications: number };

/** The opaque reference of a waitlist place: the position of its waitlisting, which only the event store maps to a learner. */
export function waitlistReference(waitlistedPosition: string | null, enrollmentId: string): string {
  return waitlistedPosition === null ? `wl-${enrollmentId.length}` : `wl-${BigInt(waitlistedPosition).toString(36)}`;
}

/** The first entries of the waitlist in the order seats go to them (score desc, unscored last, then arrival). */
async function waitlistHead(
  db: CohortsReadDb,
  cohortId: string,
  byScore: boolean,
  blind: boolean,
  limit: number,
  after: number,
): Promise<WaitlistEntryView[]> {
  let query = db
    .selectFrom('cohort_seats')
    .select(['enrollment_id', 'learner_id', 'company_id', 'score', 'waitlisted_at', 'waitlisted_position'])
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'waitlisted');
  if (byScore) query = query.orderBy('score', (ob) => ob.desc().nullsLast());
  const rows = await query.orderBy('waitlisted_position').orderBy('enrollment_id').limit(limit).offset(after).execute();
  return rows.map((r, i) => ({
    position: after + i + 1,
    reference: waitlistReference(r.waitlisted_position, r.enrollment_id),
    enrollmentId: blind ? null : r.enrollment_id,
    learnerId: blind ? null : r.learner_id,
    companyId: blind ? null : r.company_id,
    score: scoreFromColumn(r.score),
    waitlistedAt: r.waitlisted_at,
  }));
}

/** Free seats and fill rate from the seats taken: the dashboard and the cohorts table round them alike. */
export function seatFill(
  capacity: number,
  reserved: number,
  confirmed: number,
): Pick<CohortDashboardView, 'free' | 'fillRate'> {
  const taken = reserved + confirmed;
  return {
    free: Math.max(0, capacity - taken),
    fillRate: capacity > 0 ? Math.min(1, Math.round((taken / capacity) * 10_000) / 10_000) : 0,
  };
}

const byCompany = (a: CompanySeatsView, b: CompanySeatsView): number => {
  if (a.companyId === b.companyId) return 0;
  if (a.companyId === null) return 1;
  if (b.companyId === null) return -1;
  return a.companyId < b.companyId ? -1 : 1;
};

/**
 * A cohort's seats, waitlist and applications at a glance. Counts are grouped in SQL (a cohort
 * may have thousands of applications); only the head of the waitlist is loaded.
 */
export async function findCohortDashboard(
  db: CohortsReadDb,
  cohortId: string,
  args: CohortDashboardArgs = {},
): Promise<CohortDashboardView | null> {
  const row = await db.selectFrom('cohort_dashboards').selectAll().where('cohort_id', '=', cohortId).executeTakeFirst();
  if (!row) return null;
  const waitlistFirst = clampPageSize(args.waitlistFirst ?? 100, MAX_WAITLIST_PAGE);

  const [seatGroups, applicationGroups, waitlist] = await Promise.all([
    db
      .selectFrom('cohort_seats')
      .select(['company_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('cohort_id', '=', cohortId)
      .where('status', 'in', ['reserved', 'confirmed', 'waitlisted'])
      .groupBy(['company_id', 'status'])
      .execute(),
    db
      .selectFrom('cohort_applications')
      .select(['company_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('cohort_id', '=', cohortId)
      .groupBy(['company_id', 'status'])
      .execute(),
    // A blind rubric hides who applied from reviewers. The rule is the read model's, not the edge's:
    // until authorization tells reviewers from admins, a blind cohort's waitlist shows only opaque
    // references to everyone (admins find the learners through the applications query).
    waitlistHead(
      db,
      cohortId,
      row.waitlist_order === 'score',
      flag(row.blind),
      waitlistFirst,
      Math.max(0, Math.trunc(args.waitlistAfter ?? 0)),
    ),
  ]);

  const quotas = parseJsonColumn<Record<string, number>>(row.quotas, {});
  const tallies = new Map<string | null, Tally>(
    Object.keys(quotas).map((id) => [id, { reserved: 0, confirmed: 0, waitlisted: 0, applications: 0 }]),
  );
  const tally = (companyId: string | null): Tally => {
    const found = tallies.get(companyId) ?? { reserved: 0, confirmed: 0, waitlisted: 0, applications: 0 };
    tallies.set(companyId, found);
    return found;
  };
  const totals = { reserved: 0, confirmed: 0, waitlisted: 0 };
  for (const g of seatGroups) {
    const status = g.status as keyof typeof totals;
    tally(g.company_id)[status] += Number(g.n);
    totals[status] += Number(g.n);
  }
  const byStatus = new Map<string, number>();
  for (const g of applicationGroups) {
    tally(g.company_id).applications += Number(g.n);
    byStatus.set(g.status, (byStatus.get(g.status) ?? 0) + Number(g.n));
  }

  return {
    cohortId: row.cohort_id,
    title: row.title,
    status: row.status,
    selectionPolicy: row.selection_policy,
    waitlistOrder: row.waitlist_order,
    capacity: row.capacity,
    reserved: totals.reserved,
    confirmed: totals.confirmed,
    ...seatFill(row.capacity, totals.reserved, totals.confirmed),
    waitlistLength: totals.waitlisted,
    waitlist,
    applicationsByStatus: [...byStatus]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([status, count]) => ({ status, count })),
    companies: [...tallies]
      .map(([companyId, t]) => ({
        companyId,
        quota: companyId !== null && companyId in quotas ? quotas[companyId] : null,
        ...t,
      }))
      .sort(byCompany),
    settings: parseJsonColumn<CohortSettings>(
      row.settings,
      defaultCohortSettings(row.selection_policy as SelectionPolicy),
    ),
    updatedAt: row.updated_at,
  };
}
