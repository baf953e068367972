import { killStartedEntryPoints, startEntryPoint, type EntryPointProcess } from '@sooc/runtime/testing';

export interface ReactorProcess extends EntryPointProcess {
  /** GET /health: 200 or 503, the report as JSON. */
  health(): Promise<{ status: number; report: Record<string, unknown> }>;
}

/** The real entry point, `node apps/reactor/src/main.ts`, on a free port of the loopback unless `env` says otherwise. */
export function startReactorProcess(env: Record<string, string>): ReactorProcess {
  const run = startEntryPoint('reactor', { HOST: '127.0.0.1', PORT: '0', ...env });
  return {
    ...run,
    async health() {
      const response = await fetch(`${await run.baseUrl()}/health`);
      return { status: response.status, report: (await response.json()) as Record<string, unknown> };
    },
  };
}

export const killAll = killStartedEntryPoints;

/** Polls `probe` until it returns a value; fails early, with the child's output, if the child exits. */
export async function waitFor<T>(
  probe: () => Promise<T | null>,
  run: ReactorProcess,
  what: string,
  timeoutMs = 30_000,
  pollMs = 5,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(`reactor exited before ${what}: ${run.stderr()}`);
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; stdout: ${run.stdout()}; stderr: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
