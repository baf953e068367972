import { type Clock } from '@sooc/timing';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  createInputValidationPipe,
  depthLimit,
  describeRootTypes,
  formatGraphQLError,
  GraphQLExceptionFilter,
  graphqlWsOptions,
  subscriptionTransportPlugin,
} from '@sooc/graphql';
import { SoocCoreModule } from '@sooc/nest';
import type { GatewayMetrics } from './gateway.metrics';
import { GATEWAY_API_MODULES } from './gateway.schema';
import { HealthController, INFRASTRUCTURE } from './health.controller';
import type { Infrastructure } from './infrastructure';
import { METRICS_REGISTRY, MetricsController } from './metrics.controller';

export interface GatewayModuleOptions {
  readonly infrastructure: Infrastructure;
  readonly clock: Clock;
  /** Deep enough for any dashboard query of the schema, shallow enough to stop abusive nesting. */
  readonly maxQueryDepth: number;
  readonly metrics: GatewayMetrics;
}

/** Queries and mutations over HTTP, subscriptions over graphql-ws: one path for both. */
export const GRAPHQL_PATH = '/graphql';

@Module({})
export class GatewayModule {
  static forRoot({ infrastructure, clock, maxQueryDepth, metrics }: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        SoocCoreModule.forRoot({
          eventStore: infrastructure.eventStore,
          clock,
          readDb: infrastructure.readDatabase.db,
          readModelSync: infrastructure.readModels,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: describeRootTypes,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          validationRules: [depthLimit(maxQueryDepth)],
          plugins: [metrics.plugin, subscriptionTransportPlugin(GRAPHQL_PATH)],
          // graphql-ws only: the legacy subscriptions-transport-ws protocol is unmaintained.
          subscriptions: { 'graphql-ws': graphqlWsOptions(maxQueryDepth) },
        }),
        ...GATEWAY_API_MODULES,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: METRICS_REGISTRY, useValue: metrics.registry },
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    };
  }
}
