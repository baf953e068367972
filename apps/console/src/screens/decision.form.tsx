import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import type { ConsoleDecideApplicationMutation, Decision } from '../gql/graphql';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/api-errors';
import { Field } from '../ui/field';
import { DECIDE_APPLICATION } from './review.queries';

const DECISIONS: readonly Decision[] = ['ADMIT', 'WAITLIST', 'REJECT'];

export type Decided = ConsoleDecideApplicationMutation['decideApplication']['decision'];

interface DecisionFormProps {
  readonly cohortId: string;
  readonly learnerId: string;
  /** Called with the decision as recorded and the position written, for the list to read it. */
  readonly onDecided: (decided: Decided, position: string | null) => void;
}

/**
 * An admin's decision on one application: admit, waitlist or reject, and why. The answer is the
 * decision with its record (rubric version, reviews, ranking, seats at that moment), which the
 * screen shows once the application has left the queue.
 */
export function DecisionForm({ cohortId, learnerId, onDecided }: DecisionFormProps) {
  const [decide] = useMutation(DECIDE_APPLICATION);
  const [decision, setDecision] = useState<Decision>('ADMIT');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const legend = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const result = await decide({ variables: { input: { cohortId, learnerId, decision, reason } } });
      const written = result.data?.decideApplication;
      if (written) onDecided(written.decision, written.position ?? null);
    } catch (error) {
      setErrors(formErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card decision-form"
      aria-labelledby={`${legend}-title`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={`${legend}-title`}>Decide on {learnerId}</h3>
      <fieldset className="choices">
        <legend>Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={`${legend}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {d.toLowerCase()}
          </label>
        ))}
        {errors.fields['decision'] && (
          <span className="field-error" role="alert">
            {errors.fields['decision']}
          </span>
        )}
      </fieldset>
      <Field
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.fields['reason']}
      />
      {errors.form && (
        <p className="notice error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Record the decision
      </button>
    </form>
  );
}
