import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { gatewayHealth, type HealthReport } from './gateway.health';
import type { Infrastructure } from './infrastructure';

export type { HealthReport } from './gateway.health';

export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');

/** Liveness: the process answers (`/health/live`). Readiness (`/health`, `/health/ready`): see gatewayHealth. */
@Controller('health')
export class HealthController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Get('live')
  live(): { live: true } {
    return { live: true };
  }

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await gatewayHealth(this.infrastructure);
    reply.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    return this.health(reply);
  }
}
