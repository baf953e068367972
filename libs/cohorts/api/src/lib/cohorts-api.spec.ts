import { FixedClock } from '@sooc/timing';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TestIdentity } from '@sooc/auth/testing';
import { cohortDecider, cohortStream } from '@sooc/cohorts-domain';
import { cohortProjection, cohortsMigrations, courseProjection } from '@sooc/cohorts-read-models';
// Specs wire the real adapters the gateway uses; the library itself only sees the ports.
import { MemoryEventStore } from '@sooc/event-store';
import { createInputValidationPipe, formatGraphQLError, GraphQLExceptionFilter } from '@sooc/graphql';
import { CommandRunner, SoocCoreModule, withRequestContext } from '@sooc/nest';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type ReadDatabase } from '@sooc/read-store';
import { CohortsApiModule } from './cohorts-api.module';

const COURSE = {
  courseId: 'course-1',
  title: 'Event sourcing in practice',
  summary: 'Small groups.',
  topics: ['events'],
  language: 'en',
  prerequisites: [],
  selectionPolicy: 'FIRST_COME',
  defaultCapacity: 20,
};
const plan = (cohortId: string) => ({
  courseId: 'course-1',
  cohortId,
  title: 'Spring',
  capacity: 20,
  applicationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
  startsOn: '2026-04-10',
  endsOn: '2026-06-30',
});

describe('cohorts API on a fixed clock', () => {
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let store: MemoryEventStore;
  let readDatabase: ReadDatabase;
  let runner: ProjectionRunner;
  const clock = new FixedClock(new Date('2026-03-05T10:00:00Z'));

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(await identity.headers({ role: 'admin' })) },
      payload: { query, variables },
    });
    return response.json() as {
      data?: Record<string, { cohort?: { status: string } } & Record<string, unknown>>;
      errors?: { extensions: Record<string, unknown> }[];
    };
  };

  beforeAll(async () => {
    identity = await TestIdentity.create();
    store = new MemoryEventStore();
    readDatabase = openReadDatabase('sqlite::memory:');
    await migrateToLatest(readDatabase.db, [cohortsMigrations]);
    runner = new ProjectionRunner({ store, db: readDatabase.db, projections: [cohortProjection, courseProjection] });
    await runner.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SoocCoreModule.forRoot({ eventStore: store, clock, readDb: readDatabase.db, readModelSync: runner }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          playground: false,
          formatError: formatGraphQLError,
        }),
        CohortsApiModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      withRequestContext(new FastifyAdapter(), identity.authenticate),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await gql('mutation($input: DraftCourseInput!) { draftCourse(input: $input) { position } }', { input: COURSE });
  });

  afterAll(async () => {
    await app.close();
    await runner.stop();
    await readDatabase.close();
    await store.close();
  });

  const PLAN =
    'mutation($input: PlanCohortInput!) { planCohort(input: $input) { position cohort { status selectionPolicy } } }';
  const OPEN = 'mutation($id: ID!) { openApplications(input: { cohortId: $id }) { position cohort { status } } }';

  it('opens applications inside the window and refuses once the clock passes its end', async () => {
    await gql(PLAN, { input: plan('inside') });
    await gql(PLAN, { input: plan('late') });
    expect((await gql(OPEN, { id: 'inside' })).data!['openApplications'].cohort).toEqual({ status: 'OPEN' });

    clock.set(new Date('2026-04-01T00:00:00Z'));
    const late = await gql(OPEN, { id: 'late' });
    expect(late.errors![0].extensions).toMatchObject({ code: 'COHORT.WINDOW_PASSED', category: 'CONFLICT' });
    clock.set(new Date('2026-03-05T10:00:00Z'));
  });

  it('makes a query with consistentWith wait until the read model has the write', async () => {
    await gql(PLAN, { input: plan('lagging') });
    await runner.stop();
    const outcome = await app
      .get(CommandRunner)
      .run(cohortDecider, cohortStream('lagging'), { type: 'OpenApplications', data: { cohortId: 'lagging' } });
    const COHORT =
      'query($cohortId: ID!, $at: Position) { cohort(cohortId: $cohortId, consistentWith: $at) { status } }';

    expect((await gql(COHORT, { cohortId: 'lagging' })).data!['cohort']).toEqual({ status: 'PLANNED' });
    const waiting = gql(COHORT, { cohortId: 'lagging', at: outcome.position!.toString() });
    setTimeout(() => void runner.start(), 100);
    expect((await waiting).data!['cohort']).toEqual({ status: 'OPEN' });
  });
});
