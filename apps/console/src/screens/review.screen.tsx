import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ConsoleReviewQuery } from '../gql/graphql';
import { learnerHref } from '../route';
import { canReadHistory, isAdmin } from '../session';
import { shortReference } from '../ui/reference';
import { ErrorNotice, Loading } from '../ui/status';
import { DecisionForm, type Decided } from './decision.form';
import { DecisionRecord } from './decision.record';
import { PastDecisionRecord } from './past-decision.record';
import { ReviewForm } from './review.form';
import { REVIEW_SCREEN } from './review.queries';
import { RubricPanel } from './rubric.panel';

type Queued = ConsoleReviewQuery['queue']['edges'][number]['node'];
type Open = { readonly reference: string; readonly action: 'score' | 'decide' } | null;

const score = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(1));

/** Who the application is, as far as the API lets the caller know: a blind reviewer gets the reference only. */
function applicant(a: { name?: string | null; learnerId?: string | null; email?: string | null; reference: string }) {
  return [a.name, a.learnerId, a.email].filter(Boolean).join(' · ') || shortReference(a.reference);
}

/**
 * A review cohort's selection: the rubric, the applications awaiting review (by their opaque
 * reference when the rubric is blind: the API leaves out who applied), a scoring form, and for
 * admins the decision and the record it was taken on.
 */
