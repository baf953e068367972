import { type Clock } from '@sooc/timing';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { useRequestContext } from '@sooc/nest';
import { clockFromEnv, createLineLogger, type LineLogger } from '@sooc/runtime';
import type { GatewayConfig } from './gateway.config';
import { createGatewayMetrics } from './gateway.metrics';
import { GatewayModule, GRAPHQL_PATH } from './gateway.module';
import { addSecurityHeaders, protectTheEdge } from './edge.protection';
import { logRequests } from './request-log.hook';
import { serveGraphiQL } from './graphiql.page';
import { serveConsole } from './console.route';
import { openInfrastructure, type Infrastructure } from './infrastructure';
import { GatewayNestLogger } from './gateway.logger';
import { openIdentity } from './access/identity';
import { serveJwks } from './access/jwks.route';
import { servePartnerSchemas } from './partner-schemas.route';
import { limitRates } from './access/rate.limits';
import { answerRequestErrorsAsGraphQL } from './request-body.error-handler';

export interface Gateway {
  readonly app: NestFastifyApplication;
  readonly infrastructure: Infrastructure;
  readonly port: number;
  /** `http://localhost:<port>/graphql`; the same path serves graphql-ws over `ws://`. */
  readonly url: string;
  /** Stops accepting, drains requests and subscriptions, stops the workers (or the follower) at a checkpoint, closes the stores. */
  close(): Promise<void>;
}

export interface GatewayOverrides {
  /** Tests move time; production reads the system clock. */
  readonly clock?: Clock;
  /** main.ts hands its own, which wrote the start lines; otherwise one at the config's level. */
  readonly log?: LineLogger;
}

/** Used by main.ts and by the e2e tests alike, so the tests run the app as it ships. */
export async function createGateway(config: GatewayConfig, overrides: GatewayOverrides = {}): Promise<Gateway> {
  // The Nest handlers and the reactor read one clock: an offer expires for both at the same instant.
  const clock = overrides.clock ?? clockFromEnv(config.clockFile ? { SOOC_CLOCK_FILE: config.clockFile } : {});
  const log = overrides.log ?? createLineLogger('gateway', config.logLevel, { warningsTo: 'stderr' });
  const infrastructure = await openInfrastructure(config, {
    clock,
    reactorTickMs: config.reactorTickMs,
    logLevel: config.logLevel,
    leaseTtlMs: config.leaseTtlMs,
    storeTimeoutMs: config.storeTimeoutMs,
    webhooks: config.webhooks,
    instanceId: config.instanceId,
  });
  try {
    const metrics = createGatewayMetrics(infrastructure);
    const identity = await openIdentity(config.auth, config.dataDir);
    const adapter = new FastifyAdapter();
    answerRequestErrorsAsGraphQL(adapter.getInstance(), GRAPHQL_PATH);
    addSecurityHeaders(adapter.getInstance());
    useRequestContext(adapter.getInstance(), identity.authenticate);
    logRequests(adapter.getInstance(), log.pino);
    if (identity.jwks) serveJwks(adapter.getInstance(), identity.jwks);
    if (config.graphiql) serveGraphiQL(adapter.getInstance(), GRAPHQL_PATH);
    servePartnerSchemas(adapter.getInstance());
    await serveConsole(adapter.getInstance(), {
      dir: config.consoleDir,
      authMode: config.auth.mode,
      mintDevToken: config.consoleDevSignIn ? identity.mintLocal : null,
      oidc: config.consoleOidc,
    });
    const app = await NestFactory.create<NestFastifyApplication>(
      GatewayModule.forRoot({
        infrastructure,
        clock,
        metrics,
        identity,
        logger: log.pino,
        webhookUrls: { production: config.webhooks.production, allowPrivate: config.webhooks.allowPrivate },
        limits: {
          maxDepth: config.graphqlMaxDepth,
          maxCost: config.graphqlMaxCost,
          maxAliases: config.graphqlMaxAliases,
          maxTokens: config.graphqlMaxTokens,
          introspection: config.introspection,
        },
      }),
      adapter,
      // Nest's logs wait for nestjs-pino's logger, which the module provides.
      { bufferLogs: true, abortOnError: false },
    );
    app.useLogger(app.get(GatewayNestLogger));
    protectTheEdge(app, config);
    await limitRates(app, config.rateLimits);
    // A burst of applications opens many connections at once; Node's default backlog (511) resets the rest.
    await app.listen({ port: config.port, host: config.host, backlog: 4096 });
    const port = (app.getHttpServer().address() as AddressInfo).port;
    let closing: Promise<void> | null = null;
    return {
      app,
      infrastructure,
      port,
      url: `http://localhost:${port}/graphql`,
      close: () => (closing ??= app.close().finally(() => infrastructure.close())),
    };
  } catch (error) {
    await infrastructure.close();
    throw error;
  }
}
