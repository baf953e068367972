import type { AuditEntryRow } from './audit-entry.read-model';
import { learnerEntries } from './audit-trail.query';
import type { ComplianceReadDb } from './compliance.read-model';

/** One event of the trail as plain JSON: what an export file holds. Personal fields stay sealed until revealed. */
export interface AuditRecord {
  readonly position: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly stream: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly cohortId: string | null;
  readonly learnerId: string | null;
  readonly enrollmentId: string | null;
  readonly summary: string;
  readonly reason: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export function auditRecordOf(row: AuditEntryRow): AuditRecord {
  return {
    position: String(BigInt(row.position)),
    occurredAt: row.occurred_at,
    type: row.type,
    stream: row.stream_id,
    actor: { id: row.actor_id, role: row.actor_role },
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    cohortId: row.cohort_id,
    learnerId: row.learner_id,
    enrollmentId: row.enrollment_id,
    summary: row.summary,
    reason: row.reason,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** Everything recorded about a learner: each application with its events, and their erasures. */
export interface LearnerRecord {
  readonly learnerId: string;
  readonly enrollments: readonly {
    readonly enrollmentId: string;
    readonly cohortId: string | null;
    readonly events: readonly AuditRecord[];
  }[];
  /** LearnerErased and any other event about the learner outside an application. */
  readonly other: readonly AuditRecord[];
}

export async function learnerRecord(db: ComplianceReadDb, learnerId: string): Promise<LearnerRecord> {
  const enrollments = new Map<string, { enrollmentId: string; cohortId: string | null; events: AuditRecord[] }>();
  const other: AuditRecord[] = [];
  for (const row of await learnerEntries(db, learnerId)) {
    const record = auditRecordOf(row);
    if (row.enrollment_id === null) {
      other.push(record);
      continue;
    }
    const entry = enrollments.get(row.enrollment_id) ?? {
      enrollmentId: row.enrollment_id,
      cohortId: row.cohort_id,
      events: [],
    };
    entry.events.push(record);
    enrollments.set(row.enrollment_id, entry);
  }
  return { learnerId, enrollments: [...enrollments.values()], other };
}
