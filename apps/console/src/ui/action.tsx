import { useState } from 'react';
import { formErrors, NO_ERRORS, type FormErrors } from './api-errors';

/** What a form shows after the API answered: its field errors, its form error, or what was done. */
export interface Outcome {
  readonly errors: FormErrors;
  readonly done: string | null;
}

const IDLE: Outcome = { errors: NO_ERRORS, done: null };

/** Runs a mutation and turns its answer into the form's outcome; the API's words are shown as they come. */
export function useAction() {
  const [outcome, setOutcome] = useState<Outcome>(IDLE);
  const run = async (mutate: () => Promise<unknown>, done: (result: unknown) => string) => {
    setOutcome(IDLE);
    try {
      const result = await mutate();
      setOutcome({ errors: NO_ERRORS, done: done(result) });
    } catch (error) {
      setOutcome({ errors: formErrors(error), done: null });
    }
  };
  return { outcome, run };
}

export function Outcome({ outcome }: { readonly outcome: Outcome }) {
  if (outcome.errors.form)
    return (
      <p className="notice error" role="alert">
        {outcome.errors.form}
      </p>
    );
  if (outcome.done)
    return (
      <p className="notice ok" role="status">
        {outcome.done}
      </p>
    );
  return null;
}
