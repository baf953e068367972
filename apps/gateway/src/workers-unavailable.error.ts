import { errorMessage } from '@sooc/util';
import { WorkerLease, type ReadDb } from '@sooc/read-store';

/** SOOC_WORKERS=embedded, but another live instance holds a worker's lease on this read database. */
export class WorkersUnavailableError extends Error {
  constructor(
    readonly worker: string,
    readonly holder: string,
  ) {
    super(
      `SOOC_WORKERS=embedded: the "${worker}" lease on this read database is held by ${holder}, so this gateway cannot run the ${worker} in-process. ` +
        'Stop that instance, or run this gateway with SOOC_WORKERS=none beside apps/projector and apps/reactor.',
    );
    this.name = 'WorkersUnavailableError';
  }
}

/** Who holds the lease, as the operator should read it in the error. */
export async function describeHolder(db: ReadDb, worker: string): Promise<string> {
  try {
    const current = await new WorkerLease(db, { name: worker, holder: '(gateway check)', ttlMs: 1_000 }).current();
    if (!current) return 'nobody any more (it was released just now: start again)';
    return `"${current.holder}" (generation ${current.generation}, last renewed ${current.renewedAt})`;
  } catch (error) {
    return `an instance this gateway could not read (${errorMessage(error)})`;
  }
}
