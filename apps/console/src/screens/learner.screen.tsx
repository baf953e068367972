import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { auditHref } from '../route';
import { AsOfField, useAsOf } from '../ui/as-of';
import { ErrorNotice, Loading } from '../ui/status';
import { AuditTrailList } from './audit-trail.list';

/**
 * A learner's trail up to the chosen instant, across every cohort they applied to (one round
 * trip; 50 entries, under the gateway's cost limit), with the entry fields the cohort's trail shows.
 */
const LEARNER_SCREEN = graphql(`
  query ConsoleLearner($learnerId: ID!, $at: DateTime!) {
    auditTrail(filter: { learnerId: $learnerId, to: $at }, first: 50) {
      totalCount
      edges {
        node {
          ...ConsoleAuditEntry
          cohortId
        }
      }
    }
  }
`);

/**
 * One learner's history for those who answer for it (compliance, admins): every event about them,
 * in every cohort, up to the instant chosen — who applied, who decided what, when and why.
 */
export function LearnerScreen({ learnerId }: { readonly learnerId: string }) {
  const asOf = useAsOf();
  const { data, loading, error } = useQuery(LEARNER_SCREEN, {
    variables: { learnerId, at: asOf.at.toISOString() },
    errorPolicy: 'all',
  });
  const trail = data?.auditTrail;
  const cohorts = [...new Set((trail?.edges ?? []).map((e) => e.node.cohortId).filter((c): c is string => !!c))];
  return (
    <section aria-labelledby="learner-title">
      <h1 id="learner-title">Learner timeline: {learnerId}</h1>
      <p>
        <a href="#/">Back to the cohorts</a>
        {cohorts.map((c) => (
          <span key={c}>
            {' '}
            · <a href={auditHref(c)}>Timeline of cohort {c}</a>
          </span>
        ))}
      </p>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AsOfField asOf={asOf} />
      </form>
      {loading && !data && <Loading what="the learner's history" />}
      {error && <ErrorNotice error={error} what="the learner's history" />}
      {trail && (
        <article className="panel wide" aria-labelledby="learner-trail-title">
          <h2 id="learner-trail-title">
            Events as of {asOf.at.toLocaleString()} <span className="count">{trail.totalCount}</span>
          </h2>
          <AuditTrailList
            entries={trail.edges.map((e) => e.node)}
            totalCount={trail.totalCount}
            testId="learner-trail"
          />
        </article>
      )}
    </section>
  );
}
