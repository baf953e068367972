import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { partnerHref } from '../route';
import { Outcome, useAction } from '../ui/action';
import { ErrorNotice, Loading } from '../ui/status';
import { DELIVERIES, REPLAY } from './partner.queries';

const STATUSES = ['pending', 'delivered', 'parked', 'cancelled'] as const;
/** The feed retries on its own schedule; the log is read again this often while the screen is open. */
const POLL_MS = 3_000;

/**
 * An endpoint's delivery log, newest first: each message, every try (time, HTTP status or error,
 * latency), the next try or its final state. A message that failed (parked, or pending after a
 * failed try) can be sent again: the replay re-sends from its position on, with the same
 * `webhook-id`s, so the receiver drops what it already has.
 */
export function DeliveriesScreen({
  partnerId,
  endpointId,
}: {
  readonly partnerId: string;
  readonly endpointId: string;
}) {
  const [status, setStatus] = useState('');
  const { data, loading, error, refetch } = useQuery(DELIVERIES, {
    variables: { partnerId, endpointId, status: status || null, after: null },
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const [replay] = useMutation(REPLAY);
  const action = useAction();
  const log = data?.webhookDeliveries;
  return (
    <section aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">Delivery log of {endpointId}</h1>
      <p>
        <a href={partnerHref(partnerId)}>Back to the endpoints of {partnerId}</a>
      </p>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="delivery-status">Status</label>
          <select id="delivery-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      <Outcome outcome={action.outcome} />
      {loading && !data && <Loading what="the delivery log" />}
      {error && <ErrorNotice error={error} what="the delivery log" />}
      {log && log.nodes.length === 0 && <p className="empty">No message yet.</p>}
      {log && log.nodes.length > 0 && (
        <ol className="deliveries" data-testid="deliveries">
          {log.nodes.map((m) => {
            const failed = m.status === 'parked' || (m.status === 'pending' && m.attempts.length > 0);
            return (
              <li
                key={`${m.eventId}/${m.generation}`}
                className="card"
                data-testid={`delivery-${m.eventId}-${m.generation}`}
              >
                <h2 className="delivery-title">
                  <span className={`badge status-${m.status}`}>{m.status}</span> {m.type}
                </h2>
                <p className="sub">
                  {m.eventId} · cohort {m.cohortId}
                  {m.generation > 0 ? ` · replay ${m.generation}` : ''}
                  {m.deliveredAt ? ` · delivered ${new Date(m.deliveredAt).toLocaleString()}` : ''}
                  {m.nextAttemptAt ? ` · next try ${new Date(m.nextAttemptAt).toLocaleString()}` : ''}
                </p>
                {m.attempts.length > 0 && (
                  <ol className="attempts" aria-label={`Tries of ${m.eventId}`}>
                    {m.attempts.map((a) => (
                      <li key={a.attempt}>
                        <time dateTime={a.at}>{new Date(a.at).toLocaleString()}</time>:{' '}
                        <strong>
                          {a.statusCode !== null && a.statusCode !== undefined ? `HTTP ${a.statusCode}` : a.error}
                        </strong>{' '}
                        in {a.latencyMs} ms
                      </li>
                    ))}
                  </ol>
                )}
                {failed && (
                  <button
                    type="button"
                    aria-label={`Replay from this message: ${m.eventId}`}
                    onClick={() =>
                      void action.run(
                        async () => {
                          const result = await replay({
                            variables: { input: { partnerId, endpointId, fromPosition: m.position } },
                          });
                          void refetch();
                          return result;
                        },
                        () => `Replay asked from ${m.eventId}: its messages and the later ones are sent again.`,
                      )
                    }
                  >
                    Replay from this message
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {log?.pageInfo.hasNextPage && <p className="sub">The newest 50 messages; older ones are not shown.</p>}
    </section>
  );
}
