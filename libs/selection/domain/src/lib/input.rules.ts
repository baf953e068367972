import { ValidationError } from '@sooc/event-sourcing';

/** One broken rule, with the path of the field in the command data (`dossier.motivation`). */
export interface FieldRuleProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Collects every broken rule of a command before refusing it, so a form can mark all its bad
 * fields in one round trip. The error's code is the first problem's; `details.problems` keeps each.
 */
export class InputProblems {
  private readonly problems: FieldRuleProblem[] = [];

  require(ok: boolean, field: string, code: string, message: string): boolean {
    if (!ok) this.problems.push({ field, code, message });
    return ok;
  }

  throwIfAny(subject: string): void {
    if (this.problems.length === 0) return;
    throw new ValidationError(
      this.problems[0].code,
      `${subject}: ${this.problems.map((p) => p.message).join('; ')}`,
      this.problems.map(({ field, message }) => ({ field, message })),
      { problems: this.problems.map((p) => ({ ...p })) },
    );
  }
}

/** Commands arrive from GraphQL and from replayed scripts alike: never trust their runtime types. */
export function trimmed(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() : null;
}

/** Ids name streams, so they are never trimmed: one with surrounding blanks is refused instead. */
export function isWellFormedId(value: unknown, maxLength = 128): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && value.trim() === value;
}

export function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
