import { type Clock } from '@sooc/timing';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  createInputValidationPipe,
  describeRootTypes,
  withIdempotencyKeys,
  formatGraphQLError,
  GraphQLExceptionFilter,
  graphqlWsOptions,
  subscriptionTransportPlugin,
} from '@sooc/graphql';
import { SoocCoreModule } from '@sooc/nest';
import { WebhookUrlSettingsModule, type WebhookUrlSettings } from '@sooc/partners-api';
import { AccessGuard } from './access/access.guard';
import { graphqlWsAuth } from './access/graphql-ws.auth';
import type { Identity } from './access/identity';
import type { GatewayMetrics } from './gateway.metrics';
import { GATEWAY_API_MODULES } from './gateway.schema';
import { HealthController, INFRASTRUCTURE } from './health.controller';
import type { Infrastructure } from './infrastructure';
import { METRICS_REGISTRY, MetricsController } from './metrics.controller';
import { operationGuards, type OperationLimits } from './operation.limits';
import { personalDataPlugin, revealResult } from './personal-data.plugin';
import { gatewayLoggerModule, GatewayNestLogger } from './gateway.logger';
import { operationNamePlugin } from './operation-name.plugin';
import type { Logger as PinoLogger } from 'pino';

export interface GatewayModuleOptions {
  readonly infrastructure: Infrastructure;
  readonly clock: Clock;
  /** Deep, costly or long enough for any dashboard query of the schema; abusive documents are refused. */
  readonly limits: OperationLimits;
  readonly metrics: GatewayMetrics;
  readonly identity: Identity;
  readonly webhookUrls: WebhookUrlSettings;
  /** The gateway's pino logger: Nest's logs and one line per request go through it. */
  readonly logger: PinoLogger;
}

/** Queries and mutations over HTTP, subscriptions over graphql-ws: one path for both. */
export const GRAPHQL_PATH = '/graphql';

@Module({})
export class GatewayModule {
  static forRoot({
    infrastructure,
    clock,
    limits,
    metrics,
    identity,
    webhookUrls,
    logger,
  }: GatewayModuleOptions): DynamicModule {
    const guards = operationGuards(limits);
    return {
      module: GatewayModule,
      imports: [
        gatewayLoggerModule(logger),
        SoocCoreModule.forRoot({
          eventStore: infrastructure.requestStore,
          clock,
          readDb: infrastructure.readDatabase.db,
          readModelSync: infrastructure.readModels,
          references: identity.references,
          personalData: infrastructure.personalData,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: (schema) => withIdempotencyKeys(describeRootTypes(schema)),
          playground: false,
          introspection: limits.introspection,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          validationRules: guards.validationRules,
          parseOptions: guards.parseOptions,
          // Apollo's default, said out loud: an array of operations in one request is refused.
          allowBatchedHttpRequests: false,
          plugins: [
            operationNamePlugin(),
            metrics.plugin,
            subscriptionTransportPlugin(GRAPHQL_PATH),
            ...guards.plugins,
            personalDataPlugin(infrastructure.personalData),
          ],
          // graphql-ws only: the legacy subscriptions-transport-ws protocol is unmaintained.
          subscriptions: {
            'graphql-ws': {
              ...graphqlWsOptions(guards.validationRules),
              ...graphqlWsAuth(
                identity.authenticate,
                (result) => revealResult(infrastructure.personalData, result),
                metrics.subscriptions,
              ),
            },
          },
        }),
        WebhookUrlSettingsModule.forRoot(webhookUrls),
        ...GATEWAY_API_MODULES,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: METRICS_REGISTRY, useValue: metrics.registry },
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        GatewayNestLogger,
      ],
    };
  }
}
