import { errorMessage } from '@sooc/util';
import { UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import { ConcurrencyError, type ExpectedRevision } from '@sooc/event-sourcing';

/** The server could not be reached: a configuration or operations problem, never the caller's input. */
export class EsdbUnreachableError extends Error {
  readonly code = 'STORE.UNREACHABLE';

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(
      `EventStoreDB at ${redact(url)} is unreachable (${errorMessage(cause)}). ` +
        'Check that the server is running and listening on that host and port, and that the URL matches its TLS setting ' +
        '(an insecure server needs "?tls=false"; a secure one needs its CA in "tlsCAFile").',
      { cause },
    );
    this.name = 'EsdbUnreachableError';
  }
}

/** The client's errors in the port's terms; anything else passes through unchanged. */
export function translateError(
  error: unknown,
  url: string,
  append?: { streamId: string; expected: ExpectedRevision },
): unknown {
  if (append && error instanceof WrongExpectedVersionError) {
    return new ConcurrencyError(
      append.streamId,
      String(append.expected),
      error.actualVersion === 'no_stream' ? 'no_stream' : BigInt(error.actualVersion),
    );
  }
  // Appends reject with the bare gRPC error, and discovery (esdb+discover://) gives up with a plain Error.
  const unavailable =
    error instanceof UnavailableError || (error as { code?: unknown } | null)?.code === status.UNAVAILABLE;
  if (unavailable || (error instanceof Error && error.message.startsWith('Failed to discover after'))) {
    return new EsdbUnreachableError(url, error);
  }
  return error;
}

/** Keeps a password out of logs and error reports. */
export function redact(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:@/]+):[^@/]*@/i, '$1:***@');
}
