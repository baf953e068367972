import { Logger } from '@nestjs/common';
import {
  ConcurrencyError,
  IllegalStateError,
  NotFoundError,
  StoreUnavailableError,
  ValidationError,
} from '@sooc/event-sourcing';
import { ReadModelTimeoutError } from '@sooc/nest';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatGraphQLError } from './graphql-error.formatter';
import { InputValidationError } from './input-validation.error';

/** What Apollo hands the formatter for an error thrown in a resolver. */
function fromResolver(error: Error): [GraphQLFormattedError, unknown] {
  const wrapped = new GraphQLError(error.message, { path: ['planCohort'], originalError: error });
  return [
    {
      message: error.message,
      path: ['planCohort'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
    },
    wrapped,
  ];
}

describe('formatGraphQLError', () => {
  // The unexpected-error case logs the stack on purpose; keep the test output readable.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('gives a domain validation error its code, category and fields', () => {
    const error = new ValidationError('COHORT.WINDOW_INVALID', 'window inverted', [
      { field: 'applicationWindow.closesAt', message: 'must be after opensAt' },
    ]);
    expect(formatGraphQLError(...fromResolver(error))).toEqual({
      message: 'window inverted',
      path: ['planCohort'],
      extensions: {
        code: 'COHORT.WINDOW_INVALID',
        category: 'BAD_USER_INPUT',
        fields: [{ field: 'applicationWindow.closesAt', message: 'must be after opensAt' }],
      },
    });
  });

  it.each([
    [new NotFoundError('COHORT.NOT_FOUND', 'no such cohort'), 'COHORT.NOT_FOUND', 'NOT_FOUND'],
    [new IllegalStateError('COHORT.NOT_OPEN', 'not open'), 'COHORT.NOT_OPEN', 'CONFLICT'],
    [new ConcurrencyError('cohort-1', '3', 4n), 'STREAM.WRONG_EXPECTED_REVISION', 'CONFLICT'],
  ])('maps %p to its code and category without fields', (error, code, category) => {
    const formatted = formatGraphQLError(...fromResolver(error));
    expect(formatted.extensions).toEqual({ code, category });
  });

  it('keeps BAD_USER_INPUT for a literal a scalar refused during validation', () => {
    const refusal = new GraphQLError('Position must be a non-negative 64-bit integer', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // Apollo wraps validation errors, keeping the scalar's error as the original.
    const validation = new GraphQLError(refusal.message, {
      originalError: refusal,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = formatGraphQLError(
      { message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      validation,
    );
    expect(formatted).toEqual({
      message: refusal.message,
      extensions: { code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' },
    });
  });

  it('reports refused input as BAD_USER_INPUT with field paths', () => {
    const formatted = formatGraphQLError(
      ...fromResolver(new InputValidationError([{ field: 'capacity', message: 'capacity must not be less than 2' }])),
    );
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'capacity', message: 'capacity must not be less than 2' }],
    });
  });

  it("keeps Apollo's own codes for parse and validation errors, minus the stack", () => {
    const parse = new GraphQLError('Syntax Error: Expected Name', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const formatted = formatGraphQLError(
      { message: parse.message, extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['x'] } },
      parse,
    );
    expect(formatted).toEqual({ message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('adds field paths to a variable that did not fit its type', () => {
    const message =
      'Variable "$input" got invalid value "x" at "input.capacity"; Int cannot represent non-integer value: "x"';
    const coercion = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, coercion).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'capacity', message: 'Int cannot represent non-integer value: "x"' }],
    });
  });

  it('reports the variables having too many errors to list as BAD_USER_INPUT, not as an internal error', () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    // graphql-js adds it after the 50th coercion error; it names no variable, so Apollo does not code it as bad input.
    const tooMany = new GraphQLError(message);
    expect(
      formatGraphQLError({ message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, tooMany),
    ).toEqual({ message, extensions: { code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' } });
  });

  it('tells the client which position to wait for when the read models lag', () => {
    const formatted = formatGraphQLError(...fromResolver(new ReadModelTimeoutError(42n, new Error('timeout'))));
    expect(formatted.extensions).toEqual({
      code: 'READ_MODEL_TIMEOUT',
      category: 'SERVICE_UNAVAILABLE',
      position: '42',
    });
  });

  it.each([
    [new StoreUnavailableError('event store', 'no answer within 5000 ms'), 'event store'],
    [Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }), 'read database'],
    [new Error('Connection terminated unexpectedly'), 'read database'],
    [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      'read database',
    ],
  ])("answers STORE_UNAVAILABLE naming the store, without the driver's message, for %p", (error, store) => {
    const formatted = formatGraphQLError(...fromResolver(error));
    expect(formatted.extensions).toEqual({ code: 'STORE_UNAVAILABLE', category: 'SERVICE_UNAVAILABLE', store });
    expect(formatted.message).not.toContain('10.0.0.5');
  });

  it('hides the message and stack of an unexpected error', () => {
    const formatted = formatGraphQLError(...fromResolver(new Error('connection string postgres://user:pw@db failed')));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['planCohort'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', category: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
