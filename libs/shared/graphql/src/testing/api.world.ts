import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import type { Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { DomainEvent } from '@sooc/event-sourcing';
// Specs wire the real adapters the gateway uses; the libraries themselves only see the ports.
import { MemoryEventStore } from '@sooc/event-store';
import { TestIdentity, type Persona } from '@sooc/auth/testing';
import { CommandRunner, SoocCoreModule, withRequestContext } from '@sooc/nest';
import {
  migrateToLatest,
  openReadDatabase,
  ProjectionRunner,
  type AnyProjection,
  type MigrationSet,
  type ReadDatabase,
} from '@sooc/read-store';
import { FixedClock } from '@sooc/timing';
import { newEventId } from '@sooc/event-sourcing';
import { formatGraphQLError } from '../lib/graphql-error.formatter';
import { GraphQLExceptionFilter } from '../lib/graphql-exception.filter';
import { createInputValidationPipe } from '../lib/input-validation.pipe';
import { NodeModule } from '../lib/node.module';

export interface GraphQLResult<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions: Record<string, unknown> }[];
}

export const ADMIN: Persona = { role: 'admin', subject: 'admin-1' };
/** Bound to the cohorts the API specs use. */
export const REVIEWER: Persona = { role: 'reviewer', subject: 'rev-1', cohorts: ['c-1', 'c-2', 'c-3'] };

export interface ApiWorldOptions {
  /** The context's API module, booted as the gateway boots it (validation pipe, error filter). */
  readonly module: Type<unknown>;
  readonly migrations: readonly MigrationSet[];
  readonly projections: readonly AnyProjection[];
}

/**
 * One context's GraphQL API on a fixed clock, over a memory event store and an in-memory SQLite
 * read model kept up by the real projection runner; requests go through Fastify's inject. A
 * context's world extends it with the commands its specs need.
 */
export class ApiWorld {
  readonly clock = new FixedClock(new Date('2026-03-05T10:00:00Z'));
  readonly store = new MemoryEventStore();
  app!: NestFastifyApplication;
  runner!: ProjectionRunner;
  identity!: TestIdentity;
  private readDatabase!: ReadDatabase;

  protected async open(options: ApiWorldOptions): Promise<this> {
    this.identity = await TestIdentity.create();
    this.readDatabase = openReadDatabase('sqlite::memory:');
    await migrateToLatest(this.readDatabase.db, options.migrations);
    this.runner = new ProjectionRunner({
      store: this.store,
      db: this.readDatabase.db,
      projections: options.projections,
    });
    await this.runner.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SoocCoreModule.forRoot({
          eventStore: this.store,
          clock: this.clock,
          readDb: this.readDatabase.db,
          readModelSync: this.runner,
          references: this.identity.references,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          playground: false,
          formatError: formatGraphQLError,
        }),
        NodeModule,
        options.module,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    }).compile();
    this.app = moduleRef.createNestApplication<NestFastifyApplication>(
      withRequestContext(new FastifyAdapter(), this.identity.authenticate),
    );
    await this.app.init();
    await this.app.getHttpAdapter().getInstance().ready();
    return this;
  }

  /** The app's one command path, as its resolvers use it. */
  get commands(): CommandRunner {
    return this.app.get(CommandRunner);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runner.stop();
    await this.readDatabase.close();
    await this.store.close();
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    as: Persona | null = ADMIN,
  ): Promise<GraphQLResult<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(await this.identity.headers(as)) },
      payload: { query, variables },
    });
    return response.json() as GraphQLResult<T>;
  }

  /** Another context's facts, appended as that context would; returns the last one's position. */
  async append(streamId: string, events: readonly DomainEvent[]): Promise<bigint> {
    const metadata = {
      occurredAt: this.clock.now().toISOString(),
      actor: { id: 'admin-1', role: 'admin' as const },
      correlationId: 'spec',
      causationId: null,
      schemaVersion: 1,
    };
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ id: newEventId(), type: e.type, data: e.data, metadata })),
      { expectedRevision: 'any' },
    );
    return result.position;
  }
}
