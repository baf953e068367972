import { useLazyQuery } from '@apollo/client/react';
import type { ConsoleDecisionRecordFragment } from '../gql/graphql';
import { ErrorNotice } from '../ui/status';
import { DecisionRecord } from './decision.record';
import { DECISION_HISTORY } from './review.queries';

interface Decided {
  readonly decision: string;
  readonly reason: string;
  readonly record: ConsoleDecisionRecordFragment;
}

/** The ApplicationDecided event's data, as the history keeps it (its fields are the record's own). */
function decidedFrom(data: unknown): Decided | null {
  const d = data as Partial<Decided> | null;
  if (!d || typeof d.decision !== 'string' || typeof d.reason !== 'string' || !d.record?.seats) return null;
  return { decision: d.decision, reason: d.reason, record: d.record };
}

/**
 * A past decision's whole record (the seats at that moment too), read from the history on demand:
 * the application's own view keeps the decision and its ranking, not the seats.
 */
export function PastDecisionRecord({ enrollmentId }: { readonly enrollmentId: string }) {
  const [load, { data, loading, error, called }] = useLazyQuery(DECISION_HISTORY);
  if (!called) {
    return (
      <button type="button" className="link" onClick={() => void load({ variables: { enrollmentId } })}>
        Show the decision record
      </button>
    );
  }
  if (loading) return <p role="status">Loading the record…</p>;
  if (error) return <ErrorNotice error={error} what="the decision record" />;
  const entries = data?.auditTrail.edges ?? [];
  return (
    <>
      {entries.map(({ node }) => {
        const decided = decidedFrom(node.data);
        return decided ? (
          <DecisionRecord
            key={node.position}
            decision={decided.decision}
            reason={decided.reason}
            decidedBy={node.actor}
            decidedAt={node.occurredAt}
            record={decided.record}
          />
        ) : null;
      })}
    </>
  );
}
