import { MissingVariableError } from './testing/compose.interpolation';
import { composeVariables, healthcheckUrls, loadCompose, type ComposeService } from './testing/compose.model';
import { composeText, composeWithExample, envExample } from './testing/deployment.files';
import { appOfCommand, loadServiceConfig, READINESS_PATH, type App } from './testing/service.config';

const REQUIRED_ONLY = { POSTGRES_PASSWORD: 'only-the-required-one' };

const apps = (services: ReadonlyMap<string, ComposeService>): [string, App, ComposeService][] =>
  [...services.values()].flatMap((s) => {
    const app = appOfCommand(s.command);
    return app ? [[s.name, app, s] as [string, App, ComposeService]] : [];
  });

describe('infra/compose.yaml', () => {
  const { services } = composeWithExample();
  const appServices = apps(services);

  it('runs two GraphQL-only gateways, two projectors and two reactors, each worker with its own instance id', () => {
    const byApp = (app: App) => appServices.filter(([, a]) => a === app).map(([, , s]) => s);
    expect(byApp('gateway').map((s) => s.environment['SOOC_WORKERS'])).toEqual(['none', 'none']);
    for (const worker of ['projector', 'reactor'] as const) {
      const ids = byApp(worker).map((s) => s.environment['SOOC_INSTANCE_ID']);
      expect(new Set(ids).size).toBe(2);
    }
  });

  describe.each([
    ['infra/.env copied from infra/.env.example', envExample().values],
    ['an infra/.env holding only POSTGRES_PASSWORD (the compose defaults)', REQUIRED_ONLY],
  ])('with %s', (_, variables) => {
    it.each(apps(loadCompose(composeText(), variables).services))(
      '%s: the %s config loader accepts its environment and reads every variable in it',
      (_name, app, service) => {
        const { unread } = loadServiceConfig(app, service.environment);
        expect(unread).toEqual([]);
      },
    );
  });

  it.each(appServices)(
    '%s: the healthcheck asks its own PORT for %s readiness, and that PORT is the one published',
    (_name, _app, service) => {
      const port = Number(service.environment['PORT']);
      const urls = healthcheckUrls(service.healthcheck);
      expect(urls.map((u) => [u.pathname, Number(u.port)])).toEqual([[READINESS_PATH, port]]);
      expect(service.ports.map((p) => p.container)).toEqual([port]);
    },
  );

  it.each(appServices)(
    '%s: starts once EventStoreDB and PostgreSQL report healthy, and both have a healthcheck',
    (_name, _app, service) => {
      expect(service.dependsOn).toEqual({ eventstore: 'service_healthy', postgres: 'service_healthy' });
      expect(services.get('eventstore')?.healthcheck).toBeDefined();
      expect(services.get('postgres')?.healthcheck).toBeDefined();
    },
  );

  it('builds one image for every process', () => {
    expect(new Set(appServices.map(([, , s]) => s.image))).toEqual(new Set(['sooc:local']));
  });

  it.each(appServices)(
    "%s: the store URLs name the compose services, with the postgres service's own user, password and database",
    (_name, _app, service) => {
      const eventstore = services.get('eventstore')!.environment;
      const esdb = new URL(service.environment['SOOC_EVENT_STORE_URL']);
      expect([esdb.protocol, esdb.hostname, esdb.port]).toEqual([
        'esdb:',
        'eventstore',
        eventstore['EVENTSTORE_NODE_PORT'],
      ]);
      // An insecure node speaks plaintext; the client's default is TLS.
      expect(esdb.searchParams.get('tls')).toBe(eventstore['EVENTSTORE_INSECURE'] === 'true' ? 'false' : null);

      const postgres = services.get('postgres')!.environment;
      const readDb = new URL(service.environment['SOOC_READ_DB_URL']);
      expect([
        readDb.hostname,
        readDb.port,
        readDb.username,
        decodeURIComponent(readDb.password),
        readDb.pathname,
      ]).toEqual([
        'postgres',
        '5432',
        postgres['POSTGRES_USER'],
        postgres['POSTGRES_PASSWORD'],
        `/${postgres['POSTGRES_DB']}`,
      ]);
    },
  );

  it('runs EventStoreDB pinned to a release line, without server-side projections (sooc projects itself)', () => {
    const eventstore = services.get('eventstore')!;
    expect(eventstore.image).toMatch(/^eventstore\/eventstore:\d+\.\d+/);
    expect(eventstore.environment['EVENTSTORE_RUN_PROJECTIONS']).toBe('None');
  });

  it('refuses to start without POSTGRES_PASSWORD, naming it', () => {
    expect(() => loadCompose(composeText(), {})).toThrow(MissingVariableError);
    expect(() => loadCompose(composeText(), {})).toThrow(/POSTGRES_PASSWORD/);
  });

  it('substitutes exactly the variables infra/.env.example documents', () => {
    expect([...composeVariables(composeText())].sort()).toEqual([...new Set(envExample().names)].sort());
  });
});
