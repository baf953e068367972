import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Outcome, useAction } from '../ui/action';
import { Field } from '../ui/field';
import { ADD_ENDPOINT } from './partner.queries';

/**
 * Registers an endpoint. The API checks the URL (https in production, never a loopback, private or
 * metadata address) and names the field it refuses; the secret it answers is shown this once.
 */
export function EndpointAddForm({ partnerId, onAdded }: { readonly partnerId: string; readonly onAdded: () => void }) {
  const [add] = useMutation(ADD_ENDPOINT);
  const action = useAction();
  const [url, setUrl] = useState('');
  const [endpointId, setEndpointId] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    void action.run(
      async () => {
        const result = await add({
          variables: {
            input: {
              partnerId,
              url: url.trim(),
              description,
              endpointId: endpointId.trim() || null,
              eventTypes: eventTypes
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            },
          },
        });
        setSecret(result.data?.addWebhookEndpoint.secret ?? null);
        onAdded();
        return result;
      },
      (result) =>
        `Endpoint ${(result as { data?: { addWebhookEndpoint: { endpoint: { endpointId: string } } } }).data?.addWebhookEndpoint.endpoint.endpointId ?? ''} registered.`,
    );
  };
  const fields = action.outcome.errors.fields;
  // The API names a bad type by its place in the list (eventTypes.1); the form has one input for the list.
  const typesError = Object.entries(fields).find(([field]) => field.startsWith('eventTypes'))?.[1];
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-endpoint-title">
      <h2 id="add-endpoint-title">Register an endpoint</h2>
      <Field
        label="URL"
        hint="Where the messages are POSTed, https in production"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={fields['url']}
        required
      />
      <Field
        label="Endpoint id"
        hint="Empty: one is made"
        value={endpointId}
        onChange={(e) => setEndpointId(e.target.value)}
        error={fields['endpointId']}
      />
      <Field
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fields['description']}
      />
      <Field
        label="Event types"
        hint="CloudEvents types separated by commas (org.sooc.enrollment.seat-offered.v1, …); empty: every type"
        value={eventTypes}
        onChange={(e) => setEventTypes(e.target.value)}
        error={typesError}
      />
      <button type="submit">Register the endpoint</button>
      {secret && <NewSecret secret={secret} />}
      <Outcome outcome={action.outcome} />
    </form>
  );
}

/** A secret the API shows this once: the person copies it now. */
export function NewSecret({ secret }: { readonly secret: string }) {
  return (
    <div className="notice warning" role="status" data-testid="new-secret">
      <strong>The signing secret, shown this once:</strong> <code className="secret">{secret}</code>
      <span className="sub">Copy it into the receiver now; a lost secret is replaced by rotating it.</span>
    </div>
  );
}
