import { Webhook } from 'standardwebhooks';

/** The three Standard Webhooks headers, in the spec's lower-case spelling (a type, so it passes as a header record). */
export type StandardWebhookHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

export interface WebhookMessage {
  /** The same for every attempt of a message (the receiver's idempotency key): the event's id. */
  readonly msgId: string;
  /** When this attempt is sent: the receiver refuses attempts more than 5 minutes off its clock. */
  readonly timestamp: Date;
  /** The exact bytes of the body: the signature covers them, not a re-serialisation. */
  readonly payload: string;
}

/**
 * Signs one attempt with every active secret of the endpoint (`whsec_…`): during a rotation's
 * overlap, the new and the old, so a receiver still holding either verifies it.
 */
export function signWebhook(message: WebhookMessage, secrets: readonly string[]): StandardWebhookHeaders {
  if (secrets.length === 0) throw new Error('A webhook needs at least one secret to be signed with');
  // The signed content is `id.timestamp.body`: a dot in the id would let one message pass for another.
  if (message.msgId.length === 0 || message.msgId.includes('.'))
    throw new Error(`A webhook id must be non-empty and hold no "." (got "${message.msgId}")`);
  const signatures = secrets.map((secret) =>
    new Webhook(secret).sign(message.msgId, message.timestamp, message.payload),
  );
  return {
    'webhook-id': message.msgId,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
