import { ConfigError } from './config.error';

/** The stack when there is one: a start-up or shutdown failure is read by an operator, not a client. */
export const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Loads a process's configuration, or exits 1 printing the ConfigError (it names every bad
 * variable and what it accepts). Any other error is a bug and propagates.
 */
export function configOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}

/**
 * On the first SIGTERM or SIGINT, runs `stop` (graceful: workers end at a checkpoint) and exits 0,
 * or exits 1 after `onError` when stopping fails. Every app ends the same way.
 */
export function exitGracefullyOnSignal(
  stop: (signal: NodeJS.Signals) => Promise<void>,
  onError: (error: unknown) => void,
): void {
  const shutdown = (signal: NodeJS.Signals) => {
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
