import { ConfigError, type ConfigProblem } from './config.error';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads variables and collects what is wrong instead of throwing at the first one, so that an
 * app's config (the shared store settings plus its own) reports every bad variable together.
 */
export class EnvReader {
  private readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Env) {}

  /** Trimmed value; an empty variable counts as unset (shells and compose files leave them). */
  raw(variable: string): string | undefined {
    const raw = this.env[variable]?.trim();
    return raw === '' ? undefined : raw;
  }

  /** `parse` returns undefined to refuse a value; the fallback then stands in until `done()` throws. */
  read<T>(variable: string, fallback: T, expected: string, parse: (raw: string) => T | undefined): T {
    const raw = this.raw(variable);
    if (raw === undefined) return fallback;
    const parsed = parse(raw);
    if (parsed === undefined) this.refuse(variable, raw, expected);
    return parsed ?? fallback;
  }

  integer<T extends number | undefined>(
    variable: string,
    fallback: T,
    min: number,
    max: number,
    expected = `an integer from ${min} to ${max}`,
  ): number | T {
    return this.read<number | T>(variable, fallback, expected, (raw) => {
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      return n >= min && n <= max ? n : undefined;
    });
  }

  refuse(variable: string, value: string, expected: string): void {
    this.problems.push({ variable, value, expected });
  }

  /** Throws a ConfigError naming every refused variable, in the order they were read. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
