import { useId, type ReactNode } from 'react';
import { Outcome } from '../ui/action';

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
      <Outcome outcome={outcome} />
    </form>
  );
}
