export function isBusy(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_BUSY';
}

/** A few ms with jitter, so two processes retrying in step do not keep colliding. */
export function busyPause(): number {
  return 1 + Math.random() * 3;
}

/**
 * WAL readers almost never wait, but a reader can meet SQLITE_BUSY while another process
 * recovers or restarts the WAL; the connection itself waits only briefly (SHORT_LOCK_WAIT_MS), so
 * retry here, off the event loop, for up to `timeoutMs`.
 */
export async function retryWhileBusy<T>(query: () => T, timeoutMs: number): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    try {
      return query();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, busyPause()));
    }
  }
}
