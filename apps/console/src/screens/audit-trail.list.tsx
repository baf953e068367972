import type { ConsoleAuditEntryFragment } from '../gql/graphql';
import { learnerHref } from '../route';

/** What the list shows of an entry: the screens' queries spread ConsoleAuditEntry (audit-entry.fragment.ts). */
export type AuditEntryView = ConsoleAuditEntryFragment;

interface AuditTrailListProps {
  readonly entries: readonly AuditEntryView[];
  readonly totalCount: number;
  readonly testId: string;
  /** Link each entry's learner to their own timeline (not on that timeline itself). */
  readonly linkLearners?: boolean;
}

/** Events in the order they happened: when, what, who caused it and why. */
export function AuditTrailList({ entries, totalCount, testId, linkLearners = false }: AuditTrailListProps) {
  if (entries.length === 0) return <p className="empty">Nothing happened up to then.</p>;
  return (
    <>
      <ol className="timeline" data-testid={testId}>
        {entries.map((node) => (
          <li key={node.position}>
            <time dateTime={node.occurredAt}>{new Date(node.occurredAt).toLocaleString()}</time>{' '}
            <strong>{node.type}</strong> · {node.summary}
            <span className="sub">
              {' '}
              by {node.actor.role} {node.actor.id}
              {node.reason ? ` · ${node.reason}` : ''}
            </span>
            {linkLearners && node.learnerId && (
              <>
                {' '}
                <a href={learnerHref(node.learnerId)}>Timeline of {node.learnerId}</a>
              </>
            )}
          </li>
        ))}
      </ol>
      {totalCount > entries.length && (
        <p className="sub">
          The first {entries.length} of {totalCount} events.
        </p>
      )}
    </>
  );
}
