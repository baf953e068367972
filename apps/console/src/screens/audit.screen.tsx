import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import { cohortHref } from '../route';
import { AsOfField, useAsOf } from '../ui/as-of';
import { Field } from '../ui/field';
import { ErrorNotice, Loading } from '../ui/status';
import { AuditTrailList } from './audit-trail.list';

/** The cohort as it stood at the instant chosen, and what happened up to it (one round trip, under GRAPHQL_MAX_COST). */
const AUDIT_SCREEN = graphql(`
  query ConsoleAudit($cohortId: ID!, $at: DateTime!, $learnerId: ID) {
    cohortAsOf(cohortId: $cohortId, at: { time: $at }) {
      title
      status
      capacity
      reserved
      confirmed
      lastChangedAt
      roster {
        learnerId
      }
      waitlist {
        position
      }
    }
    auditTrail(filter: { cohortId: $cohortId, learnerId: $learnerId, to: $at }, first: 50) {
      totalCount
      edges {
        node {
          ...ConsoleAuditEntry
        }
      }
    }
  }
`);

/**
 * A cohort's history for those who answer for it (compliance, admins): the cohort as it stood at
 * the chosen instant, folded from its events, and every event up to it, optionally one learner's.
 */
export function AuditScreen({ cohortId }: { readonly cohortId: string }) {
  const asOf = useAsOf();
  const [learnerId, setLearnerId] = useState('');
  const at = asOf.at;
  const { data, loading, error } = useQuery(AUDIT_SCREEN, {
    variables: { cohortId, at: at.toISOString(), learnerId: learnerId.trim() || null },
    errorPolicy: 'all',
  });
  const past = data?.cohortAsOf;
  const trail = data?.auditTrail;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit timeline</h1>
      <p>
        <a href={cohortHref(cohortId)}>Back to the cohort</a>
      </p>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AsOfField asOf={asOf} />
        <Field
          label="Learner id"
          hint="Empty: every learner"
          value={learnerId}
          onChange={(e) => setLearnerId(e.target.value)}
        />
      </form>
      {loading && !data && <Loading what="the history" />}
      {error && <ErrorNotice error={error} what="the history" />}
      {data && !past && !error && <p className="notice">The cohort did not exist yet at that instant.</p>}
      {past && (
        <article className="panel" aria-labelledby="as-of-title" data-testid="as-of">
          <h2 id="as-of-title">
            {past.title} as of {at.toLocaleString()}
          </h2>
          <dl className="legend">
            <div>
              <dt>Status</dt>
              <dd data-testid="as-of-status">{past.status.toLowerCase()}</dd>
            </div>
            <div>
              <dt>Capacity</dt>
              <dd data-testid="as-of-capacity">{past.capacity}</dd>
            </div>
            <div>
              <dt>Reserved</dt>
              <dd>{past.reserved}</dd>
            </div>
            <div>
              <dt>Confirmed</dt>
              <dd>{past.confirmed}</dd>
            </div>
            <div>
              <dt>Waiting</dt>
              <dd>{past.waitlist.length}</dd>
            </div>
            <div>
              <dt>Last change</dt>
              <dd>{new Date(past.lastChangedAt).toLocaleString()}</dd>
            </div>
          </dl>
        </article>
      )}
      {trail && (
        <article className="panel wide" aria-labelledby="trail-title">
          <h2 id="trail-title">
            Events <span className="count">{trail.totalCount}</span>
          </h2>
          <AuditTrailList
            entries={trail.edges.map((e) => e.node)}
            totalCount={trail.totalCount}
            testId="audit-trail"
            linkLearners
          />
        </article>
      )}
    </section>
  );
}
