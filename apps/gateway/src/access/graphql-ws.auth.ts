import { InvalidTokenError, type Authenticate, type Principal } from '@sooc/auth';
import { newCorrelationId } from '@sooc/event-sourcing';
import type { IncomingMessage } from 'node:http';
import { RequestContext, type RequestContextData } from '@sooc/nest';
import { execute, getOperationAST, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { SubscriptionContext } from './access.guard';

/** What graphql-ws hands its hooks (`ctx.extra` from its `ws` adapter), with the caller we keep there. */
interface WsContext {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly extra: unknown;
}

interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  principal?: Principal;
}

/** graphql-ws close codes: 4401 Unauthorized is the protocol's own for this. */
const UNAUTHORIZED = 4401;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Subscriptions authenticate once, in `connection_init` (`{ "authorization": "Bearer <token>" }`;
 * browsers cannot set headers on a WebSocket), or from the upgrade request's Authorization
 * header. No token: anonymous, and the access policy refuses what needs one. A bad token closes
 * the socket with 4401, and so does the token's expiry: a socket lives no longer than its token.
 */
/** Told of each subscription that starts (by its root field) and, through the function it returns, of its end. */
export type SubscriptionMeter = (operation: string) => () => void;

export function graphqlWsAuth(
  authenticate: Authenticate,
  reveal: (result: ExecutionResult) => Promise<ExecutionResult>,
  meter: SubscriptionMeter = () => () => undefined,
) {
  return {
    onConnect: async (ctx: WsContext): Promise<boolean> => {
      const extra = ctx.extra as WsExtra;
      const given = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
      const header = typeof given === 'string' ? given : extra.request.headers.authorization;
      try {
        extra.principal = await authenticate(header);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        extra.socket.close(UNAUTHORIZED, `UNAUTHENTICATED: ${error.reason}`.slice(0, 120));
        return false;
      }
      closeWhenExpired(extra.socket, extra.principal);
      return true;
    },
    context: (ctx: WsContext): SubscriptionContext => ({
      principal: (ctx.extra as WsExtra).principal as Principal,
    }),
    // Resolvers read their caller from the request context, as over HTTP: each operation runs in one.
    execute: async (args: ExecutionArgs) =>
      reveal(await RequestContext.run(requestContextOf(args), () => execute(args))),
    subscribe: async (args: ExecutionArgs) => {
      const data = requestContextOf(args);
      const result = await RequestContext.run(data, () => subscribe(args));
      if (!(Symbol.asyncIterator in result)) return reveal(result);
      return inContext(result, data, reveal, meter(rootFieldOf(args)));
    },
  };
}

function requestContextOf(args: ExecutionArgs): RequestContextData {
  const { principal } = args.contextValue as SubscriptionContext;
  return RequestContext.of(principal, newCorrelationId());
}

/**
 * Each event of a subscription is resolved when graphql-ws pulls it: inside the subscriber's
 * context too, and its personal data opened as for a query. Not an async generator: its `return` would wait for a pending `next` (no event
 * may ever come), and the source would never unsubscribe.
 */
function inContext(
  source: AsyncIterableIterator<ExecutionResult>,
  data: RequestContextData,
  reveal: (result: ExecutionResult) => Promise<ExecutionResult>,
  ended: () => void,
): AsyncIterableIterator<ExecutionResult> {
  type T = ExecutionResult;
  const done = (value?: unknown) => Promise.resolve({ done: true, value } as IteratorReturnResult<T>);
  // graphql-ws calls `return` when the client completes or the socket closes; a source may also end or throw.
  let over = false;
  const end = () => {
    if (!over) ended();
    over = true;
  };
  const wrapped: AsyncIterableIterator<T> = {
    next: async () => {
      const next = await RequestContext.run(data, () => source.next()).catch((error: unknown) => {
        end();
        throw error;
      });
      if (next.done) end();
      return next.done ? next : { done: false, value: await reveal(next.value) };
    },
    return: (value?: unknown) => {
      end();
      return source.return?.(value) ?? done(value);
    },
    throw: (error?: unknown) => {
      end();
      return source.throw?.(error) ?? Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/** A subscription's root field (`cohortDashboardUpdated`): its name for the metrics. */
function rootFieldOf(args: ExecutionArgs): string {
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections.find(
    (s) => s.kind === 'Field',
  );
  return field?.kind === 'Field' ? field.name.value : 'unknown';
}

function closeWhenExpired(socket: WebSocket, principal: Principal): void {
  if (principal.expiresAt === null) return;
  const timer = setTimeout(
    () => socket.close(UNAUTHORIZED, 'UNAUTHENTICATED: the token has expired'),
    Math.min(Math.max(principal.expiresAt - Date.now(), 0), LONGEST_TIMER_MS),
  );
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
