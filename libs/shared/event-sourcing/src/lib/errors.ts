/**
 * One small hierarchy. `code` is stable (`COHORT.FULL`) and is what clients branch on; `kind`
 * says how the edge reports it (GraphQL maps kind → a category such as BAD_USER_INPUT).
 */
export type ErrorKind = 'validation' | 'illegal-state' | 'not-found' | 'concurrency' | 'forbidden';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input can never succeed as given; `fields` names what to fix. */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(
    code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}

/** The input is fine but the aggregate is not in a state that allows it. */
export class IllegalStateError extends DomainError {
  readonly kind = 'illegal-state' as const;
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** Raised by every event-store adapter when the expected revision does not match. */
export class ConcurrencyError extends DomainError {
  readonly kind = 'concurrency' as const;
  constructor(
    readonly streamId: string,
    readonly expected: string,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      'STREAM.WRONG_EXPECTED_REVISION',
      `Stream ${streamId}: expected revision ${expected}, actual ${String(actual)}`,
      {
        streamId,
        expected,
        actual: String(actual),
      },
    );
  }
}
