import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useContext, useEffect, useState } from 'react';
import { ConsoleClientContext } from '../apollo.client';
import { BarChart } from '../charts/bar.chart';
import { SeatsChart } from '../charts/seats.chart';
import { countByDay, TimelineChart } from '../charts/timeline.chart';
import { auditHref, groupsHref, learnerHref, reviewHref } from '../route';
import { canFormGroups, canReadHistory, isAdmin } from '../session';
import { ErrorNotice, Loading } from '../ui/status';
import { CohortActions } from './cohort.actions';
import { COHORT_LISTS, COHORT_SCREEN, DASHBOARD_UPDATED } from './cohort.queries';

/** Offers expiring within this many hours are flagged. */
const SOON_HOURS = 24;

/**
 * One cohort, live: the seats, the waitlist in order, each company's quota use, applications by
 * status and over time, the offers held; the dashboard subscription keeps it current, and the
 * actions the role may take sit under it.
 */
export function CohortScreen({ cohortId, role }: { readonly cohortId: string; readonly role: string }) {
  const { data, loading, error, refetch } = useQuery(COHORT_SCREEN, {
    variables: { cohortId },
    // A role may read some parts and not others (a facilitator's applications, not a reviewer's dashboard): show what it may.
    errorPolicy: 'all',
  });
  const client = useApolloClient();
  const live = useSubscription(DASHBOARD_UPDATED, {
    variables: { cohortId },
    // The dashboard merges into the cache by its id; the applications lists are read again.
    onData: () =>
      void client
        .query({ query: COHORT_LISTS, variables: { cohortId }, fetchPolicy: 'network-only' })
        .catch(() => undefined),
  });
  // A change committed between the screen's query and the subscription's start would show only
  // at the next change: once the socket is up, the screen reads itself again, and says it is live.
  const socket = useContext(ConsoleClientContext);
  const [connected, setConnected] = useState(false);
  useEffect(
    () =>
      socket?.onConnected(() => {
        setConnected(true);
        void refetch();
      }),
    [socket, refetch],
  );
  if (loading && !data) return <Loading what="the cohort" />;
  const cohort = data?.cohort;
  const dashboard = data?.cohortDashboard;
  if (!cohort) {
    return (
      <section>
        <h1>Cohort {cohortId}</h1>
        {error ? <ErrorNotice error={error} what="the cohort" /> : <p className="notice">No cohort has this id.</p>}
      </section>
    );
  }
  const now = Date.now();
  const offers = [...(data?.offered?.edges ?? [])]
    .map((e) => e.node)
    .sort((a, b) => (a.offerExpiresAt ?? '').localeCompare(b.offerExpiresAt ?? ''));
  return (
    <section aria-labelledby="cohort-title" className="cohort">
      <header className="cohort-header">
        <h1 id="cohort-title">{cohort.title}</h1>
        <p className="sub">
          {cohort.courseTitle ?? cohort.cohortId} ·{' '}
          <span className={`badge status-${cohort.status.toLowerCase()}`}>{cohort.status.toLowerCase()}</span> ·{' '}
          {cohort.startsOn} → {cohort.endsOn} · applications {cohort.applicationWindow.opensAt.slice(0, 10)} →{' '}
          {cohort.applicationWindow.closesAt.slice(0, 10)} · {cohort.selectionPolicy.toLowerCase().replace('_', ' ')}
        </p>
        <p className="links">
          <a href={groupsHref(cohort.cohortId)}>Groups and attendance</a>
          {canReadHistory(role) && <a href={auditHref(cohort.cohortId)}>Audit timeline</a>}
          {isAdmin(role) && cohort.selectionPolicy === 'REVIEW' && (
            <a href={reviewHref(cohort.cohortId)}>Review and decide</a>
          )}
        </p>
        <p className="live" role="status" data-testid="live-status">
          {live.error
            ? `Live updates stopped: ${live.error.message}`
            : dashboard && connected
              ? `Live · updated ${new Date(dashboard.updatedAt).toLocaleTimeString()}`
              : ''}
        </p>
      </header>
      {error && <ErrorNotice error={error} what="part of the cohort" />}
      {dashboard && (
        <div className="grid">
          <article className="panel" aria-labelledby="seats-title">
            <h2 id="seats-title">Seats</h2>
            <SeatsChart seats={dashboard} />
          </article>
          <article className="panel" aria-labelledby="waitlist-title">
            <h2 id="waitlist-title">
              Waitlist{' '}
              <span className="count" data-testid="waitlist-length">
                {dashboard.waitlistLength}
              </span>
            </h2>
            {dashboard.waitlist.length === 0 ? (
              <p className="empty">Nobody waits.</p>
            ) : (
              <ol className="waitlist" data-testid="waitlist">
                {dashboard.waitlist.map((w) => (
                  <li key={w.reference}>
                    <span>{w.learnerId ?? w.reference}</span>
                    {w.companyId && <span className="sub"> · {w.companyId}</span>}
                    {w.score != null && <span className="sub"> · score {w.score.toFixed(1)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </article>
          <article className="panel" aria-labelledby="companies-title">
            <h2 id="companies-title">Seats per company</h2>
            <BarChart
              title="Seats held per company against its quota"
              testId="company-chart"
              bars={dashboard.companies.map((c) => ({
                label: c.companyId ?? 'independent',
                value: c.reserved + c.confirmed,
                limit: c.quota,
                text: `${c.reserved + c.confirmed}${c.quota != null ? ` of ${c.quota}` : ''} held · ${c.waitlisted} waiting`,
              }))}
            />
          </article>
          <article className="panel" aria-labelledby="by-status-title">
            <h2 id="by-status-title">Applications by status</h2>
            <BarChart
              title="Applications by status"
              testId="status-chart"
              bars={dashboard.applicationsByStatus
                .filter((s) => s.count > 0)
                .map((s) => ({ label: s.status.toLowerCase(), value: s.count, text: String(s.count) }))}
            />
          </article>
          <article className="panel wide" aria-labelledby="over-time-title">
            <h2 id="over-time-title">Applications over time</h2>
            {data?.recent ? (
              <>
                <TimelineChart days={countByDay(data.recent.edges.map((e) => e.node.submittedAt))} />
                {data.recent.totalCount > data.recent.edges.length && (
                  <p className="sub">
                    The first {data.recent.edges.length} of {data.recent.totalCount} applications.
                  </p>
                )}
              </>
            ) : (
              <p className="empty">Not available to this role.</p>
            )}
          </article>
          <article className="panel wide" aria-labelledby="offers-title">
            <h2 id="offers-title">Offers held</h2>
            {offers.length === 0 ? (
              <p className="empty">No offer is waiting for an answer.</p>
            ) : (
              <table data-testid="offers">
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col">Company</th>
                    <th scope="col">Expires</th>
                  </tr>
                </thead>
                <tbody>
                  {offers.map((o) => {
                    const hours = o.offerExpiresAt ? (Date.parse(o.offerExpiresAt) - now) / 3_600_000 : Infinity;
                    return (
                      <tr key={o.id} className={hours <= SOON_HOURS ? 'soon' : undefined}>
                        <td>
                          {o.learnerId && canReadHistory(role) ? (
                            <a href={learnerHref(o.learnerId)}>{o.learnerId}</a>
                          ) : (
                            (o.learnerId ?? o.reference)
                          )}
                        </td>
                        <td>{o.companyId ?? '—'}</td>
                        <td>
                          {o.offerExpiresAt ? new Date(o.offerExpiresAt).toLocaleString() : '—'}
                          {hours <= SOON_HOURS && <strong> · within {SOON_HOURS} h</strong>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </article>
        </div>
      )}
      {(isAdmin(role) || canFormGroups(role)) && (
        <CohortActions
          cohortId={cohort.cohortId}
          status={cohort.status}
          capacity={cohort.capacity}
          admin={isAdmin(role)}
        />
      )}
    </section>
  );
}
