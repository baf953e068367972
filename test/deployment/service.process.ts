import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export type App = 'gateway' | 'projector' | 'reactor';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One real entry point (`apps/<app>/src/main.ts`) running as its own OS process. */
export interface ServiceProcess {
  /** "gateway A", "projector", …: names the process in every failure message. */
  readonly name: string;
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<Exit>;
  /** http://127.0.0.1:<port>, once the process printed where it listens. */
  baseUrl(): Promise<string>;
  /** SIGTERM, then its exit: a graceful stop at a checkpoint. */
  stop(): Promise<Exit>;
}

/**
 * What each app prints once it listens: the gateway its GraphQL URL, a worker its health URL
 * (with PORT=0 the line is the only way to learn the port).
 */
const LISTENING: Record<App, RegExp> = {
  gateway: /sooc gateway ready: http:\/\/[^:/\s]+:(\d+)\/graphql/,
  projector: /sooc projector health: http:\/\/[^:/\s]+:(\d+)\/health/,
  reactor: /sooc reactor health: http:\/\/[^:/\s]+:(\d+)\/health/,
};

/** `node apps/<app>/src/main.ts` through the repo's swc hook, as a supervisor would run it (no build needed). */
export function startService(app: App, name: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--conditions=@sooc/source', '-r', join(ROOT, 'tools/ts-register.cjs'), join(ROOT, `apps/${app}/src/main.ts`)], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Exit>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const listening = new Promise<string>((found, failed) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = LISTENING[app].exec(stdout)?.[1];
      // The host printed may be 0.0.0.0 or localhost; 127.0.0.1 is where HOST made it listen.
      if (port) found(`http://127.0.0.1:${port}`);
    });
    void exited.then((exit) => failed(new Error(`${name} exited (${exitText(exit)}) before listening.\nstdout:\n${tail(stdout)}\nstderr:\n${tail(stderr)}`)));
  });
  listening.catch(() => undefined);
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    name,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    baseUrl: () => listening,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resolves once GET /health/ready answers 200; fails early if the process dies, with its output. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const base = await withDeadline(service.baseUrl(), timeoutMs, () => `${service.name} printed no listening line within ${timeoutMs} ms.\nstdout:\n${tail(service.stdout())}\nstderr:\n${tail(service.stderr())}`);
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
  throw new Error(`${service.name} not ready within ${timeoutMs} ms (last /health/ready: ${last}).\nstdout:\n${tail(service.stdout())}\nstderr:\n${tail(service.stderr())}`);
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const exitText = ({ code, signal }: Exit) => (signal ? `signal ${signal}` : `code ${code}`);
const tail = (text: string) => text.split('\n').slice(-25).join('\n');
