import { Client, type PoolConfig } from 'pg';

/**
 * How long a PostgreSQL pool waits for a server that accepts connections and then says nothing
 * (a frozen host, a stalled network, a server stopped with SIGSTOP): 0 waits forever, as pg does
 * by default. Stopped or unreachable servers refuse at once and need no bound; a silent one would
 * keep a request, and every request queued behind its connection, waiting for ever.
 */
export interface AnswerBound {
  answerWithinMs: number;
}

/** What of pg's Client this needs: its overloaded `query` as one signature, and its socket. */
interface PgClientInside {
  query(...args: unknown[]): unknown;
  readonly connection: { readonly stream: { destroy(error: Error): void } };
}

/**
 * pg's `query_timeout` answers the caller but leaves the query on its connection: the pool takes
 * the connection back with the query (and, inside a transaction, the transaction) still open on
 * the server, and the next caller's statements would run in it once the server wakes. So a
 * statement not answered in time ends its connection instead: it fails with "Connection
 * terminated" (an outage, STORE_UNAVAILABLE), the pool drops the connection, and the server rolls
 * back whatever it held when it sees the socket closed.
 */
export function answerBoundedClient(bound: AnswerBound): NonNullable<PoolConfig['Client']> {
  class AnswerBoundedClient extends (Client as unknown as new (config?: unknown) => PgClientInside) {
    override query(...args: unknown[]): unknown {
      const ms = bound.answerWithinMs;
      // A cursor or a stream (a Submittable) answers in parts, as its reader asks: not bounded.
      if (ms <= 0 || typeof (args[0] as { submit?: unknown } | null)?.submit === 'function')
        return super.query(...args);
      const timer = setTimeout(
        () =>
          this.connection.stream.destroy(new Error(`Connection terminated: PostgreSQL did not answer within ${ms} ms`)),
        ms,
      );
      // Both of pg's forms: a callback last (pg-pool's pool.query), or a promise.
      const callback = args[args.length - 1];
      if (typeof callback === 'function') {
        args[args.length - 1] = (...result: unknown[]) => {
          clearTimeout(timer);
          (callback as (...r: unknown[]) => void)(...result);
        };
        return super.query(...args);
      }
      const answer = super.query(...args);
      if (answer instanceof Promise) return answer.finally(() => clearTimeout(timer));
      clearTimeout(timer);
      return answer;
    }
  }
  return AnswerBoundedClient as unknown as NonNullable<PoolConfig['Client']>;
}
