import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS, type FormErrors } from '../ui/api-errors';
import { Field } from '../ui/field';
import { shortReference } from '../ui/reference';
import { REVIEW_APPLICATION } from './review.queries';

interface Criterion {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
}

interface ReviewFormProps {
  readonly cohortId: string;
  /** The application's opaque reference: what a blind reviewer reviews it by. */
  readonly reference: string;
  readonly criteria: readonly Criterion[];
  /** Called with the position of the review written, for the list to read it. */
  readonly onReviewed: (position: string | null, score: number) => void;
}

/**
 * Scores one application on each criterion, 0..5, with a comment. The API checks the scores
 * against the rubric and names the criterion it refuses (`scores.<criterion>`, or the input's
 * `scores[i].score`): the message goes under that criterion's input.
 */
export function ReviewForm({ cohortId, reference, criteria, onReviewed }: ReviewFormProps) {
  const [review] = useMutation(REVIEW_APPLICATION);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // noValidate: the API checks the scores (and says which one is wrong); the browser would only say "out of range".
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const input = {
        cohortId,
        reference,
        comment: comment.trim() || null,
        // A criterion left empty is not sent: the API names it as missing, under its input.
        scores: criteria
          .filter((c) => (scores[c.id] ?? '').trim() !== '')
          .map((c) => ({ criterionId: c.id, score: Number(scores[c.id]) })),
      };
      const result = await review({ variables: { input } });
      const written = result.data?.reviewApplication;
      if (written) onReviewed(written.position ?? null, written.review.score);
    } catch (error) {
      setErrors(formErrors(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card review-form" aria-labelledby="review-form-title" noValidate onSubmit={(e) => void submit(e)}>
      <h3 id="review-form-title" title={reference}>
        Score {shortReference(reference)}
      </h3>
      {criteria.map((c, i) => (
        <Field
          key={c.id}
          label={`${c.label} (0 to 5)`}
          hint={`Weight ${c.weight}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={5}
          step={1}
          value={scores[c.id] ?? ''}
          onChange={(e) => setScores({ ...scores, [c.id]: e.target.value })}
          error={errors.fields[`scores.${c.id}`] ?? errors.fields[`scores[${i}].score`]}
        />
      ))}
      <Field
        label="Comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errors.fields['comment']}
      />
      {(errors.form ?? errors.fields['scores']) && (
        <p className="notice error" role="alert">
          {errors.form ?? errors.fields['scores']}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Save the review
      </button>
    </form>
  );
}
