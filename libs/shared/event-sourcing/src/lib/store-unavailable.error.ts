/** The stores a process depends on, as an operator names them. */
export type StoreName = 'event store' | 'read database' | 'key store';

/**
 * A store did not answer (refused, reset, shut down, or no answer within the configured time):
 * an operations problem, never the caller's input, and one that passes by itself. Requests
 * answer it as STORE_UNAVAILABLE; workers wait and resume from their checkpoints.
 */
export class StoreUnavailableError extends Error {
  readonly code: string = 'STORE_UNAVAILABLE';

  constructor(
    readonly store: StoreName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Node's socket errors for a server that is gone or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** PostgreSQL SQLSTATEs of a server shutting down or not accepting connections (class 08, 57P01–57P03). */
const POSTGRES_GONE = /^(08...|57P0[123])$/;
/** What node-postgres says when the connection drops or cannot be made in time. */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;
/** gRPC (EventStoreDB) status codes of a server that went away: UNAVAILABLE, and CANCELLED when it shut down mid-call. */
const GRPC_GONE = new Set([14, 1]);
/** The same as @eventstore/db-client's error types. */
const ESDB_GONE = new Set(['unavailable', 'cancelled', 'deadline-exceeded', 'timeout']);

/**
 * Which store an error says is out of reach, or null for any other error. Our own error names
 * its store; an EventStoreDB client error is the event store's; a socket or PostgreSQL
 * connection error, as the event store's client translates its own, is taken as PostgreSQL's
 * (the read database, which is also where the key store lives in production).
 */
export function unavailableStore(error: unknown): StoreName | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StoreUnavailableError) return e.store;
    const { code, name, message, metadata, type } = e as Record<string, unknown>;
    if (name === 'EsdbUnreachableError') return 'event store';
    if (typeof type === 'string' && ESDB_GONE.has(type) && typeof code === 'number') return 'event store';
    if (typeof code === 'number' && GRPC_GONE.has(code) && metadata !== undefined) return 'event store';
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_GONE.test(code))) return 'read database';
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return 'read database';
  }
  return null;
}

/**
 * The disk under an embedded (SQLite) store is full: SQLite says SQLITE_FULL ("database or disk
 * is full"), the file system ENOSPC. Like an outage it passes by itself once space is freed;
 * requests answer STORAGE_FULL, workers wait.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code } = e as { code?: unknown };
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  }
  return false;
}
