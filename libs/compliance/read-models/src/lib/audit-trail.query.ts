import { ValidationError } from '@sooc/event-sourcing';
import { clampPageSize, decodePositionCursor, encodePositionCursor } from '@sooc/util';
import type { AuditEntryRow } from './audit-entry.read-model';
import type { ComplianceReadDb } from './compliance.read-model';

/** Every criterion narrows the trail; none given is the whole history. */
export interface AuditTrailFilter {
  readonly cohortId?: string | null;
  readonly learnerId?: string | null;
  readonly enrollmentId?: string | null;
  readonly correlationId?: string | null;
  readonly actorId?: string | null;
  readonly types?: readonly string[] | null;
  /** ISO-8601 instants: occurred at or after `from`, before `to`. */
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface AuditTrailArgs {
  readonly filter: AuditTrailFilter;
  readonly first: number;
  readonly after?: string | null;
}

export interface AuditTrailPage {
  readonly entries: readonly AuditEntryRow[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const PREFIX = 'audit:';
const MAX_PAGE_SIZE = 200;

export const encodeAuditCursor = (position: string): string => encodePositionCursor(PREFIX, position);

/** The trail in the order things happened (position order), a keyset page at a time. */
export async function auditTrail(db: ComplianceReadDb, args: AuditTrailArgs): Promise<AuditTrailPage> {
  const first = clampPageSize(args.first, MAX_PAGE_SIZE);
  const after = args.after ? decodePositionCursor(PREFIX, args.after) : null;
  if (args.after && after === null)
    throw new ValidationError('PAGINATION.CURSOR_INVALID', 'The cursor is not one this list returned', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  const f = args.filter;
  let page = db
    .selectFrom('audit_entries')
    .selectAll()
    .orderBy('position')
    .limit(first + 1);
  let count = db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number | string>().as('total'));
  const equal = [
    ['cohort_id', f.cohortId],
    ['learner_id', f.learnerId],
    ['enrollment_id', f.enrollmentId],
    ['correlation_id', f.correlationId],
    ['actor_id', f.actorId],
  ] as const;
  for (const [column, value] of equal) {
    if (value == null) continue;
    page = page.where(column, '=', value);
    count = count.where(column, '=', value);
  }
  if (f.types && f.types.length > 0) {
    page = page.where('type', 'in', [...f.types]);
    count = count.where('type', 'in', [...f.types]);
  }
  if (f.from) {
    page = page.where('occurred_at', '>=', f.from);
    count = count.where('occurred_at', '>=', f.from);
  }
  if (f.to) {
    page = page.where('occurred_at', '<', f.to);
    count = count.where('occurred_at', '<', f.to);
  }
  if (after) page = page.where('position', '>', after);
  const [rows, totals] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
  const entries = rows.slice(0, first);
  const last = entries[entries.length - 1];
  return {
    entries,
    totalCount: Number(totals.total),
    hasNextPage: rows.length > first,
    endCursor: last ? encodeAuditCursor(last.position) : null,
  };
}

/** Most entries a learner's history reads at once: a learner's whole history is far smaller. */
const LEARNER_HISTORY_CAP = 10_000;

/** Everything recorded about one learner, in the order it happened. */
export async function learnerEntries(db: ComplianceReadDb, learnerId: string): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_entries')
    .selectAll()
    .where('learner_id', '=', learnerId)
    .orderBy('position')
    .limit(LEARNER_HISTORY_CAP)
    .execute();
}
