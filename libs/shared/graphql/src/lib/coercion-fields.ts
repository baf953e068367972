import type { FieldProblem } from '@sooc/event-sourcing';

const VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([\w.[\]]+)")?; ([\s\S]*)$/;
const MISSING_VARIABLE =
  /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
const NAMED_FIELD = /^Field "(\w+)" (?:of required type "[^"]+" was not provided|is not defined by type "\w+")/;

/**
 * graphql-js reports a variable that does not fit its type (a missing required field, a string
 * where an Int goes) as one message; this recovers the field path from it so clients get the
 * same `fields` as for any other bad input. Best effort: unknown shapes give [].
 */
export function coercionFields(message: string): FieldProblem[] {
  const missing = MISSING_VARIABLE.exec(message);
  if (missing) return [{ field: missing[1], message: 'is required' }];
  const match = VARIABLE.exec(message);
  if (!match) return [];
  const [, variable, at, reason] = match;
  const path = at ? at.split('.').slice(1) : [];
  const named = NAMED_FIELD.exec(reason);
  if (named) path.push(named[1]);
  return [{ field: path.length > 0 ? path.join('.') : variable, message: reason }];
}
