import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor, ActorRole } from '@sooc/event-sourcing';

export interface RequestContextData {
  readonly actor: Actor;
  readonly correlationId: string;
}

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

export const ANONYMOUS: Actor = { id: 'anonymous', role: 'anonymous' };

const ROLES: readonly ActorRole[] = [
  'admin',
  'reviewer',
  'facilitator',
  'compliance',
  'partner',
  'learner',
  'system',
  'anonymous',
];
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<RequestContextData>();

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Who is asking and as part of what, for the duration of one request, without threading it
 * through every call: the command runner stamps it on the events it writes.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },

  /** Outside a request (workers, scripts) there is no caller: anonymous, fresh correlation id. */
  current(): RequestContextData {
    return storage.getStore() ?? { actor: ANONYMOUS, correlationId: randomUUID() };
  },

  /**
   * `x-correlation-id` is kept when it looks like an id (so a client can follow its request
   * through the logs and the event metadata), generated otherwise.
   *
   * Development aid until authentication lands: `x-actor-id` + `x-actor-role` set the actor.
   * Without them (or with an unknown role) the caller is anonymous. Never trust these headers
   * in production — JWT verification will replace this function's actor part.
   */
  fromHeaders(headers: HeaderBag): RequestContextData {
    const given = header(headers, 'x-correlation-id');
    const correlationId = given && CORRELATION_ID.test(given) ? given : randomUUID();
    const id = header(headers, 'x-actor-id')?.trim();
    const role = header(headers, 'x-actor-role')?.trim() as ActorRole | undefined;
    const actor = id && role && ROLES.includes(role) ? { id, role } : ANONYMOUS;
    return { actor, correlationId };
  },
};
