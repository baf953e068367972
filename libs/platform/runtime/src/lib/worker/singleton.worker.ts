import { errorMessage } from '@sooc/util';
import { WorkerLease, type ReadDb } from '@sooc/read-store';
import { describeError } from '../process.lifecycle';
import { Signal } from '@sooc/timing';

export type WorkerRole = 'standby' | 'active' | 'stopping' | 'stopped';

/** What a singleton runs while it holds the lease (a projection runner, the reactor). */
export interface ActiveWork {
  /** Graceful: ends at a checkpoint. */
  stop(): Promise<void>;
  /** Settles (either way) if the work stops on its own because of a failure. */
  readonly failed: Promise<unknown>;
}

export interface WorkerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SingletonOptions {
  readonly readDb: ReadDb;
  /** 'projector' | 'reactor': the lease's name. */
  readonly name: string;
  readonly instanceId: string;
  readonly ttlMs: number;
  readonly log: WorkerLog;
  /**
   * Called each time this instance becomes active; its stop() is called when the lease is lost or
   * on stop(). Work that writes the read database runs `tenure.fence` last in each transaction.
   */
  readonly start: (tenure: LeaseTenure) => Promise<ActiveWork>;
}

/** One stretch of holding the lease, handed to the work it runs. */
export interface LeaseTenure {
  readonly generation: bigint;
  /** Fails the transaction `trx` unless this tenure still holds the lease (WorkerLease.fence). */
  fence(trx: ReadDb): Promise<void>;
}

export interface SingletonWorker {
  role(): WorkerRole;
  /** Resolves the first time this instance becomes active (holds the lease; its work is starting). */
  readonly activated: Promise<void>;
  /**
   * Resolves with the active work's failure (or start()'s error), after the work was stopped and
   * the lease released so a standby takes over at once: main.ts exits 1 on it (a supervisor restarts).
   */
  readonly failed: Promise<unknown>;
  onRoleChange(listener: (role: WorkerRole) => void): () => void;
  /** Graceful: stops the work at a checkpoint, releases the lease (a standby takes over at once). */
  stop(): Promise<void>;
}

type Outcome = { kind: 'lost' } | { kind: 'stop' } | { kind: 'failed'; failure: unknown };

/**
 * One active instance per lease name among every process on the read database: standbys poll
 * every ttl/5, the active one renews every ttl/3 (two renewals may fail before a standby may
 * take over). A lost lease stops the work and goes back to standby; a work failure ends it.
 */
