import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/projector/src/main.ts');

export interface ProjectorProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every child started, so afterAll can SIGKILL what a failed assertion left running. */
export const startedProcesses: ChildProcess[] = [];

/** The real entry point, `node apps/projector/src/main.ts` through the repo's swc hook (no build needed). */
export function startProjectorProcess(env: Record<string, string>): ProjectorProcess {
  const child = spawn(process.execPath, ['--conditions=@sooc/source', '-r', join(ROOT, 'tools/ts-register.cjs'), MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  startedProcesses.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

export function killAll(): void {
  for (const child of startedProcesses) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
