import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import { cohortHref } from '../route';
import { formErrors } from '../ui/api-errors';
import { ErrorNotice, Loading } from '../ui/status';

/** The cohort's groups and its enrolled learners' attendance, in one round trip (under GRAPHQL_MAX_COST). */
const GROUPS_SCREEN = graphql(`
  query ConsoleGroups($cohortId: ID!) {
    cohort(cohortId: $cohortId) {
      id
      cohortId
      title
      status
    }
    groups(cohortId: $cohortId) {
      id
      formation
      targetSize
      formedAt
      groups {
        groupId
        members {
          enrollmentId
          learnerId
          companyId
        }
      }
    }
    cohortDashboard(cohortId: $cohortId) {
      id
      settings {
        sessions
      }
    }
    enrolled: applications(cohortId: $cohortId, status: ENROLLED, first: 30) {
      totalCount
      edges {
        node {
          id
          learnerId
          attendedSessions
          attendance {
            session
            attended
          }
        }
      }
    }
  }
`);

const START_COHORT = graphql(`
  mutation ConsoleStartCohort($cohortId: ID!) {
    startCohort(input: { cohortId: $cohortId }) {
      cohort {
        id
        status
      }
    }
  }
`);

const RECORD_ATTENDANCE = graphql(`
  mutation ConsoleRecordAttendance($cohortId: ID!, $learnerId: ID!, $session: Int!, $attended: Boolean!) {
    recordAttendance(input: { cohortId: $cohortId, learnerId: $learnerId, session: $session, attended: $attended }) {
      application {
        id
        attendedSessions
        attendance {
          session
          attended
        }
      }
    }
  }
`);

/** The sessions shown as columns: the cohort's planned sessions, at most this many (the rest by scrolling a later version). */
const MAX_COLUMNS = 12;

/**
 * For facilitators (and admins): the groups formed, starting the cohort, and attendance per
 * session — each box records or corrects one mark through the API, which refuses it (and the
 * console shows why) while the cohort is not running.
 */
export function GroupsScreen({ cohortId }: { readonly cohortId: string }) {
  const { data, loading, error } = useQuery(GROUPS_SCREEN, { variables: { cohortId }, errorPolicy: 'all' });
  const [start] = useMutation(START_COHORT);
  const [record] = useMutation(RECORD_ATTENDANCE);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, message: string) => {
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(message);
    } catch (e) {
      const errors = formErrors(e);
      setProblem(
        errors.form ??
          Object.entries(errors.fields)
            .map(([f, m]) => `${f}: ${m}`)
            .join('; '),
      );
    }
  };
  if (loading && !data) return <Loading what="the groups" />;
  const cohort = data?.cohort;
  const sessions = Math.min(MAX_COLUMNS, data?.cohortDashboard?.settings.sessions ?? 0);
  const columns = Array.from({ length: sessions }, (_, i) => i + 1);
  return (
    <section aria-labelledby="groups-title">
      <h1 id="groups-title">Groups and attendance{cohort ? `: ${cohort.title}` : ''}</h1>
      <p>
        <a href={cohortHref(cohortId)}>Back to the cohort</a>
        {cohort && (
          <>
            {' '}
            · <span className={`badge status-${cohort.status.toLowerCase()}`}>{cohort.status.toLowerCase()}</span>
          </>
        )}
      </p>
      {error && <ErrorNotice error={error} what="part of the groups" />}
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="notice ok" role="status">
          {done}
        </p>
      )}
      {cohort?.status === 'CLOSED' && (
        <p>
          <button
            type="button"
            onClick={() => void run(() => start({ variables: { cohortId } }), 'The cohort is running.')}
          >
            Start the cohort
          </button>
        </p>
      )}
      <article className="panel" aria-labelledby="formed-title">
        <h2 id="formed-title">Groups</h2>
        {!data?.groups ? (
          <p className="empty">No groups formed yet.</p>
        ) : (
          <>
            <p className="sub">
              Formation {data.groups.formation}, groups of {data.groups.targetSize},{' '}
              {new Date(data.groups.formedAt).toLocaleString()}
            </p>
            <ul className="groups" data-testid="groups">
              {data.groups.groups.map((g) => (
                <li key={g.groupId}>
                  <strong>{g.groupId}</strong>:{' '}
                  {g.members.map((m) => m.learnerId + (m.companyId ? ` (${m.companyId})` : '')).join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
      <article className="panel" aria-labelledby="attendance-title">
        <h2 id="attendance-title">Attendance</h2>
        {!data?.enrolled || data.enrolled.edges.length === 0 ? (
          <p className="empty">Nobody is enrolled yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="attendance-title">
            <table data-testid="attendance">
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  {columns.map((s) => (
                    <th key={s} scope="col">
                      {s}
                    </th>
                  ))}
                  <th scope="col">Attended</th>
                </tr>
              </thead>
              <tbody>
                {data.enrolled.edges.map(({ node }) => {
                  const learnerId = node.learnerId ?? '';
                  return (
                    <tr key={node.id}>
                      <th scope="row">{learnerId}</th>
                      {columns.map((session) => {
                        const attended = node.attendance.some((a) => a.session === session && a.attended);
                        return (
                          <td key={session}>
                            <input
                              type="checkbox"
                              aria-label={`${learnerId} attended session ${session}`}
                              checked={attended}
                              onChange={(e) =>
                                void run(
                                  () =>
                                    record({ variables: { cohortId, learnerId, session, attended: e.target.checked } }),
                                  `Session ${session} recorded for ${learnerId}.`,
                                )
                              }
                            />
                          </td>
                        );
                      })}
                      <td data-testid={`attended-${learnerId}`}>{node.attendedSessions}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </article>
    </section>
  );
}
