import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/reactor/src/main.ts');
const HEALTH_LINE = /sooc reactor health: http:\/\/[^\s]+:(\d+)\/health/;

export interface ReactorProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** http://127.0.0.1:<port>, once the reactor printed its health line (PORT=0: the line is the only way to learn the port). */
  baseUrl(): Promise<string>;
  /** GET /health: 200 or 503, the report as JSON. */
  health(): Promise<{ status: number; report: Record<string, unknown> }>;
}

const started: ChildProcess[] = [];

/**
 * The real entry point, `node apps/reactor/src/main.ts` through the repo's swc hook (no build
 * needed), on a free port of the loopback unless `env` says otherwise.
 */
export function startReactorProcess(env: Record<string, string>): ReactorProcess {
  const child = spawn(process.execPath, ['--conditions=@sooc/source', '-r', join(ROOT, 'tools/ts-register.cjs'), MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const listening = new Promise<string>((found, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = HEALTH_LINE.exec(stdout)?.[1];
      if (port) found(`http://127.0.0.1:${port}`);
    });
    void exited.then(({ code, signal }) => failed(new Error(`reactor exited (${signal ?? code}) before listening: ${stderr}`)));
  });
  listening.catch(() => undefined);
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    baseUrl: () => listening,
    async health() {
      const response = await fetch(`${await listening}/health`);
      return { status: response.status, report: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** SIGKILLs every child a failed assertion left running, so jest does not wait for it. */
export function killAll(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Polls `probe` until it returns a value; fails early, with the child's output, if the child exits. */
export async function waitFor<T>(probe: () => Promise<T | null>, run: ReactorProcess, what: string, timeoutMs = 30_000, pollMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`reactor exited before ${what}: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${run.stdout()}; stderr: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
