import type { FieldProblem } from '@sooc/event-sourcing';

/** Input refused at the edge, before any command ran: reported as BAD_USER_INPUT with `fields`. */
export class InputValidationError extends Error {
  constructor(readonly fields: readonly FieldProblem[]) {
    super(`Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
    this.name = 'InputValidationError';
  }
}
