import { FixedClock } from '@sooc/timing';
import { randomUUID } from 'node:crypto';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { cohortDecider, cohortStream, courseDecider, courseStream, type CohortCommand } from '@sooc/cohorts-domain';
import type { DomainEvent } from '@sooc/event-sourcing';
import { enrollmentMigrations, enrollmentProjections } from '@sooc/enrollment-read-models';
// Specs wire the real adapters the gateway uses; the library itself only sees the ports.
import { MemoryEventStore } from '@sooc/event-store';
import { createInputValidationPipe, formatGraphQLError, GraphQLExceptionFilter } from '@sooc/graphql';
import { CommandRunner, SoocCoreModule } from '@sooc/nest';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type ReadDatabase } from '@sooc/read-store';
import { selectionMigrations, selectionProjections } from '@sooc/selection-read-models';
import { EnrollmentApiModule } from '../lib/enrollment-api.module';

export interface GraphQLResult<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions: Record<string, unknown> }[];
}

export const ADMIN = { 'x-actor-id': 'admin-1', 'x-actor-role': 'admin' };
export const REVIEWER = { 'x-actor-id': 'rev-1', 'x-actor-role': 'reviewer' };

/**
 * The enrollment API on a fixed clock, over a memory event store and an in-memory SQLite read
 * model kept up by the real projection runner. Cohorts are planned through the cohort decider
 * directly: this context's API does not own them.
 */
export class EnrollmentApiWorld {
  readonly clock = new FixedClock(new Date('2026-03-05T10:00:00Z'));
  readonly store = new MemoryEventStore();
  app!: NestFastifyApplication;
  runner!: ProjectionRunner;
  private readDatabase!: ReadDatabase;

  static async start(): Promise<EnrollmentApiWorld> {
    const world = new EnrollmentApiWorld();
    world.readDatabase = openReadDatabase('sqlite::memory:');
    // The selection's rubrics too: blind review asks them whether a cohort reviews blind.
    await migrateToLatest(world.readDatabase.db, [enrollmentMigrations, selectionMigrations]);
    world.runner = new ProjectionRunner({
      store: world.store,
      db: world.readDatabase.db,
      projections: [...enrollmentProjections, ...selectionProjections],
    });
    await world.runner.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SoocCoreModule.forRoot({
          eventStore: world.store,
          clock: world.clock,
          readDb: world.readDatabase.db,
          readModelSync: world.runner,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          playground: false,
          formatError: formatGraphQLError,
        }),
        EnrollmentApiModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    }).compile();
    world.app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await world.app.init();
    await world.app.getHttpAdapter().getInstance().ready();
    return world;
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
    headers: Record<string, string> = ADMIN,
  ): Promise<GraphQLResult<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: { query, variables },
    });
    return response.json() as GraphQLResult<T>;
  }

  cohort(cohortId: string, command: Omit<CohortCommand, 'metadata'>) {
    return this.app.get(CommandRunner).run(cohortDecider, cohortStream(cohortId), command);
  }

  /** An open cohort of a course asking for TypeScript; returns its id. */
  async givenOpenCohort(selectionPolicy: 'first-come' | 'review' = 'review'): Promise<string> {
    const runner = this.app.get(CommandRunner);
    const courseId = randomUUID();
    const course = {
      courseId,
      title: 'Event sourcing',
      summary: 'Small groups.',
      topics: ['events'],
      language: 'en',
      prerequisites: ['TypeScript'],
      selectionPolicy,
      defaultCapacity: 20,
    };
    await runner.run(courseDecider, courseStream(courseId), { type: 'DraftCourse', data: course });
    const cohortId = randomUUID();
    const window = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
    const courseState = await runner.load(courseDecider, courseStream(courseId));
    const plan = {
      cohortId,
      courseId,
      title: 'Spring',
      capacity: 20,
      applicationWindow: window,
      startsOn: '2026-04-10',
      endsOn: '2026-06-30',
      course: courseState,
    };
    await this.cohort(cohortId, { type: 'PlanCohort', data: plan });
    await this.cohort(cohortId, { type: 'OpenApplications', data: { cohortId } });
    return cohortId;
  }

  /** Another context's facts (the selection's rubric and reviews), appended as that context would. */
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
      events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata })),
      { expectedRevision: 'any' },
    );
    return result.position;
  }
}
