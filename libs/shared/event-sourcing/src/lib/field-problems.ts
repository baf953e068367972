import { ValidationError } from './errors';

/** One broken rule, with the path of the field in the command data (`applicationWindow.closesAt`). */
export interface FieldRuleProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Collects every broken rule of one command before refusing it, so a form can mark all its bad
 * fields at once instead of one per round trip. The error's code is the first problem's code
 * (rules run in the order of the command's fields); `details.problems` keeps each field's code.
 */
export class FieldProblems {
  private readonly problems: FieldRuleProblem[] = [];

  add(field: string, code: string, message: string): void {
    this.problems.push({ field, code, message });
  }

  /** Records the problem when `ok` is false; returns `ok` so callers can skip dependent rules. */
  require(ok: boolean, field: string, code: string, message: string): boolean {
    if (!ok) this.add(field, code, message);
    return ok;
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(subject: string): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    throw new ValidationError(
      first.code,
      `${subject}: ${this.problems.map((p) => p.message).join('; ')}`,
      this.problems.map(({ field, message }) => ({ field, message })),
      { problems: this.problems.map((p) => ({ ...p })) },
    );
  }
}

/** Input reaches the domain from GraphQL and from replayed scripts alike: never trust its runtime type. */
export function trimmed(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() : null;
}

export function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Ids are stream keys (`cohort-<id>`): the handler names the stream from the raw id, so an id is
 * never trimmed here; one with surrounding blanks is refused instead of silently diverging.
 */
export function isWellFormedId(value: unknown, maxLength = 128): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && value.trim() === value;
}