export function runSingleton(options: SingletonOptions): SingletonWorker {
  const { name, log, ttlMs } = options;
  const lease = new WorkerLease(options.readDb, { name, holder: options.instanceId, ttlMs });
  // A fire while nobody sleeps (a stop, a work failure between two checks) cuts the next sleep short.
  const wakeup = new Signal();
  let seen = 0;
  const sleep = async (ms: number) => {
    await wakeup.sleep(ms, seen);
    seen = wakeup.version;
  };
  const listeners = new Set<(role: WorkerRole) => void>();
  let current: WorkerRole = 'standby';
  let stopRequested = false;
  let markActivated: () => void = () => undefined;
  const activated = new Promise<void>((resolve) => (markActivated = resolve));
  let markFailed: (failure: unknown) => void = () => undefined;
  const failed = new Promise<unknown>((resolve) => (markFailed = resolve));

  const setRole = (role: WorkerRole) => {
    if (role === current) return;
    current = role;
    if (role === 'active') markActivated();
    for (const listener of [...listeners]) listener(role);
  };

  // Said once per change, not at every poll: a standby may wait for hours.
  let lastHolder: string | null = null;
  let lastProblem: string | null = null;
  const standBy = async (): Promise<boolean> => {
    try {
      if (await lease.tryAcquire()) return true;
      const holder = (await lease.current())?.holder ?? null;
      if (holder !== lastHolder || lastProblem !== null)
        log.info(`standing by: lease "${name}" held by ${holder ?? 'nobody'}`);
      [lastHolder, lastProblem] = [holder, null];
    } catch (error) {
      const problem = errorMessage(error);
      if (problem !== lastProblem) log.warn(`standing by: lease "${name}" unreadable: ${describeError(error)}`);
      lastProblem = problem;
    }
    return false;
  };

  /** Renews until the lease is lost, stop() is called or the work fails. */
  const holdWhileActive = async (failure: Promise<unknown>): Promise<Outcome> => {
    const work: { failedWith?: { failure: unknown } } = {};
    void failure.then((f) => {
      work.failedWith = { failure: f };
      wakeup.fire();
    });
    for (;;) {
      await sleep(ttlMs / 3);
      // Woken from a long pause (GC, frozen VM), the work may run into the new holder's checkpoint
      // before the overdue renewal runs: a failure once the lease is gone is the lost lease's doing.
      if (work.failedWith)
        return (await renewInTime()) ? { kind: 'failed', failure: work.failedWith.failure } : { kind: 'lost' };
      if (stopRequested) return { kind: 'stop' };
      if (!(await renewInTime())) return { kind: 'lost' };
    }
  };

  /** A renewal that hangs past the lease's deadline counts as lost: a standby may be taking over. */
  const renewInTime = async (): Promise<boolean> => {
    const deadline = lease.validUntil;
    if (deadline === null) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, deadline - performance.now()))),
    );
    try {
      const renewed = await Promise.race([lease.renew(), late]);
      return renewed === true;
    } catch (error) {
      log.warn(`lease "${name}" not renewed, retrying: ${describeError(error)}`);
      return true;
    } finally {
      clearTimeout(timer);
    }
  };

  /** Called at once, so listeners of 'active' see the work already starting. */
  const startWork = (): Promise<ActiveWork> => {
    try {
      const generation = lease.generation;
      if (generation === null) throw new Error(`lease "${name}" is not held: nothing to start`);
      return options.start({ generation, fence: (trx) => lease.fence(trx, generation) });
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const stopWork = async (working: Promise<ActiveWork>): Promise<void> => {
    const work = await working.catch(() => null);
    if (work) await work.stop();
  };

  const run = async (): Promise<void> => {
    while (!stopRequested) {
      if (!(await standBy())) {
        await sleep(ttlMs / 5);
        continue;
      }
      if (stopRequested) break;
      lastHolder = options.instanceId;
      log.info(`lease "${name}" acquired (generation ${lease.generation}): active`);
      setRole('active');
      const working = startWork();
      const failure = working
        .then((work) => work.failed)
        .then(
          (f) => f,
          (error: unknown) => error,
        );
      const outcome = await holdWhileActive(failure);
      setRole('stopping');
      if (outcome.kind === 'lost') {
        log.warn(`lease "${name}" lost: stopping the work, then standing by`);
        // Its failure now (a batch refused because the new holder wrote first) is expected.
        await stopWork(working).catch((error: unknown) =>
          log.warn(`stopping after losing the lease: ${describeError(error)}`),
        );
        lastHolder = null;
        setRole('standby');
        continue;
      }
      await stopWork(working).catch((error: unknown) => log.error(`stopping the work failed: ${describeError(error)}`));
      await lease.release().then(
        () => log.info(`lease "${name}" released`),
        (error: unknown) =>
          log.warn(`releasing lease "${name}" failed (a standby takes over after the ttl): ${describeError(error)}`),
      );
      if (outcome.kind === 'failed') {
        setRole('stopped');
        markFailed(outcome.failure);
        return;
      }
    }
    // Stopped while standing by (or just as it acquired): a held lease goes at once.
    await lease.release().catch(() => undefined);
    setRole('stopped');
  };

  const running = run().catch((error: unknown) => {
    log.error(`singleton "${name}" crashed: ${describeError(error)}`);
    setRole('stopped');
    markFailed(error);
  });

  return {
    role: () => current,
    activated,
    failed,
    onRoleChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopRequested = true;
      wakeup.fire();
      await running;
    },
  };
}
