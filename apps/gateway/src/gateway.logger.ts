import type { ReactorLog } from '@sooc/reactor-engine';
import type { LogLevel } from '@sooc/runtime';

const RANK: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/**
 * Lines of what runs outside Nest (the embedded workers' leases), prefixed like the workers'
 * own (`sooc projector: …`), so one grep finds a worker's role changes in every deployment.
 */
export function createWorkerLog(worker: string, level: LogLevel, out: (line: string) => void = (l) => process.stdout.write(l), err: (line: string) => void = (l) => process.stderr.write(l)): ReactorLog {
  const line = (write: (line: string) => void, at: LogLevel, prefix: string) => (message: string) => {
    if (RANK[at] >= RANK[level]) write(`sooc ${worker}: ${prefix}${message}\n`);
  };
  return { debug: line(out, 'debug', ''), info: line(out, 'info', ''), warn: line(out, 'warn', 'warning: '), error: line(err, 'error', '') };
}
