import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, waitUntilReady } from '../deployment/service.process';
import { BENCH_RATE_LIMITS, signInAs, stopWithin } from './admission.workload';

/** A gateway a bench loads: its main.ts as its own OS process, on a data dir of its own. */
export interface BenchGateway {
  /** Its GraphQL endpoint. */
  readonly url: string;
  /** Where its /metrics and /health are. */
  readonly baseUrl: string;
  /** Its OS process, for the CPU it uses (process.cpu.ts). */
  readonly pid: number | undefined;
  /** SIGTERM (SIGKILL after 15 s), then its data dir removed. */
  stop(): Promise<void>;
}

/**
 * main.ts as a supervisor runs it (embedded workers unless `env` says otherwise), on a free
 * loopback port and a fresh temp dir, with LOG_LEVEL=error and rate limits out of the way; resolves
 * once it is ready, with the bench's requests signed in as its admin (signInAs).
 */
export async function startBenchGateway(name: string, env: Record<string, string> = {}): Promise<BenchGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), `sooc-bench-${name}-`));
  const gateway = startService('gateway', `gateway (${name})`, {
    SOOC_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...BENCH_RATE_LIMITS,
    ...env,
  });
  const stop = async () => {
    await stopWithin(gateway, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(gateway, 45_000);
    const baseUrl = await gateway.baseUrl();
    await signInAs(dataDir);
    return { url: `${baseUrl}/graphql`, baseUrl, pid: gateway.child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
