import type { ConsoleDecisionRecordFragment } from '../gql/graphql';

/** One decision and what it was based on: the record the selection kept when it decided. */
export interface DecisionRecordProps {
  readonly decision: string;
  readonly reason: string;
  readonly decidedBy: { readonly id: string; readonly role: string } | null;
  readonly decidedAt?: string | null;
  readonly record: ConsoleDecisionRecordFragment;
}

const score = (value: number | null | undefined) => (value == null ? 'none' : `${value.toFixed(1)}/100`);

/**
 * "Why was X waitlisted?": the decision, who took it and why, and the rubric version, reviews,
 * ranking and seats at that moment, as recorded (not as they stand now).
 */
export function DecisionRecord({ decision, reason, decidedBy, decidedAt, record }: DecisionRecordProps) {
  const { seats } = record;
  return (
    <section className="card decision-record" aria-label="Decision record" data-testid="decision-record">
      <h3>
        Decision: <span data-testid="decision-value">{decision.toLowerCase()}</span>
      </h3>
      <p>
        {reason}
        <span className="sub">
          {' '}
          by {decidedBy ? `${decidedBy.role} ${decidedBy.id}` : 'unrecorded'}
          {decidedAt ? `, ${new Date(decidedAt).toLocaleString()}` : ''}
        </span>
      </p>
      <dl className="legend">
        <div>
          <dt>Rubric version</dt>
          <dd data-testid="record-rubric-version">{record.rubricVersion ?? 'none'}</dd>
        </div>
        <div>
          <dt>Average score</dt>
          <dd>{score(record.averageScore)}</dd>
        </div>
        <div>
          <dt>Rank</dt>
          <dd data-testid="record-rank">
            {record.rank == null ? 'unranked' : `${record.rank} of ${record.rankedAmong}`}
          </dd>
        </div>
        <div>
          <dt>Seats then</dt>
          <dd data-testid="record-seats">
            {seats.capacity} seats, {seats.reserved} reserved, {seats.confirmed} confirmed, {seats.free} free,{' '}
            {seats.waitlisted} waiting
          </dd>
        </div>
        <div>
          <dt>Free in the applicant&apos;s pool</dt>
          <dd>
            {seats.freeInPool}
            {seats.quota ? ` (company quota ${seats.quota.used}/${seats.quota.seats} used)` : ''}
          </dd>
        </div>
      </dl>
      <h4>Reviews it was based on</h4>
      {record.reviews.length === 0 ? (
        <p className="empty">No review.</p>
      ) : (
        <ul data-testid="record-reviews">
          {record.reviews.map((r) => (
            <li key={r.reviewerId}>
              {r.reviewerId}: {score(r.score)} (rubric v{r.rubricVersion})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
