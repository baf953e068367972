import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readableLog } from './log.lines';
import { NODE_FLAGS } from '../lib/node.flags';

const ROOT = resolve(__dirname, '../../../../..');

export type EntryPoint = 'gateway' | 'projector' | 'reactor' | 'partner-feed';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One app's real `main.ts` running as its own OS process, as a supervisor runs it. */
export interface EntryPointProcess {
  readonly child: ChildProcess;
  /** What it printed, each JSON log line shown as `sooc <service>: <msg>` (readableLog). */
  stdout(): string;
  stderr(): string;
  /** What it printed, as it printed it. */
  rawStdout(): string;
  rawStderr(): string;
  readonly exited: Promise<Exit>;
  /** http://127.0.0.1:<port>, once the process printed where it listens (PORT=0: the line is the only way to learn the port). */
  baseUrl(): Promise<string>;
  /** SIGTERM, then its exit: a graceful stop at a checkpoint. */
  stop(): Promise<Exit>;
}

/** What each app prints once it listens: the gateway its GraphQL URL, a worker its health URL. */
const LISTENING: Readonly<Record<EntryPoint, RegExp>> = {
  gateway: /sooc gateway: ready: http:\/\/[^:/\s]+:(\d+)\/graphql/,
  projector: /sooc projector: health: http:\/\/[^:/\s]+:(\d+)\/health/,
  reactor: /sooc reactor: health: http:\/\/[^:/\s]+:(\d+)\/health/,
  'partner-feed': /sooc partner-feed: health: http:\/\/[^:/\s]+:(\d+)\/health/,
};

const started: ChildProcess[] = [];

/**
 * `node apps/<app>/src/main.ts` through the repo's swc hook (no build needed), with the services'
 * NODE_FLAGS and only PATH and `env` in its environment. `name` labels it in failure messages.
 */
export function startEntryPoint(app: EntryPoint, env: Record<string, string>, name: string = app): EntryPointProcess {
  const child = spawn(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--conditions=@sooc/source',
      '-r',
      join(ROOT, 'tools/ts-register.cjs'),
      join(ROOT, `apps/${app}/src/main.ts`),
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Exit>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const listening = new Promise<string>((found, failed) => {
    // Only the lines not yet read, and only until the listening line: parsing the whole output
    // again at each chunk made a chatty worker (LOG_LEVEL=info under a bench's load) cost the
    // process reading it a core, taken from the processes measured.
    let scanned = 0;
    let listeningAt: string | null = null;
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (listeningAt !== null) return;
      const end = stdout.lastIndexOf('\n') + 1;
      if (end <= scanned) return;
      const port = LISTENING[app].exec(readableLog(stdout.slice(scanned, end)))?.[1];
      scanned = end;
      // The host printed may be 0.0.0.0 or localhost; the tests make it listen on the loopback.
      if (port) found((listeningAt = `http://127.0.0.1:${port}`));
    });
    void exited.then(({ code, signal }) =>
      failed(
        new Error(
          `${name} exited (${signal ?? `code ${code}`}) before listening.\nstdout:\n${readableLog(stdout).slice(-2000)}\nstderr:\n${readableLog(stderr).slice(-2000)}`,
        ),
      ),
    );
  });
  listening.catch(() => undefined);
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    stdout: () => readableLog(stdout),
    stderr: () => readableLog(stderr),
    rawStdout: () => stdout,
    rawStderr: () => stderr,
    exited,
    baseUrl: () => listening,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** SIGKILLs every entry point a failed assertion left running, so jest does not wait for it. */
export function killStartedEntryPoints(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
