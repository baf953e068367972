import type { CohortStatus, CohortView } from './cohort.read-model';
import { decodeCohortCursor, encodeCohortCursor } from './cohort.cursor';
import type { CohortsDatabase } from './cohorts.read-model';
import type { Kysely } from 'kysely';

export const MAX_PAGE_SIZE = 100;

export interface ListCohortsArgs {
  readonly status?: CohortStatus | null;
  /** Clamped to 1..100: a client cannot ask for an unbounded page. */
  readonly first: number;
  readonly after?: string | null;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Connection<Node> {
  readonly nodes: readonly Node[];
  readonly pageInfo: PageInfo;
  /** Matches of the filter across all pages, not only after the cursor. */
  readonly totalCount: number;
}

export function clampPageSize(first: number): number {
  if (!Number.isFinite(first)) return 1;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(first)));
}

function cohortsWithCourse(db: Kysely<CohortsDatabase>) {
  return db
    .selectFrom('cohorts')
    .leftJoin('courses', 'courses.course_id', 'cohorts.course_id')
    .selectAll('cohorts')
    .select('courses.title as course_title');
}

export async function findCohort(db: Kysely<CohortsDatabase>, cohortId: string): Promise<CohortView | null> {
  const row = await cohortsWithCourse(db).where('cohorts.cohort_id', '=', cohortId).executeTakeFirst();
  return row ?? null;
}

/** Cohorts in plan order (the position of CohortPlanned), which never changes, so pages never shift. */
export async function listCohorts(db: Kysely<CohortsDatabase>, args: ListCohortsArgs): Promise<Connection<CohortView>> {
  const first = clampPageSize(args.first);
  const after = args.after ? decodeCohortCursor(args.after) : null;
  const status = args.status ?? null;

  let page = cohortsWithCourse(db)
    .orderBy('cohorts.plan_position')
    .limit(first + 1);
  if (status) page = page.where('cohorts.status', '=', status);
  if (after) page = page.where('cohorts.plan_position', '>', after);

  let count = db.selectFrom('cohorts').select((eb) => eb.fn.countAll<number | string>().as('total'));
  if (status) count = count.where('status', '=', status);

  const [rows, totals] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCohortCursor(last.plan_position) : null },
    // PostgreSQL returns count(*) as a bigint, which pg hands over as text unless told otherwise.
    totalCount: Number(totals.total),
  };
}
