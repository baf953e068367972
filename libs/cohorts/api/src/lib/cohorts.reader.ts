import { Inject, Injectable } from '@nestjs/common';
import {
  encodeCohortCursor,
  findCohort,
  findCohortDashboard,
  findCourse,
  findGroups,
  listCohorts,
  type CohortsReadDb,
} from '@sooc/cohorts-read-models';
import type { CommandOutcome } from '@sooc/nest';
import type { ConnectionShape } from '@sooc/graphql';
import { READ_DB, ReadYourWrites, RequestContext } from '@sooc/nest';
import { CohortStatus } from './enums';
import { toCohortDashboard, toCohortGroups } from './cohort-dashboard.mapper';
import type { CohortDashboard } from './cohort-dashboard.type';
import type { CohortGroups } from './cohort-groups.type';
import { toCohort, toCourse } from './cohort.mapper';
import type { Cohort } from './cohort.type';
import type { CohortsArgs } from './cohorts.args';
import type { Course } from './course.type';

/**
 * The public catalogue: a caller without a token sees the cohorts open for applications, the
 * others every cohort (a cohort holds no learner data).
 */
function inCatalogue(status: string): boolean {
  return RequestContext.current().principal.authenticated || status === CohortStatus.OPEN;
}

/** The status filter an anonymous caller's `cohorts` runs with: open, whatever else was asked matches nothing. */
function catalogueStatus(asked: CohortStatus | null | undefined): CohortStatus | null | undefined {
  if (RequestContext.current().principal.authenticated) return asked;
  return asked == null || asked === CohortStatus.OPEN ? CohortStatus.OPEN : NO_STATUS;
}

const NO_STATUS = 'none' as CohortStatus;

/** The cohort read models as the API shows them, with read-your-writes on request. */
@Injectable()
export class CohortsReader {
  constructor(
    @Inject(READ_DB) private readonly db: CohortsReadDb,
    private readonly writes: ReadYourWrites,
  ) {}

  consistentWith(position: bigint | null | undefined): Promise<void> {
    return this.writes.consistentWith(position);
  }

  afterWrite(outcome: CommandOutcome): Promise<void> {
    return this.writes.afterWrite(outcome);
  }

  /** Null when there is none, and for an anonymous caller when it is not open for applications. */
  async cohort(id: string): Promise<Cohort | null> {
    const row = await findCohort(this.db, id);
    if (!row || !inCatalogue(row.status)) return null;
    return toCohort(row);
  }

  /** For payloads: the aggregate was just written, so a missing row is a bug, not a "not found". */
  async existingCohort(id: string): Promise<Cohort> {
    const cohort = await this.cohort(id);
    if (!cohort) throw new Error(`Cohort ${id} is missing from the read model after its write`);
    return cohort;
  }

  async cohorts(args: CohortsArgs): Promise<ConnectionShape<Cohort>> {
    const page = await listCohorts(this.db, {
      first: args.first,
      after: args.after,
      status: catalogueStatus(args.status),
    });
    const edges = page.nodes.map((row) => ({ cursor: encodeCohortCursor(row.plan_position), node: toCohort(row) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.pageInfo.hasNextPage,
        // Forward pagination only: a page that starts after a cursor has that cursor's node before it.
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: page.pageInfo.endCursor,
      },
    };
  }

  async course(id: string): Promise<Course | null> {
    const row = await findCourse(this.db, id);
    return row && toCourse(row);
  }

  async existingCourse(id: string): Promise<Course> {
    const course = await this.course(id);
    if (!course) throw new Error(`Course ${id} is missing from the read model after its write`);
    return course;
  }

  async dashboard(cohortId: string, waitlistFirst: number, waitlistAfter = 0): Promise<CohortDashboard | null> {
    const view = await findCohortDashboard(this.db, cohortId, { waitlistFirst, waitlistAfter });
    return view && toCohortDashboard(view);
  }

  async groups(cohortId: string): Promise<CohortGroups | null> {
    const view = await findGroups(this.db, cohortId);
    return view && toCohortGroups(view);
  }

  async existingGroups(cohortId: string): Promise<CohortGroups> {
    const groups = await this.groups(cohortId);
    if (!groups) throw new Error(`Groups of cohort ${cohortId} are missing from the read model after their formation`);
    return groups;
  }
}
