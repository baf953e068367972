import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the API said about a mutation: a message per input field it named, and the rest for the form. */
export interface FormErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

interface FieldProblem {
  readonly field?: unknown;
  readonly message?: unknown;
}

/**
 * The gateway reports bad input as `extensions.fields: [{ field, message }]` (the input's field
 * paths) and every refusal with `extensions.code`: field messages go beside their inputs, the
 * others above the form with their code.
 */
export function formErrors(error: unknown): FormErrors {
  if (!CombinedGraphQLErrors.is(error)) {
    return { fields: {}, form: error instanceof Error ? error.message : 'The request failed' };
  }
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const e of error.errors) {
    const problems = Array.isArray(e.extensions?.['fields']) ? (e.extensions['fields'] as FieldProblem[]) : [];
    const named = problems.filter((p) => typeof p.field === 'string');
    for (const p of named) {
      const field = (p.field as string).replace(/^input\./, '');
      fields[field] = typeof p.message === 'string' ? p.message : e.message;
    }
    if (named.length === 0) {
      const code = typeof e.extensions?.['code'] === 'string' ? ` (${e.extensions['code']})` : '';
      form.push(`${e.message}${code}`);
    }
  }
  return { fields, form: form.length > 0 ? form.join('; ') : null };
}
