import { FixedClock } from '@sooc/timing';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TestIdentity, type Persona } from '@sooc/auth/testing';
import { cohortDecider, cohortStream, type CohortCommand, type CourseState } from '@sooc/cohorts-domain';
import { enrollmentDecider, enrollmentStream, type EnrollmentCommand } from '@sooc/enrollment-domain';
// Specs wire the real adapters the gateway uses; the library itself only sees the ports.
import { MemoryEventStore } from '@sooc/event-store';
import { createInputValidationPipe, formatGraphQLError, GraphQLExceptionFilter } from '@sooc/graphql';
import { CommandRunner, SoocCoreModule, withRequestContext } from '@sooc/nest';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type ReadDatabase } from '@sooc/read-store';
import { selectionMigrations, selectionProjections } from '@sooc/selection-read-models';
import { SelectionApiModule } from './selection-api.module';

const course: CourseState = {
  status: 'drafted',
  courseId: 'course-1',
  title: 'Event sourcing in practice',
  summary: 'Small groups.',
  topics: ['events'],
  language: 'en',
  prerequisites: [],
  selectionPolicy: 'review',
  defaultCapacity: 20,
};
const CRITERIA = [
  { id: 'motivation', label: 'Motivation', weight: 3 },
  { id: 'fit', label: 'Fit', weight: 1 },
];
const RUBRIC =
  'mutation($input: DefineRubricInput!) { defineRubric(input: $input) { position rubric { version criteria { id weight } } } }';
const REVIEW =
  'mutation($input: ReviewApplicationInput!) { reviewApplication(input: $input) { position review { reviewerId scores { criterionId score } score comment } } }';

describe('selection API on a memory store', () => {
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let store: MemoryEventStore;
  let readDatabase: ReadDatabase;
  let projector: ProjectionRunner;

  const gql = async (query: string, variables: Record<string, unknown>, as: Persona | null = null) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(await identity.headers(as)) },
      payload: { query, variables },
    });
    return response.json() as {
      data?: Record<string, Record<string, unknown>> | null;
      errors?: { extensions: Record<string, unknown> }[];
    };
  };

  beforeAll(async () => {
    identity = await TestIdentity.create();
    store = new MemoryEventStore();
    readDatabase = openReadDatabase('sqlite::memory:');
    await migrateToLatest(readDatabase.db, [selectionMigrations]);
    projector = new ProjectionRunner({ store, db: readDatabase.db, projections: selectionProjections });
    await projector.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SoocCoreModule.forRoot({
          eventStore: store,
          clock: new FixedClock(new Date('2026-03-05T10:00:00Z')),
          readDb: readDatabase.db,
          readModelSync: projector,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          playground: false,
          formatError: formatGraphQLError,
        }),
        SelectionApiModule,
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

    // The cohort and the application come from their own deciders, as their handlers would write them.
    const runner = app.get(CommandRunner);
    const applicationWindow = { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' };
    const plan = {
      cohortId: 'c-1',
      courseId: 'course-1',
      title: 'Spring',
      capacity: 20,
      applicationWindow,
      startsOn: '2026-04-10',
      endsOn: '2026-06-30',
      course,
    };
    const cohort = (command: Omit<CohortCommand, 'metadata'>) =>
      runner.run(cohortDecider, cohortStream('c-1'), command);
    await cohort({ type: 'PlanCohort', data: plan });
    await cohort({ type: 'OpenApplications', data: { cohortId: 'c-1' } });
    const dossier = {
      name: null,
      email: null,
      motivation: 'Keen to learn.',
      level: 'beginner' as const,
      companyId: null,
      shareWithCompany: false,
      answers: {},
      prerequisitesMet: [],
    };
    const submit: Omit<EnrollmentCommand, 'metadata'> = {
      type: 'SubmitApplication',
      data: {
        enrollmentId: 'c-1-ada',
        cohortId: 'c-1',
        learnerId: 'ada',
        dossier,
        cohort: {
          status: 'open',
          selectionPolicy: 'review',
          prerequisites: [],
          sessions: 10,
          applicationWindow: { opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-04-01T00:00:00Z' },
        },
      },
    };
    await runner.run(enrollmentDecider, enrollmentStream('c-1', 'ada'), submit);
  });

  afterAll(async () => {
    await app.close();
    await projector.stop();
    await readDatabase.close();
    await store.close();
  });

  it('versions the rubric on each change and reports no position for a repeat', async () => {
    const first = await gql(RUBRIC, {
      input: { cohortId: 'c-1', criteria: CRITERIA, blind: false, reviewsRequired: 1 },
    });
    expect(first.data!['defineRubric']).toMatchObject({
      position: expect.stringMatching(/^\d+$/),
      rubric: { version: 1 },
    });
    const repeat = await gql(RUBRIC, {
      input: { cohortId: 'c-1', criteria: CRITERIA, blind: false, reviewsRequired: 1 },
    });
    expect(repeat.data!['defineRubric']).toEqual({ position: null, rubric: first.data!['defineRubric']['rubric'] });
    const reweighted = await gql(RUBRIC, {
      input: {
        cohortId: 'c-1',
        criteria: [CRITERIA[0], { ...CRITERIA[1], weight: 2 }],
        blind: false,
        reviewsRequired: 1,
      },
    });
    expect(reweighted.data!['defineRubric']['rubric']).toEqual({
      version: 2,
      criteria: [
        { id: 'motivation', weight: 3 },
        { id: 'fit', weight: 2 },
      ],
    });
  });

  it("answers a cohort's current rubric from the read model once it has the write, null before one", async () => {
    const RUBRIC_QUERY =
      'query($id: ID!, $at: Position) { rubric(cohortId: $id, consistentWith: $at) { version criteria { id label weight } blind reviewsRequired } }';
    const at = String(await store.headPosition());
    expect((await gql(RUBRIC_QUERY, { id: 'c-1', at })).data!['rubric']).toEqual({
      version: 2,
      criteria: [CRITERIA[0], { ...CRITERIA[1], weight: 2 }],
      blind: false,
      reviewsRequired: 1,
    });
    expect((await gql(RUBRIC_QUERY, { id: 'c-unknown', at })).data!['rubric']).toBeNull();
  });

  it('lists the scores in the rubric order whatever order the reviewer sent, signed by the caller', async () => {
    const scores = [
      { criterionId: 'fit', score: 1 },
      { criterionId: 'motivation', score: 5 },
    ];
    const result = await gql(
      REVIEW,
      { input: { cohortId: 'c-1', learnerId: 'ada', scores, comment: '   ' } },
      { role: 'reviewer', subject: 'rev-1', cohorts: ['c-1'] },
    );
    expect(result.data!['reviewApplication']['review']).toEqual({
      reviewerId: 'rev-1',
      scores: [
        { criterionId: 'motivation', score: 5 },
        { criterionId: 'fit', score: 1 },
      ],
      score: 68,
      comment: null,
    });
  });

  it('refuses a review from an anonymous caller with FORBIDDEN', async () => {
    const scores = [
      { criterionId: 'motivation', score: 5 },
      { criterionId: 'fit', score: 1 },
    ];
    const result = await gql(REVIEW, { input: { cohortId: 'c-1', learnerId: 'ada', scores, comment: null } });
    expect(result.errors![0].extensions).toMatchObject({ code: 'SELECTION.REVIEWER_REQUIRED', category: 'FORBIDDEN' });
  });
});
