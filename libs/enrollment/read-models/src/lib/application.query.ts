import type { EnrollmentStatus } from '@sooc/enrollment-domain';
import type { ApplicationRow, ApplicationView } from './application.read-model';
import { decodeApplicationCursor, encodeApplicationCursor, type ApplicationSort } from './application.cursor';
import { toApplicationView } from './application.view';
import type { EnrollmentReadDb } from './enrollment.read-model';
import { clampPageSize } from '@sooc/util';
import { MAX_PAGE_SIZE, type Connection } from './page.types';

export interface ListApplicationsArgs {
  readonly cohortId: string;
  readonly status?: string | null;
  readonly sort: ApplicationSort;
  /** Clamped to 1..100. */
  readonly first: number;
  readonly after?: string | null;
  /**
   * Only the applications of this company's employees who agreed that it sees them (what a
   * partner may read); every application when absent.
   */
  readonly companyId?: string;
}

export async function findApplication(db: EnrollmentReadDb, enrollmentId: string): Promise<ApplicationView | null> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('enrollment_id', '=', enrollmentId)
    .executeTakeFirst();
  return row ? toApplicationView(row) : null;
}

/** Every application of a learner, in the order they were submitted. */
export interface LearnerEnrollmentsArgs {
  readonly learnerId: string;
  /** Page size; the API defaults it to 20. */
  readonly first: number;
  readonly after?: string | null;
  /** As for `listApplications`. */
  readonly companyId?: string;
}

/** A learner's applications in the order they were submitted, a keyset page at a time (cursors as `listApplications` by arrival). */
export async function learnerEnrollments(
  db: EnrollmentReadDb,
  args: LearnerEnrollmentsArgs,
): Promise<Connection<ApplicationView>> {
  const first = clampPageSize(args.first, MAX_PAGE_SIZE);
  const after = args.after ? decodeApplicationCursor(args.after, 'arrival') : null;
  let page = db
    .selectFrom('applications')
    .selectAll()
    .where('learner_id', '=', args.learnerId)
    .orderBy('submitted_position')
    .limit(first + 1);
  if (after) page = page.where('submitted_position', '>', after.submittedPosition);
  let count = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where('learner_id', '=', args.learnerId);
  if (args.companyId !== undefined) {
    page = page.where('company_id', '=', args.companyId).where('share_with_company', '=', 1);
    count = count.where('company_id', '=', args.companyId).where('share_with_company', '=', 1);
  }
  const [rows, totals] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
  return pageOf(rows, first, 'arrival', totals.total);
}

/**
 * A cohort's applications for reviewers: by arrival (submission position), or by score (average
 * score desc, unreviewed last, then arrival). Keyset pages: a page never repeats or skips a row
 * because others were added meanwhile, only a row whose score changed may move.
 */
export async function listApplications(
  db: EnrollmentReadDb,
  args: ListApplicationsArgs,
): Promise<Connection<ApplicationView>> {
  const first = clampPageSize(args.first, MAX_PAGE_SIZE);
  const after = args.after ? decodeApplicationCursor(args.after, args.sort) : null;
  // Any text is accepted: an unknown status simply matches nothing.
  const status = (args.status ?? null) as EnrollmentStatus | null;

  let page = db
    .selectFrom('applications')
    .selectAll()
    .where('cohort_id', '=', args.cohortId)
    .limit(first + 1);
  if (status) page = page.where('status', '=', status);
  if (args.companyId !== undefined)
    page = page.where('company_id', '=', args.companyId).where('share_with_company', '=', 1);
  if (args.sort === 'score') {
    page = page.orderBy('average_score', (ob) => ob.desc().nullsLast()).orderBy('submitted_position');
    if (after && after.score !== null) {
      const score = after.score;
      page = page.where((eb) =>
        eb.or([
          eb('average_score', '<', score),
          eb.and([eb('average_score', '=', score), eb('submitted_position', '>', after.submittedPosition)]),
          eb('average_score', 'is', null),
        ]),
      );
    } else if (after) {
      page = page.where((eb) =>
        eb.and([eb('average_score', 'is', null), eb('submitted_position', '>', after.submittedPosition)]),
      );
    }
  } else {
    page = page.orderBy('submitted_position');
    if (after) page = page.where('submitted_position', '>', after.submittedPosition);
  }

  let count = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where('cohort_id', '=', args.cohortId);
  if (status) count = count.where('status', '=', status);
  if (args.companyId !== undefined)
    count = count.where('company_id', '=', args.companyId).where('share_with_company', '=', 1);

  const [rows, totals] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
  return pageOf(rows, first, args.sort, totals.total);
}

/** `first` rows of the `first + 1` read (the extra one says a next page exists), with the cursor after the last. */
function pageOf(
  rows: readonly ApplicationRow[],
  first: number,
  sort: ApplicationSort,
  total: number | string,
): Connection<ApplicationView> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map(toApplicationView),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last
        ? encodeApplicationCursor({ sort, score: last.average_score, submittedPosition: last.submitted_position })
        : null,
    },
    // PostgreSQL returns count(*) as a bigint, which pg may hand over as text.
    totalCount: Number(total),
  };
}
