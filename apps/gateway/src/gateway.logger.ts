import { Injectable, type DynamicModule } from '@nestjs/common';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestContext } from '@sooc/nest';

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
 * One line per HTTP request (pino-http, through nestjs-pino) when it ends: method, URL, status
 * and time, with the request's correlation id, actor and GraphQL operation (the logger's mixin
 * reads them from the request context). `debug` for an answer, `warn` for a 4xx, `error` for a
 * 5xx: at `info` a busy gateway writes no line per request. No headers: a token is a secret.
 */
export function gatewayLoggerModule(logger: PinoLogger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      // The correlation id is the request's id: what a client sends in x-correlation-id, or one made for it.
      genReqId: () => RequestContext.current().correlationId,
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${req.url} ${res.statusCode}`,
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${req.url} ${res.statusCode}`,
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      quietReqLogger: true,
    },
  });
}
