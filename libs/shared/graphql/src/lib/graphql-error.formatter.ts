import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorKind, isStorageFull, unavailableStore, ValidationError } from '@sooc/event-sourcing';
import { ReadModelTimeoutError } from '@sooc/nest';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { coercionFields } from './coercion-fields';
import { InputValidationError } from './input-validation.error';

/** What a client can branch on besides the precise `code`. */
export const CATEGORY_BY_KIND: Readonly<Record<ErrorKind, string>> = {
  validation: 'BAD_USER_INPUT',
  'not-found': 'NOT_FOUND',
  'illegal-state': 'CONFLICT',
  concurrency: 'CONFLICT',
  forbidden: 'FORBIDDEN',
};

const CODE_BY_HTTP_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

const logger = new Logger('GraphQL');

function shape(
  formatted: GraphQLFormattedError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  const { locations, path } = formatted;
  return { message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions };
}

function fromDomainError(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  const fields = error instanceof ValidationError && error.fields.length > 0 ? { fields: error.fields } : {};
  return shape(formatted, error.message, { code: error.code, category: CATEGORY_BY_KIND[error.kind], ...fields });
}

function refusedByScalar(error: GraphQLError): boolean {
  const cause = error.originalError;
  return cause instanceof GraphQLError && cause !== error && cause.extensions['code'] === 'BAD_USER_INPUT';
}

/**
 * What graphql-js adds after the 50th problem it found in the variables (a list of 2,000 items of
 * the wrong type), and stops coercing. It names no variable, so Apollo does not see it as bad
 * input and gives it INTERNAL_SERVER_ERROR; it is the client's input all the same.
 */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * The one place errors become GraphQL errors (Apollo's `formatError`). Domain errors keep their
 * stable code; input problems carry field paths; GraphQL's own parse/validation/coercion errors
 * keep Apollo's codes; anything else is logged and reported without its message or stack, which
 * could leak internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return fromDomainError(formatted, original);
  if (original instanceof InputValidationError) {
    return shape(formatted, original.message, {
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: original.fields,
    });
  }
  if (original instanceof ReadModelTimeoutError) {
    return shape(formatted, original.message, {
      code: 'READ_MODEL_TIMEOUT',
      category: 'SERVICE_UNAVAILABLE',
      position: original.position.toString(),
    });
  }
  if (isStorageFull(original)) {
    return shape(
      formatted,
      'The disk of the embedded stores is full: nothing was written; try again once space is freed',
      {
        code: 'STORAGE_FULL',
        category: 'SERVICE_UNAVAILABLE',
      },
    );
  }
  const store = unavailableStore(original);
  if (store) {
    // No internals (hosts, ports) in the message: which store, and that trying again later is right.
    return shape(
      formatted,
      `The ${store} is unavailable: try again later (with an idempotencyKey, a retry takes effect once)`,
      {
        code: 'STORE_UNAVAILABLE',
        category: 'SERVICE_UNAVAILABLE',
        store,
      },
    );
  }
  if (original instanceof HttpException && CODE_BY_HTTP_STATUS[original.getStatus()]) {
    const code = CODE_BY_HTTP_STATUS[original.getStatus()];
    return shape(formatted, original.message, { code, category: code });
  }
  if (original instanceof GraphQLError && original.message === TOO_MANY_VARIABLE_ERRORS) {
    return shape(formatted, formatted.message, { code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' });
  }
  if (
    original instanceof GraphQLError &&
    typeof formatted.extensions?.['code'] === 'string' &&
    formatted.extensions['code'] !== 'INTERNAL_SERVER_ERROR'
  ) {
    const { stacktrace: _stacktrace, ...apollos } = formatted.extensions;
    // A scalar refusing a literal is reported by validation; it is bad input, as for a variable.
    const refused = refusedByScalar(original) || apollos['code'] === 'BAD_USER_INPUT';
    // Bad input carries the same category however it was caught (a scalar, the types, the validation pipe).
    const extensions = refused ? { ...apollos, code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' } : apollos;
    const fields = refused && !extensions['fields'] ? coercionFields(formatted.message) : [];
    return shape(formatted, formatted.message, fields.length > 0 ? { ...extensions, fields } : extensions);
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return shape(formatted, 'Internal server error', {
    code: 'INTERNAL_SERVER_ERROR',
    category: 'INTERNAL_SERVER_ERROR',
  });
}
