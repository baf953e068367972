import { hostname } from 'node:os';
import type { EnvReader } from '../env.reader';

export interface WorkerConfig {
  /** Of the health/metrics HTTP server. */
  readonly host: string;
  /** 0 = a free port (tests). */
  readonly port: number;
  readonly leaseTtlMs: number;
  /** Names this process in the lease table and the logs. */
  readonly instanceId: string;
}

export type WorkerName = 'projector' | 'reactor' | 'partner-feed';

/** Two workers on one machine (or in the embedded demo) must not want the same port. */
export const WORKER_DEFAULT_PORTS: Readonly<Record<WorkerName, number>> = {
  projector: 9464,
  reactor: 9465,
  'partner-feed': 9466,
};
export const DEFAULT_LEASE_TTL_MS = 5_000;

const HOST = /^[A-Za-z0-9._:%[\]-]{1,253}$/;
const INSTANCE_ID = /^\S{1,200}$/;

/** Reads the worker variables into `reader` (PORT, HOST, SOOC_LEASE_TTL_MS, SOOC_INSTANCE_ID), which reports the bad ones when the caller is done. */
export function readWorkerConfig(reader: EnvReader, worker: WorkerName = 'projector'): WorkerConfig {
  const port = reader.integer(
    'PORT',
    WORKER_DEFAULT_PORTS[worker],
    0,
    65535,
    'a port from 0 to 65535 (0: any free port)',
  );
  const host = reader.read('HOST', '0.0.0.0', 'a host name or IP address to listen on', (raw) =>
    HOST.test(raw) ? raw : undefined,
  );
  const leaseTtlMs = reader.integer(
    'SOOC_LEASE_TTL_MS',
    DEFAULT_LEASE_TTL_MS,
    1_000,
    60_000,
    'milliseconds from 1000 to 60000',
  );
  const instanceId = reader.read(
    'SOOC_INSTANCE_ID',
    `${hostname()}-${process.pid}`,
    '1 to 200 characters without spaces',
    (raw) => (INSTANCE_ID.test(raw) ? raw : undefined),
  );
  return { host, port, leaseTtlMs, instanceId };
}
