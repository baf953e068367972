import type { Command } from 'commander';
import { DEFAULT_LEASE_TTL_MS, EnvReader, readStoreConfig, type StoreConfig } from '@sooc/runtime';
import { errorMessage } from '@sooc/util';

export interface CliStoreConfig {
  readonly store: StoreConfig;
  /** The projectors' SOOC_LEASE_TTL_MS: how long a still heartbeat means a dead holder. */
  readonly leaseTtlMs: number;
}

/**
 * The stores named by the same variables the gateway and the projector read (SOOC_DATA_DIR,
 * SOOC_EVENT_STORE_URL, SOOC_READ_DB_URL, …): a bad one fails the command, naming it.
 */
export function cliStoreConfig(env: NodeJS.ProcessEnv, command: Command): CliStoreConfig {
  try {
    const reader = new EnvReader(env);
    const store = readStoreConfig(reader);
    const leaseTtlMs = reader.integer(
      'SOOC_LEASE_TTL_MS',
      DEFAULT_LEASE_TTL_MS,
      1_000,
      60_000,
      'milliseconds from 1000 to 60000',
    );
    reader.done();
    return { store, leaseTtlMs };
  } catch (error) {
    return command.error(errorMessage(error));
  }
}
