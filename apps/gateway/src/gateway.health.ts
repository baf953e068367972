import { statfs } from 'node:fs/promises';
import { errorMessage } from '@sooc/util';
import type { Infrastructure } from './infrastructure';
import type { WorkersMode } from './gateway.config';

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly live: true;
  readonly ready: boolean;
  readonly workers: WorkersMode;
  readonly store: { readonly reachable: boolean; readonly head: string | null; readonly error?: string };
  /** Embedded (SQLite) stores: the free space of their directory; `full` means writes are refused (STORAGE_FULL). */
  readonly disk?: { readonly path: string; readonly freeBytes: number; readonly full: boolean };
  /** SOOC_WORKERS=none: the read database answers (the projections are apps/projector's concern). */
  readonly readDb?: { readonly reachable: boolean; readonly error?: string };
  /** SOOC_WORKERS=embedded: this instance's role for each lease. */
  readonly leases?: { readonly projector: string; readonly reactor: string };
  readonly projections: {
    /** Embedded: the runner runs; none: the follower polls. */
    readonly running: boolean;
    readonly caughtUp: boolean;
    readonly upToDate: boolean;
    /** Global positions between the store's head and the lowest checkpoint (positions may skip numbers). */
    readonly lag: string | null;
    readonly failure: string | null;
    /** A store the runner waits for (out of reach, or its disk full); it resumes by itself. */
    readonly waitingFor?: string | null;
  };
}

/**
 * Embedded: ready when the store answers and the projections run and have caught up once. None:
 * ready when the event store and the read database answer; the lag is reported from the
 * projector's checkpoints but is the projector's readiness, not this gateway's. A lag alone never
 * makes a gateway unready (writes still work, reads can ask for consistency).
 */
/** Below this the embedded stores cannot be trusted to commit (the write-ahead log grows by pages): not ready. */
export const MIN_FREE_BYTES = 1024 * 1024;

export async function gatewayHealth(infrastructure: Infrastructure): Promise<HealthReport> {
  const disk = infrastructure.storageDir ? await diskOf(infrastructure.storageDir) : null;
  let head: bigint | null = null;
  let storeError: string | undefined;
  try {
    head = await infrastructure.requestStore.headPosition();
  } catch (error) {
    storeError = errorMessage(error);
  }
  const store = {
    reachable: storeError === undefined,
    head: head?.toString() ?? null,
    ...(storeError ? { error: storeError } : {}),
  };
  const report = (
    ready: boolean,
    rest: Omit<HealthReport, 'status' | 'live' | 'ready' | 'workers' | 'store'>,
  ): HealthReport => ({
    status: ready && !disk?.full ? 'ok' : 'unavailable',
    live: true,
    ready: ready && !disk?.full,
    workers: infrastructure.workers,
    store,
    ...(disk ? { disk } : {}),
    ...rest,
  });
  const lagOf = (upToDate: boolean, processed: bigint | null) =>
    upToDate ? '0' : ((head ?? 0n) - (processed ?? 0n)).toString();

  const { runner, follower, embedded } = infrastructure;
  if (follower) {
    if (storeError !== undefined)
      return report(false, {
        projections: { running: false, caughtUp: false, upToDate: false, lag: null, failure: null },
      });
    try {
      const status = await follower.status();
      return report(true, {
        readDb: { reachable: true },
        projections: {
          running: status.following,
          caughtUp: status.upToDate,
          upToDate: status.upToDate,
          lag: lagOf(status.upToDate, status.processed),
          failure: status.failure?.message ?? null,
        },
      });
    } catch (error) {
      return report(false, {
        readDb: { reachable: false, error: errorMessage(error) },
        projections: { running: false, caughtUp: false, upToDate: false, lag: null, failure: null },
      });
    }
  }
  const status = storeError === undefined && runner ? await runner.status() : null;
  const ready =
    storeError === undefined && !!status?.running && status.caughtUp && !status.failure && !status.waitingFor;
  return report(ready, {
    ...(embedded ? { leases: embedded.roles() } : {}),
    projections: {
      running: status?.running ?? false,
      caughtUp: status?.caughtUp ?? false,
      upToDate: status?.upToDate ?? false,
      lag: status ? lagOf(status.upToDate, status.processed) : null,
      failure: status?.failure?.message ?? null,
      waitingFor: status?.waitingFor ?? null,
    },
  });
}

async function diskOf(path: string): Promise<{ path: string; freeBytes: number; full: boolean }> {
  const { bavail, bsize } = await statfs(path);
  const freeBytes = bavail * bsize;
  return { path, freeBytes, full: freeBytes < MIN_FREE_BYTES };
}
