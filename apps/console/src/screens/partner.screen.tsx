import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { deliveriesHref } from '../route';
import { Outcome, useAction } from '../ui/action';
import { ErrorNotice, Loading } from '../ui/status';
import { EndpointAddForm, NewSecret } from './endpoint-add.form';
import { DISABLE_ENDPOINT, ENABLE_ENDPOINT, ENDPOINTS, REMOVE_ENDPOINT, ROTATE_SECRET } from './partner.queries';

/**
 * One partner's webhook endpoints: where each posts, whether it receives (and why not), how far a
 * secret rotation is; registering one, rotating its secret, disabling and enabling it. A secret is
 * shown once, in the answer of the mutation that made it, as the API promises.
 */
export function PartnerScreen({ partnerId }: { readonly partnerId: string }) {
  const { data, loading, error, refetch } = useQuery(ENDPOINTS, {
    variables: { partnerId },
    fetchPolicy: 'cache-and-network',
  });
  const endpoints = data?.webhookEndpoints;
  return (
    <section aria-labelledby="partner-title">
      <h1 id="partner-title">Webhook endpoints of {partnerId}</h1>
      <p>
        <a href="#/partners">Back to the partners</a>
      </p>
      {loading && !data && <Loading what="the endpoints" />}
      {error && <ErrorNotice error={error} what="the endpoints" />}
      {endpoints && endpoints.length === 0 && <p className="empty">No endpoint yet.</p>}
      {endpoints && endpoints.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="partner-title">
          <table data-testid="endpoints">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">URL</th>
                <th scope="col">Status</th>
                <th scope="col">Signing secret</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.endpointId} data-testid={`endpoint-row-${e.endpointId}`}>
                  <th scope="row">
                    <a href={deliveriesHref(partnerId, e.endpointId)}>{e.endpointId}</a>
                    <span className="sub">{e.description || 'No description'}</span>
                    <span className="sub">{e.eventTypes.length === 0 ? 'every type' : e.eventTypes.join(', ')}</span>
                  </th>
                  <td className="url">{e.url}</td>
                  <td>
                    <span className={`badge status-${e.status.toLowerCase()}`}>{e.status.toLowerCase()}</span>
                    {e.disabledReason && <span className="sub">{e.disabledReason}</span>}
                  </td>
                  <td data-testid={`rotation-${e.endpointId}`}>
                    <Rotation until={e.rotationOverlapUntil ?? null} />
                  </td>
                  <td>
                    {e.status !== 'REMOVED' && (
                      <EndpointActions
                        partnerId={partnerId}
                        endpointId={e.endpointId}
                        disabled={e.status === 'DISABLED'}
                        onDone={() => void refetch()}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EndpointAddForm partnerId={partnerId} onAdded={() => void refetch()} />
    </section>
  );
}

function Rotation({ until }: { readonly until: string | null }) {
  if (until === null) return <>one secret, never rotated</>;
  if (Date.parse(until) > Date.now())
    return <>rotating: the previous secret signs too until {new Date(until).toLocaleString()}</>;
  return <>rotated; the previous secret stopped signing {new Date(until).toLocaleString()}</>;
}

function EndpointActions({
  partnerId,
  endpointId,
  disabled,
  onDone,
}: {
  readonly partnerId: string;
  readonly endpointId: string;
  readonly disabled: boolean;
  readonly onDone: () => void;
}) {
  const [rotate] = useMutation(ROTATE_SECRET);
  const [disable] = useMutation(DISABLE_ENDPOINT);
  const [enable] = useMutation(ENABLE_ENDPOINT);
  const [remove] = useMutation(REMOVE_ENDPOINT);
  const action = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  // Removing is for good (the id stays taken): a second click confirms it.
  const [confirming, setConfirming] = useState(false);
  const ref = { partnerId, endpointId };
  return (
    <div className="buttons">
      <button
        type="button"
        aria-label={`Rotate secret of ${endpointId}`}
        onClick={() =>
          void action.run(
            async () => {
              const result = await rotate({ variables: { input: { ...ref, overlapSeconds: 86_400 } } });
              setSecret(result.data?.rotateWebhookSecret.secret ?? null);
              onDone();
              return result;
            },
            () => 'Secret rotated; the previous one signs for another day.',
          )
        }
      >
        Rotate secret
      </button>
      {disabled ? (
        <button
          type="button"
          aria-label={`Enable ${endpointId}`}
          onClick={() =>
            void action.run(
              async () => {
                await enable({ variables: { input: ref } });
                onDone();
              },
              () => 'Enabled.',
            )
          }
        >
          Enable
        </button>
      ) : (
        <button
          type="button"
          aria-label={`Disable ${endpointId}`}
          onClick={() =>
            void action.run(
              async () => {
                await disable({ variables: { input: { ...ref, reason: 'disabled from the console' } } });
                onDone();
              },
              () => 'Disabled.',
            )
          }
        >
          Disable
        </button>
      )}
      {confirming ? (
        <span role="group" aria-label={`Remove ${endpointId} for good?`} className="buttons">
          <button
            type="button"
            className="danger"
            onClick={() =>
              void action.run(
                async () => {
                  await remove({ variables: { input: ref } });
                  onDone();
                },
                () => 'Removed for good.',
              )
            }
          >
            Remove for good
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" aria-label={`Remove ${endpointId}`} onClick={() => setConfirming(true)}>
          Remove
        </button>
      )}
      {secret && <NewSecret secret={secret} />}
      <Outcome outcome={action.outcome} />
    </div>
  );
}
