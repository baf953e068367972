import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import type { CohortStatus } from '../gql/graphql';
import { cohortHref, reviewHref } from '../route';
import { canReview, canSeeDashboards } from '../session';
import { ErrorNotice, Loading } from '../ui/status';

const COHORTS = graphql(`
  query ConsoleCohorts($first: Int!, $after: String, $status: CohortStatus) {
    cohorts(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        cursor
        node {
          id
          cohortId
          title
          courseTitle
          status
          capacity
          selectionPolicy
          startsOn
          endsOn
          applicationWindow {
            opensAt
            closesAt
          }
          # Null for the roles that may not read the cohort's dashboard: the API decides, the row shows capacity alone.
          fill {
            capacity
            reserved
            confirmed
            fillRate
            waitlistLength
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const STATUSES: readonly CohortStatus[] = ['PLANNED', 'OPEN', 'CLOSED', 'RUNNING', 'COMPLETED', 'CANCELLED'];
const PAGE_SIZE = 10;

/**
 * Every cohort the caller may see, a page at a time, filtered by status: one request per page,
 * each row's fill and waitlist included (Cohort.fill, read for the whole page at once).
 */
export function CohortsScreen({ role }: { readonly role: string }) {
  const [status, setStatus] = useState<CohortStatus | ''>('');
  // The cursors of the pages before this one: "Previous" pops one (the API pages forward only).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error } = useQuery(COHORTS, {
    variables: { first: PAGE_SIZE, after, status: status || null },
  });
  const cohorts = data?.cohorts;
  const page = cursors.length;
  return (
    <section aria-labelledby="cohorts-title">
      <h1 id="cohorts-title">Cohorts</h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="status-filter">Status</label>
          <select
            id="status-filter"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as CohortStatus | '');
              setCursors([null]);
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        {cohorts && (
          <p className="count" aria-live="polite">
            {cohorts.totalCount} cohort{cohorts.totalCount === 1 ? '' : 's'}, page {page}
          </p>
        )}
      </div>
      {loading && !data && <Loading what="cohorts" />}
      {error && <ErrorNotice error={error} what="the cohorts" />}
      {cohorts && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cohorts-title">
          <table className="cohorts-table">
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Status</th>
                <th scope="col">Dates</th>
                <th scope="col">Applications</th>
                <th scope="col">Fill</th>
                <th scope="col">Waitlist</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.edges.map(({ node }) => (
                <tr key={node.id} data-testid={`cohort-row-${node.cohortId}`}>
                  <th scope="row">
                    {canSeeDashboards(role) ? <a href={cohortHref(node.cohortId)}>{node.title}</a> : node.title}
                    <span className="sub">{node.courseTitle ?? node.cohortId}</span>
                    {canReview(role) && node.selectionPolicy === 'REVIEW' && (
                      <a className="sub" href={reviewHref(node.cohortId)} aria-label={`Review queue of ${node.title}`}>
                        Review queue
                      </a>
                    )}
                  </th>
                  <td>
                    <span className={`badge status-${node.status.toLowerCase()}`}>{node.status.toLowerCase()}</span>
                  </td>
                  <td>
                    {node.startsOn} → {node.endsOn}
                  </td>
                  <td>
                    {node.applicationWindow.opensAt.slice(0, 10)} → {node.applicationWindow.closesAt.slice(0, 10)}
                  </td>
                  <CohortFill cohortId={node.cohortId} capacity={node.capacity} fill={node.fill ?? null} />
                </tr>
              ))}
            </tbody>
          </table>
          {cohorts.edges.length === 0 && <p className="empty">No cohort matches.</p>}
        </div>
      )}
      <nav className="pager" aria-label="Pages of cohorts">
        <button type="button" disabled={page === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!cohorts?.pageInfo.hasNextPage}
          onClick={() => setCursors([...cursors, cohorts?.pageInfo.endCursor ?? null])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

/** A row's fill bar and waitlist length; without a fill (a role that may not read it), the capacity alone. */
function CohortFill({
  cohortId,
  capacity,
  fill,
}: {
  readonly cohortId: string;
  readonly capacity: number;
  readonly fill: {
    capacity: number;
    reserved: number;
    confirmed: number;
    fillRate: number;
    waitlistLength: number;
  } | null;
}) {
  if (!fill) {
    return (
      <>
        <td>{capacity} seats</td>
        <td>—</td>
      </>
    );
  }
  const taken = fill.reserved + fill.confirmed;
  const percent = Math.round(fill.fillRate * 100);
  return (
    <>
      <td>
        <div className="fill">
          <meter min={0} max={fill.capacity} value={taken} aria-label={`${cohortId} fill`}>
            {percent}%
          </meter>
          <span>
            {taken}/{fill.capacity}
          </span>
        </div>
      </td>
      <td data-testid={`waitlist-${cohortId}`}>{fill.waitlistLength}</td>
    </>
  );
}
