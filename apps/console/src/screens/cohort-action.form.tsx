import { useId, useState, type ReactNode } from 'react';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/api-errors';

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

export function OutcomeNotice({ outcome }: { readonly outcome: Outcome }) {
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

interface ActionFormProps {
  readonly title: string;
  readonly submit: string;
  readonly outcome: Outcome;
  readonly onSubmit: () => void;
  /** The form's fields, each showing its own error from `outcome.errors.fields`. */
  readonly children: ReactNode;
}

/** One action of the cohort as a titled form: its fields, its button, and what the API answered. */
export function ActionForm({ title, submit, outcome, onSubmit, children }: ActionFormProps) {
  const titleId = useId();
  return (
    <form
      className="card"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
      <button type="submit">{submit}</button>
      <OutcomeNotice outcome={outcome} />
    </form>
  );
}