export function ReviewScreen({
  cohortId,
  role,
  subject,
}: {
  readonly cohortId: string;
  readonly role: string;
  readonly subject: string;
}) {
  const [at, setAt] = useState<string | null>(null);
  const query = useQuery(REVIEW_SCREEN, { variables: { cohortId, at }, errorPolicy: 'all' });
  // While the list is read again after a write, the screen keeps showing the previous one.
  const data = query.data ?? query.previousData;
  const { loading, error } = query;
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  // The decision just taken, with its record: the application leaves the queue as the list is read again.
  const [decided, setDecided] = useState<Decided | null>(null);
  if (loading && !data) return <Loading what="the review queue" />;
  const cohort = data?.cohort;
  const rubric = data?.rubric;
  const queue: readonly Queued[] = (data?.queue.edges ?? []).map((e) => e.node);
  const decisions = (data?.ranked.edges ?? []).flatMap(({ node }) =>
    node.decision ? [{ application: node, decision: node.decision }] : [],
  );
  const toggle = (reference: string, action: 'score' | 'decide') =>
    setOpen(open?.reference === reference && open.action === action ? null : { reference, action });
  const written = (message: string) => (position: string | null) => {
    if (position) setAt(position);
    setDone(message);
  };
  const selected = open ? queue.find((a) => a.reference === open.reference) : undefined;
  return (
    <section aria-labelledby="review-title" className="review">
      <h1 id="review-title">Review{cohort ? `: ${cohort.title}` : ''}</h1>
      <p>
        <a href="#/">Back to the cohorts</a>
      </p>
      {error && <ErrorNotice error={error} what="part of the review queue" />}
      {done && (
        <p className="notice ok" role="status">
          {done}
        </p>
      )}
      {decided && (
        <DecisionRecord
          decision={decided.decision}
          reason={decided.reason}
          decidedBy={decided.decidedBy}
          record={decided.record}
        />
      )}
      {rubric ? (
        <RubricPanel rubric={rubric} />
      ) : (
        data && <p className="notice">This cohort has no rubric yet: there is nothing to score against.</p>
      )}
      <article className="panel wide" aria-labelledby="queue-title">
        <h2 id="queue-title">
          Awaiting a decision <span className="count">{data?.queue.totalCount ?? 0}</span>
        </h2>
        {queue.length === 0 ? (
          <p className="empty">No application waits for a decision.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="queue-title">
            <table data-testid="review-queue">
              <thead>
                <tr>
                  <th scope="col">Application</th>
                  <th scope="col">Company</th>
                  <th scope="col">Level</th>
                  <th scope="col">Reviews</th>
                  <th scope="col">Your score</th>
                  <th scope="col">Average</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((a) => (
                  <tr key={a.id} data-testid={`queue-row-${a.reference}`}>
                    <th scope="row" title={a.reference}>
                      {applicant(a)}
                      {a.learnerId && canReadHistory(role) && (
                        <a className="sub" href={learnerHref(a.learnerId)} aria-label={`Timeline of ${a.learnerId}`}>
                          Timeline
                        </a>
                      )}
                    </th>
                    <td>{a.companyId ?? '—'}</td>
                    <td>{a.level.toLowerCase()}</td>
                    <td>
                      {a.reviewCount}
                      {rubric ? `/${rubric.reviewsRequired}` : ''}
                    </td>
                    <td data-testid={`my-score-${a.reference}`}>
                      {score(a.reviews.find((r) => r.reviewerId === subject)?.score)}
                    </td>
                    <td>{score(a.averageScore)}</td>
                    <td className="buttons">
                      {rubric && (
                        <button
                          type="button"
                          aria-expanded={open?.reference === a.reference && open.action === 'score'}
                          onClick={() => toggle(a.reference, 'score')}
                        >
                          Score {shortReference(a.reference)}
                        </button>
                      )}
                      {isAdmin(role) && a.learnerId && (
                        <button
                          type="button"
                          aria-expanded={open?.reference === a.reference && open.action === 'decide'}
                          onClick={() => toggle(a.reference, 'decide')}
                        >
                          Decide on {shortReference(a.reference)}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {selected && open && (
          <div className="grid">
            <section className="card" aria-label={`Dossier of ${shortReference(selected.reference)}`}>
              <h3>Dossier</h3>
              <p data-testid="dossier-motivation">{selected.motivation ?? 'No motivation is shown to this role.'}</p>
              {selected.reviews.length > 0 && (
                <ul>
                  {selected.reviews.map((r) => (
                    <li key={r.reviewerId}>
                      {r.reviewerId}: {score(r.score)}
                      {r.comment ? ` · ${r.comment}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {open.action === 'score' && rubric && (
              <ReviewForm
                key={selected.reference}
                cohortId={cohortId}
                reference={selected.reference}
                criteria={rubric.criteria}
                onReviewed={(position, value) =>
                  written(`Review of ${shortReference(selected.reference)} saved: ${value.toFixed(1)}/100.`)(position)
                }
              />
            )}
            {open.action === 'decide' && selected.learnerId && (
              <DecisionForm
                key={selected.reference}
                cohortId={cohortId}
                learnerId={selected.learnerId}
                onDecided={(decision, position) => {
                  setDecided(decision);
                  setOpen(null);
                  written(`Decision on ${shortReference(selected.reference)} recorded.`)(position);
                }}
              />
            )}
          </div>
        )}
      </article>
      <article className="panel wide" aria-labelledby="decided-title">
        <h2 id="decided-title">
          Decided <span className="count">{decisions.length}</span>
        </h2>
        <p className="sub">Among the 15 best scored applications.</p>
        {decisions.length === 0 ? (
          <p className="empty">Nothing decided yet.</p>
        ) : (
          <ul className="decided" data-testid="decided">
            {decisions.map(({ application: a, decision: d }) => (
              <li key={a.id}>
                <strong>{applicant(a)}</strong>: {d.decision.toLowerCase()} · rank {d.rank ?? '—'} of{' '}
                {d.rankedAmong ?? '—'} · average {score(d.averageScore)} · rubric v{d.rubricVersion ?? '—'}
                <span className="sub">
                  {' '}
                  {d.reason}
                  {d.decidedBy ? ` (${d.decidedBy.role} ${d.decidedBy.id})` : ''}
                </span>
                {canReadHistory(role) && a.enrollmentId && <PastDecisionRecord enrollmentId={a.enrollmentId} />}
              </li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}
