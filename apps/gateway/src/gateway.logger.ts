import { Injectable, type DynamicModule } from '@nestjs/common';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';

/**
 * Nest's own logs through nestjs-pino, on the gateway's pino logger: the same JSON lines as the
 * gateway's start lines and the embedded workers. Nest's start-up chatter (`log`: modules
 * initialised, routes mapped) is `debug` here, `verbose` is `trace`; the gateway's start lines
 * and its ready line say what an operator needs at `info`.
 */
@Injectable()
export class GatewayNestLogger extends Logger {
  override log(message: unknown, ...params: unknown[]): void {
    this.debug(message, ...params);
  }
}

/**
 * nestjs-pino for Nest's own logs only: `forRoutes: []` installs none of its middleware (pino-http
 * and a second AsyncLocalStorage on every request, through Nest's middleware runner); the request
 * lines come from a Fastify hook (request-log.hook.ts) at a third of the cost.
 */
export function gatewayLoggerModule(logger: PinoLogger): DynamicModule {
  return LoggerModule.forRoot({ forRoutes: [], pinoHttp: { logger } });
}
