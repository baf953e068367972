import type { Pool, PoolClient } from 'pg';

/** The channel the projector's batch transactions notify (read-model-changes.log.ts) and followers listen on. */
export const READ_MODELS_CHANNEL = 'sooc_read_models';

export interface NotificationListener {
  /** Settles once the first LISTEN is in place or has failed (it is retried either way). */
  readonly ready: Promise<void>;
  /** True while a connection listens; false while it is being re-established. */
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Wait before reconnecting after the connection failed (default 500 ms). */
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * LISTEN on a client of its own, taken from the pool and never given back while listening (a
 * LISTEN lives on its connection; Pool.query would hand a different one each time, and destroys
 * a connection on error — STACK.md pitfall 6). When that connection fails it is destroyed and a
 * new one listens after `retryMs`; each (re)connection calls `onNotify` once, because a commit
 * may have gone unheard meanwhile. Notifications are only a wake-up: the caller reads the
 * database to learn what changed.
 */
export function listenForNotifications(
  pool: Pool,
  channel: string,
  onNotify: () => void,
  options: ListenOptions = {},
): NotificationListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Unsafe notification channel name "${channel}"`);
  const retryMs = options.retryMs ?? 500;
  let closed = false;
  let client: PoolClient | null = null;
  let timer: NodeJS.Timeout | undefined;

  const lost = (lostClient: PoolClient, error: unknown): void => {
    if (client !== lostClient) return;
    client = null;
    options.onError?.(error);
    lostClient.release(error instanceof Error ? error : true);
    retry();
  };

  const retry = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), retryMs);
    timer.unref();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let connecting: PoolClient | null = null;
    try {
      connecting = await pool.connect();
      const candidate = connecting;
      candidate.on('notification', (message) => {
        if (message.channel === channel) onNotify();
      });
      candidate.on('error', (error) => lost(candidate, error));
      candidate.on('end', () => lost(candidate, new Error('the listening connection ended')));
      await candidate.query(`LISTEN ${channel}`);
      if (closed) {
        candidate.release(true);
        return;
      }
      client = candidate;
      onNotify();
    } catch (error) {
      options.onError?.(error);
      // Destroyed, not returned: a connection in an unknown state must not serve queries.
      if (connecting && client !== connecting) connecting.release(true);
      retry();
    }
  };

  const ready = connect();
  return {
    ready,
    get listening() {
      return client !== null;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await ready;
      const listening = client;
      client = null;
      // Destroyed rather than returned to the pool, so the LISTEN ends with it.
      listening?.release(true);
    },
  };
}
