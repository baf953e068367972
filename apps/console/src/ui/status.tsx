import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** A query's failure as the API put it: the message and its code (FORBIDDEN, COHORT.NOT_FOUND, …). */
export function ErrorNotice({ error, what }: { readonly error: ErrorLike; readonly what: string }) {
  const messages = CombinedGraphQLErrors.is(error)
    ? error.errors.map(
        (e) => `${e.message}${typeof e.extensions?.['code'] === 'string' ? ` (${e.extensions['code']})` : ''}`,
      )
    : [error.message];
  return (
    <div className="notice error" role="alert">
      <strong>Could not load {what}.</strong> {messages.join('; ')}
    </div>
  );
}
