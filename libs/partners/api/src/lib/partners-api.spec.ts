import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TestIdentity, type Persona } from '@sooc/auth/testing';
// Specs wire the real adapters the gateway uses; the library itself only sees the ports.
import { MemoryEventStore } from '@sooc/event-store';
import { createInputValidationPipe, formatGraphQLError, GraphQLExceptionFilter } from '@sooc/graphql';
import { SoocCoreModule, withRequestContext } from '@sooc/nest';
import { FixedClock } from '@sooc/timing';
import { partnersMigrations, partnersProjections } from '@sooc/partners-read-models';
import { migrateToLatest, openReadDatabase, ProjectionRunner, type ReadDatabase } from '@sooc/read-store';
import { PartnersApiModule } from './partners-api.module';
import { WebhookUrlSettingsModule } from './webhook-url-settings.module';

/** GraphQL needs a Query root, and this library has only mutations (reads come with the partners' read models). */
@Resolver()
class PingResolver {
  @Query(() => Boolean)
  ping(): boolean {
    return true;
  }
}

const ADMIN: Persona = { role: 'admin', subject: 'admin-1' };
const ACME: Persona = { role: 'partner', subject: 'acme-hr', companyId: 'acme' };
const GLOBEX: Persona = { role: 'partner', subject: 'globex-hr', companyId: 'globex' };

const REGISTER =
  'mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position partner { status } } }';
const ADD =
  'mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { position secret endpoint { endpointId eventTypes status } } }';
const ROTATE =
  'mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret previousSecretValidUntil } }';

describe('partners API (memory store, fixed clock)', () => {
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let store: MemoryEventStore;
  let readDatabase: ReadDatabase;
  let runner: ProjectionRunner;
  const clock = new FixedClock(new Date('2026-03-05T10:00:00Z'));

  const gql = async (query: string, variables: Record<string, unknown>, as: Persona = ADMIN) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(await identity.headers(as)) },
      payload: { query, variables },
    });
    return response.json() as {
      data?: Record<string, Record<string, unknown>> | null;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
  };

  beforeAll(async () => {
    identity = await TestIdentity.create();
    store = new MemoryEventStore();
    readDatabase = openReadDatabase('sqlite::memory:');
    await migrateToLatest(readDatabase.db, [partnersMigrations]);
    runner = new ProjectionRunner({ store, db: readDatabase.db, projections: [...partnersProjections] });
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
        WebhookUrlSettingsModule.forRoot({ production: false, allowPrivate: false }),
        PartnersApiModule,
      ],
      providers: [
        PingResolver,
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      withRequestContext(new FastifyAdapter(), identity.authenticate),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await gql(REGISTER, {
      input: { partnerId: 'p-acme', companyId: 'acme', name: 'ACME Training', contact: 'hr@acme.example' },
    });
  });

  afterAll(async () => {
    await app.close();
    await runner.stop();
    await readDatabase.close();
    await store.close();
  });

  it('adds an endpoint for every type with a fresh 32-byte secret, and rotates it to another', async () => {
    const added = await gql(ADD, { input: { partnerId: 'p-acme', url: 'https://93.184.216.34/hooks' } });
    const payload = added.data!['addWebhookEndpoint'] as { secret: string; endpoint: { endpointId: string } };
    expect(payload).toMatchObject({ endpoint: { eventTypes: [], status: 'ENABLED' } });
    expect(payload.endpoint.endpointId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Buffer.from(payload.secret.replace(/^whsec_/, ''), 'base64')).toHaveLength(32);

    const rotated = await gql(ROTATE, { input: { partnerId: 'p-acme', endpointId: payload.endpoint.endpointId } });
    expect(rotated.data!['rotateWebhookSecret']).toEqual({
      secret: expect.stringMatching(/^whsec_/),
      previousSecretValidUntil: '2026-03-06T10:00:00.000Z',
    });
    expect(rotated.data!['rotateWebhookSecret']!['secret']).not.toBe(payload.secret);
  });

  it('refuses a loopback URL, naming the kind and the address, and writes nothing', async () => {
    const head = await store.headPosition();
    const refused = await gql(ADD, { input: { partnerId: 'p-acme', url: 'http://127.0.0.1:8080/in' } });
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'WEBHOOK_ENDPOINT.URL_REFUSED',
      category: 'BAD_USER_INPUT',
      fields: [{ field: 'url', message: expect.stringContaining('127.0.0.1, a loopback address') }],
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('lets a partner token act for its own company’s partner, and refuses another company alike for a partner that exists or not', async () => {
    const own = await gql(ADD, { input: { partnerId: 'p-acme', url: 'https://93.184.216.34/own' } }, ACME);
    expect(own.errors).toBeUndefined();
    for (const partnerId of ['p-acme', 'p-nobody']) {
      const other = await gql(ADD, { input: { partnerId, url: 'https://93.184.216.34/x' } }, GLOBEX);
      expect(other.errors![0]).toMatchObject({
        message: 'addWebhookEndpoint is not allowed for role "partner" with these arguments',
        extensions: { code: 'FORBIDDEN', category: 'FORBIDDEN' },
      });
    }
  });
});
