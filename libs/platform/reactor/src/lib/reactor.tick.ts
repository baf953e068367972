import type { EnvReader } from '@sooc/runtime';

export const DEFAULT_REACTOR_TICK_MS = 1_000;

/**
 * SOOC_REACTOR_TICK_MS (50..60000, default 1000): how often due offers are expired. Read through
 * the caller's reader, so the reactor process and a gateway running the reactor in-process each
 * report it among their own variables.
 */
export function readReactorTickMs(reader: EnvReader): number {
  return reader.integer('SOOC_REACTOR_TICK_MS', DEFAULT_REACTOR_TICK_MS, 50, 60_000);
}
