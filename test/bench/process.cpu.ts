import { readFileSync } from 'node:fs';

/**
 * CPU milliseconds a process has used (user + system, all threads: /proc/<pid>/stat, in 10 ms
 * ticks). A rate moves with whatever else the shared machine runs; the CPU a request costs moves
 * much less, so the benches report both.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
