import { useState } from 'react';
import { Field } from './field';

/** The instant a history screen shows, as its "As of" input holds it. */
export interface AsOf {
  /** The input's text: local time without a zone, empty for the instant the screen opened. */
  readonly text: string;
  setText(text: string): void;
  /** The instant asked for, or the opening instant while the text is not a date. */
  readonly at: Date;
  readonly valid: boolean;
}

/**
 * The "As of" state the history screens share. Empty means the instant the screen opened (what
 * happened a moment ago is in; the current minute typed in would end at its first second); the
 * input speaks local time without a zone, the API UTC instants.
 */
export function useAsOf(): AsOf {
  const [opened] = useState(() => new Date());
  const [text, setText] = useState('');
  const asked = text === '' ? opened : new Date(text);
  const valid = !Number.isNaN(asked.getTime());
  return { text, setText, at: valid ? asked : opened, valid };
}

/** The labelled "As of" input, saying when what it holds is not a date. */
export function AsOfField({ asOf }: { readonly asOf: AsOf }) {
  return (
    <Field
      label="As of"
      hint="Empty: now"
      type="datetime-local"
      // To the second: events of one minute are seconds apart, and the history is asked to the instant.
      step={1}
      value={asOf.text}
      onChange={(e) => asOf.setText(e.target.value)}
      error={asOf.valid ? undefined : 'a date and time'}
    />
  );
}
