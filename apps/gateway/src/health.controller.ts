import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@sooc/event-sourcing';
import { EVENT_STORE } from '@sooc/nest';
import type { ProjectionRunner } from '@sooc/read-store';
import type { FastifyReply } from 'fastify';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly live: true;
  readonly ready: boolean;
  readonly store: { readonly reachable: boolean; readonly head: string | null; readonly error?: string };
  readonly projections: {
    readonly running: boolean;
    readonly caughtUp: boolean;
    readonly upToDate: boolean;
    /** Global positions between the store's head and the lowest checkpoint (positions may skip numbers). */
    readonly lag: string | null;
    readonly failure: string | null;
  };
}

/**
 * Liveness: the process answers (`/health/live`). Readiness (`/health`, `/health/ready`): the
 * store answers and the projections run and have caught up once; a lag alone does not make the
 * gateway unready (writes still work, reads can ask for consistency), it is reported.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get('live')
  live(): { live: true } {
    return { live: true };
  }

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.report();
    reply.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    return this.health(reply);
  }

  private async report(): Promise<HealthReport> {
    let head: bigint | null = null;
    let storeError: string | undefined;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const status = storeError === undefined ? await this.runner.status() : null;
    // Positions may skip numbers, so this is a distance in positions, not a count of events.
    const lag = head === null ? 0n : head - (status?.processed ?? 0n);
    const ready = storeError === undefined && !!status?.running && status.caughtUp && !status.failure;
    return {
      status: ready ? 'ok' : 'unavailable',
      live: true,
      ready,
      store: { reachable: storeError === undefined, head: head?.toString() ?? null, ...(storeError ? { error: storeError } : {}) },
      projections: {
        running: status?.running ?? false,
        caughtUp: status?.caughtUp ?? false,
        upToDate: status?.upToDate ?? false,
        lag: status ? (status.upToDate ? '0' : lag.toString()) : null,
        failure: status?.failure?.message ?? null,
      },
    };
  }
}
