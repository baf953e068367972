import { WorkerLease, type LeaseHolder, type ReadDb } from '@sooc/read-store';

/** The lease every projector takes, standalone or embedded in a gateway (SOOC_WORKERS=embedded). */
export const PROJECTOR_LEASE = 'projector';

export interface ProjectorLease {
  /** Run last in each batch transaction: fails it once a projector has taken the lease from us. */
  fence(trx: ReadDb): Promise<void>;
  release(): Promise<void>;
}

export type LeaseOutcome = { readonly taken: ProjectorLease } | { readonly heldBy: LeaseHolder | null };

/**
 * Takes the projector lease as a projector would, so that none projects while we rewrite its
 * tables, and holds it (renewed every ttl/3) until released. A holder whose heartbeat stays
 * still for `ttlMs` is dead (a crashed process leaves its row): we take over from it, as a
 * standby would, which is why refusing a live holder takes `ttlMs`. `wait: false` only tries once.
 */
export async function takeProjectorLease(
  db: ReadDb,
  options: { readonly holder: string; readonly ttlMs: number; readonly wait: boolean },
): Promise<LeaseOutcome> {
  const lease = new WorkerLease(db, { name: PROJECTOR_LEASE, holder: options.holder, ttlMs: options.ttlMs });
  let acquired = await lease.tryAcquire();
  if (!acquired && options.wait) {
    await new Promise((resolve) => setTimeout(resolve, options.ttlMs + 50));
    acquired = await lease.tryAcquire();
  }
  const generation = lease.generation;
  if (!acquired || generation === null) return { heldBy: await lease.current() };
  const renewal = setInterval(
    // A failed renewal is not fatal here: the fence refuses the next batch once the lease is gone.
    () => void lease.renew().catch(() => undefined),
    Math.max(100, Math.floor(options.ttlMs / 3)),
  );
  renewal.unref();
  return {
    taken: {
      fence: (trx) => lease.fence(trx, generation),
      async release() {
        clearInterval(renewal);
        await lease.release();
      },
    },
  };
}
