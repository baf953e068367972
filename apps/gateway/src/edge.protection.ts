import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from './gateway.config';

/**
 * Security headers on every answer (helmet), and CORS only for the origins SOOC_CORS_ORIGINS
 * names: without it a browser page from another site cannot call the API at all. helmet's
 * Content-Security-Policy is left to the one HTML page we serve (GraphiQL sets its own, with the
 * hash of its inline script): every other answer is JSON or text, where a CSP does nothing.
 */
export async function protectTheEdge(
  app: NestFastifyApplication,
  config: Pick<GatewayConfig, 'corsOrigins'>,
): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.corsOrigins], methods: ['GET', 'POST'], maxAge: 600 });
  }
}
