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

  /**
   * The one text rule every free-text field goes through: refuses invalid UTF-16 (a lone
   * surrogate, which would otherwise be stored as U+FFFD) as TEXT.INVALID_UNICODE on that field,
   * then checks the length in characters as a reader counts them (`textLength`) with the
   * field's own code and message. Returns whether the text passed.
   */
  requireText(
    field: string,
    text: string | null,
    limits: { readonly min?: number; readonly max: number },
    code: string,
    message: string,
  ): boolean {
    if (text !== null && !isWellFormedText(text)) {
      this.add(field, TEXT_INVALID_UNICODE, `${field} is not valid Unicode text (it holds a lone UTF-16 surrogate)`);
      return false;
    }
    return this.require(text !== null && isTextWithin(text, limits.min ?? 0, limits.max), field, code, message);
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

/** The code of a text that is not valid UTF-16 (a lone surrogate): refused, never stored as U+FFFD. */
export const TEXT_INVALID_UNICODE = 'TEXT.INVALID_UNICODE';

/** False when the string holds a lone surrogate (half of a UTF-16 pair), which no Unicode text does. */
export function isWellFormedText(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Below U+0300 nothing combines (no marks, joiners, selectors or surrogates), except CR + LF. */
function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0d || unit >= 0x300) return false;
  }
  return true;
}

/**
 * Characters as users count them: grapheme clusters (Intl.Segmenter), so "🇫🇷", "👍🏽" and "é"
 * written as e + U+0301 are one character each, where `String.length` counts UTF-16 units (2, 4, 2).
 */
export function textLength(text: string): number {
  // Each UTF-16 unit is a character there: most text is counted without the segmenter's cost.
  if (isSimpleText(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * A grapheme may be long (a family emoji with skin tones is 19 UTF-16 units): a text is also
 * held to this many units per allowed character, so a pile of combining marks can't make a
 * 200-character title megabytes long.
 */
export const UTF16_UNITS_PER_CHARACTER_MAX = 32;

/** min ≤ characters ≤ max, counted by `textLength`. */
export function isTextWithin(text: string, min: number, max: number): boolean {
  if (text.length > max * UTF16_UNITS_PER_CHARACTER_MAX) return false;
  // Cheap bounds first: a grapheme is at least one UTF-16 unit.
  if (text.length < min) return false;
  const length = textLength(text);
  return length >= min && length <= max;
}
