import { actorOf, ANONYMOUS_PRINCIPAL, isRole, type Principal } from '@sooc/auth';
import { newCorrelationId, type Actor } from '@sooc/event-sourcing';
import { LogContext, type LogFields } from '@sooc/util';

export interface RequestContextData extends LogFields {
  /** Who calls, from their verified token; what they may do is the gateway's access policy's to say. */
  readonly principal: Principal;
  /** The principal as the events it causes record it. */
  readonly actor: Actor;
  readonly correlationId: string;
  readonly actorId: string;
  /** Set for a mutation sent with an idempotency key: the command runner makes its commands take effect once. */
  readonly idempotency?: IdempotentRequest;
}

/** The key a client sent with one mutation, bound to that mutation's name and arguments. */
export interface IdempotentRequest {
  readonly key: string;
  readonly operation: string;
  readonly fingerprint: string;
  /** How many commands the mutation has run so far: each gets ids of its own. */
  commands: number;
}

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

export const ANONYMOUS: Actor = actorOf(ANONYMOUS_PRINCIPAL);

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function isRequestContext(fields: LogFields | undefined): fields is RequestContextData {
  return fields !== undefined && 'principal' in fields;
}

/**
 * Who is asking and as part of what, for the duration of one request, without threading it
 * through every call: the command runner stamps it on the events it writes.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    // Held in the loggers' store (one AsyncLocalStorage per request), so every log line of the request says who and what.
    return LogContext.run(data, fn);
  },

  /** Outside a request (workers, scripts) there is no caller: anonymous, fresh correlation id. */
  current(): RequestContextData {
    const fields = LogContext.current();
    return isRequestContext(fields) ? fields : RequestContext.of(ANONYMOUS_PRINCIPAL, newCorrelationId());
  },

  of(principal: Principal, correlationId: string): RequestContextData {
    const actor = actorOf(principal);
    return { principal, actor, correlationId, actorId: actor.id };
  },

  /** For code that acts as a known actor without a token: specs, scripts. */
  as(actor: Actor, correlationId: string): RequestContextData {
    const role = isRole(actor.role) ? actor.role : null;
    return {
      principal: { ...ANONYMOUS_PRINCIPAL, subject: actor.id, role, authenticated: true },
      actor,
      correlationId,
      actorId: actor.id,
    };
  },

  /**
   * `x-correlation-id` is kept when it looks like an id (so a client can follow its request
   * through the logs and the event metadata), generated otherwise.
   */
  correlationIdFrom(headers: HeaderBag): string {
    const value = headers['x-correlation-id'];
    const given = Array.isArray(value) ? value[0] : value;
    return given && CORRELATION_ID.test(given) ? given : newCorrelationId();
  },
};
