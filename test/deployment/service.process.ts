import { startEntryPoint, type EntryPoint, type EntryPointProcess, type Exit } from '@sooc/runtime/testing';

export type App = EntryPoint;
export type { Exit };

/** One real entry point (`apps/<app>/src/main.ts`) running as its own OS process. */
export interface ServiceProcess extends EntryPointProcess {
  /** "gateway A", "projector", …: names the process in every failure message. */
  readonly name: string;
}

/** `node apps/<app>/src/main.ts` on a free port of the loopback, as a supervisor would run it (see startEntryPoint). */
export function startService(app: App, name: string, env: Record<string, string>): ServiceProcess {
  return { name, ...startEntryPoint(app, { HOST: '127.0.0.1', PORT: '0', ...env }, name) };
}

/** Resolves once GET /health/ready answers 200; fails early if the process dies, with its output. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const base = await withDeadline(
    service.baseUrl(),
    timeoutMs,
    () =>
      `${service.name} printed no listening line within ${timeoutMs} ms.\nstdout:\n${tail(service.stdout())}\nstderr:\n${tail(service.stderr())}`,
  );
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) break;
    try {
      const response = await fetch(`${base}/health/ready`);
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${service.name} not ready within ${timeoutMs} ms (last /health/ready: ${last}).\nstdout:\n${tail(service.stdout())}\nstderr:\n${tail(service.stderr())}`,
  );
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(message())), timeoutMs)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const tail = (text: string) => text.split('\n').slice(-25).join('\n');
