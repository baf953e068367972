export interface ConfigProblem {
  readonly variable: string;
  readonly value: string;
  readonly expected: string;
}

/** Every bad variable at once, each named with what it accepts: one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        'Invalid configuration:',
        ...problems.map((p) => `  ${p.variable}=${JSON.stringify(p.value)}: expected ${p.expected}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}
