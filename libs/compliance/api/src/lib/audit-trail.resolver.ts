import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  auditRecordOf,
  auditTrail,
  encodeAuditCursor,
  learnerEntries,
  type AuditEntryRow,
  type ComplianceReadDb,
} from '@sooc/compliance-read-models';
import { EnrollmentTimeline } from './learner-history.type';
import { READ_DB, ReadYourWrites } from '@sooc/nest';
import { AuditTrailArgs, LearnerHistoryArgs } from './audit-trail.args';
import { AuditEntry, AuditEntryConnection } from './audit-entry.type';

/** The audit trail read model as the API shows it, for those who answer for what happened. */
@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  constructor(
    @Inject(READ_DB) private readonly db: ComplianceReadDb,
    private readonly writes: ReadYourWrites,
  ) {}

  @Query(() => AuditEntryConnection, {
    description:
      'Who did what, when and why: every event of the history in the order it happened, narrowed by the filter (a cohort, a learner, one request and all it caused, …)',
  })
  async auditTrail(@Args() args: AuditTrailArgs): Promise<AuditEntryConnection> {
    await this.writes.consistentWith(args.consistentWith);
    const page = await auditTrail(this.db, { filter: args.filter ?? {}, first: args.first, after: args.after });
    const edges = page.entries.map((row) => ({ cursor: cursorOf(row), node: toAuditEntry(row) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: page.endCursor,
      },
    };
  }

  @Query(() => [EnrollmentTimeline], {
    description:
      'Every application of a learner, each with its timeline (who did what, when and why), in the order they applied; empty for a learner the history does not know',
  })
  async learnerHistory(@Args() { learnerId, consistentWith }: LearnerHistoryArgs): Promise<EnrollmentTimeline[]> {
    await this.writes.consistentWith(consistentWith);
    const byEnrollment = new Map<string, EnrollmentTimeline>();
    for (const row of await learnerEntries(this.db, learnerId)) {
      // Events about the learner outside an application (their erasure) are in the audit trail.
      if (row.enrollment_id === null) continue;
      const key = row.enrollment_id;
      const timeline = byEnrollment.get(key) ?? { enrollmentId: key, cohortId: row.cohort_id, timeline: [] };
      timeline.timeline.push(toAuditEntry(row));
      byEnrollment.set(key, timeline);
    }
    return [...byEnrollment.values()];
  }
}

const cursorOf = (row: AuditEntryRow): string => encodeAuditCursor(row.position);

function toAuditEntry(row: AuditEntryRow): AuditEntry {
  const record = auditRecordOf(row);
  return { ...record, position: BigInt(record.position), data: { ...record.data } };
}
