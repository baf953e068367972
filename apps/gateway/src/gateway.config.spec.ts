import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './gateway.config';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to port 3000 and SQLite files in ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      eventStoreUrl: 'sqlite:data/events.sqlite',
      readDbUrl: 'sqlite:data/read.sqlite',
      keyStoreUrl: 'sqlite:data/keys.sqlite',
      logLevel: 'info',
      graphqlMaxDepth: 10,
      reactorTickMs: 1000,
      clockFile: null,
      consoleDevSignIn: true,
      consoleDir: join(__dirname, '../../console/dist'),
      consoleOidc: null,
      workers: 'embedded',
      leaseTtlMs: 5000,
      instanceId: `${hostname()}-${process.pid}`,
      graphiql: true,
      introspection: true,
      graphqlMaxCost: 5000,
      graphqlMaxAliases: 15,
      graphqlMaxTokens: 2000,
      corsOrigins: [],
      auth: {
        mode: 'local',
        claims: { roles: 'roles', company: 'company', learner: 'learner', cohorts: 'cohorts' },
        referenceKey: null,
      },
      rateLimits: { perPrincipal: 6000, perAnonymousIp: 600 },
      storeTimeoutMs: 5_000,
      webhooks: {
        production: false,
        allowPrivate: false,
        tickMs: 250,
        timeoutMs: 10_000,
        maxResponseBytes: 4096,
        disableAfterMs: 5 * 86_400_000,
        retryScale: 1,
      },
    });
  });

  it('reads the operation limits, introspection and the CORS origins, and names a bad list', () => {
    expect(
      loadConfig({
        GRAPHQL_MAX_COST: '900',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_TOKENS: '500',
        SOOC_CORS_ORIGINS: 'https://admin.example.org, http://localhost:5173',
      }),
    ).toMatchObject({
      graphqlMaxCost: 900,
      graphqlMaxAliases: 3,
      graphqlMaxTokens: 500,
      corsOrigins: ['https://admin.example.org', 'http://localhost:5173'],
    });
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local' })).toMatchObject({ introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local', SOOC_INTROSPECTION: 'true' })).toMatchObject({
      introspection: true,
    });
    expect(problemsOf({ SOOC_CORS_ORIGINS: 'admin.example.org' }).message).toContain(
      'SOOC_CORS_ORIGINS="admin.example.org": expected a comma-separated list of origins',
    );
  });

  it('serves GraphiQL unless NODE_ENV=production, and SOOC_GRAPHIQL decides either way', () => {
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local' })).toMatchObject({ graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local', SOOC_GRAPHIQL: 'true' })).toMatchObject({
      graphiql: true,
    });
    expect(loadConfig({ SOOC_GRAPHIQL: 'false' })).toMatchObject({ graphiql: false });
    expect(problemsOf({ SOOC_GRAPHIQL: 'yes' }).message).toContain('SOOC_GRAPHIQL="yes": expected true or false');
  });

  it('checks webhook URLs for https in production, and lets them reach private addresses only when told', () => {
    expect(loadConfig({})).toMatchObject({ webhooks: { production: false, allowPrivate: false } });
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local' })).toMatchObject({
      webhooks: { production: true, allowPrivate: false },
    });
    expect(loadConfig({ SOOC_WEBHOOK_ALLOW_PRIVATE: 'true' })).toMatchObject({ webhooks: { allowPrivate: true } });
    expect(problemsOf({ SOOC_WEBHOOK_ALLOW_PRIVATE: 'yes' }).message).toContain(
      'SOOC_WEBHOOK_ALLOW_PRIVATE="yes": expected true or false',
    );
  });

  it('runs the workers in-process unless SOOC_WORKERS=none, and reads their lease settings', () => {
    expect(loadConfig({ SOOC_WORKERS: 'none' })).toMatchObject({ workers: 'none' });
    expect(loadConfig({ SOOC_WORKERS: 'Embedded', SOOC_LEASE_TTL_MS: '2000', SOOC_INSTANCE_ID: 'gw-a' })).toMatchObject(
      { workers: 'embedded', leaseTtlMs: 2000, instanceId: 'gw-a' },
    );
    const error = problemsOf({ SOOC_WORKERS: 'some', SOOC_LEASE_TTL_MS: '500', SOOC_INSTANCE_ID: 'gw a' });
    expect(error.problems.map((p) => p.variable)).toEqual(['SOOC_WORKERS', 'SOOC_LEASE_TTL_MS', 'SOOC_INSTANCE_ID']);
    expect(error.message).toContain('SOOC_WORKERS="some": expected one of embedded, none');
  });

  it('bounds each call a request makes to the event store by SOOC_STORE_TIMEOUT_MS, and names a bad value', () => {
    expect(loadConfig({ SOOC_STORE_TIMEOUT_MS: '1500' }).storeTimeoutMs).toBe(1_500);
    for (const bad of ['50', '60001', 'soon']) {
      const error = problemsOf({ SOOC_STORE_TIMEOUT_MS: bad });
      expect(error.problems).toEqual([
        expect.objectContaining({ variable: 'SOOC_STORE_TIMEOUT_MS', expected: 'milliseconds from 100 to 60000' }),
      ]);
    }
  });

  it("reads the embedded reactor's tick and the clock file", () => {
    expect(loadConfig({ SOOC_REACTOR_TICK_MS: '250', SOOC_CLOCK_FILE: ' /tmp/now.txt ' })).toMatchObject({
      reactorTickMs: 250,
      clockFile: '/tmp/now.txt',
    });
    expect(problemsOf({ SOOC_REACTOR_TICK_MS: '10' }).problems.map((p) => p.variable)).toEqual([
      'SOOC_REACTOR_TICK_MS',
    ]);
  });

  it('derives the default store files from SOOC_DATA_DIR and keeps explicit URLs', () => {
    expect(
      loadConfig({ SOOC_DATA_DIR: '/var/sooc', SOOC_READ_DB_URL: 'postgres://u:p@db:5432/sooc', PORT: '0' }),
    ).toMatchObject({
      port: 0,
      eventStoreUrl: 'sqlite:/var/sooc/events.sqlite',
      readDbUrl: 'postgres://u:p@db:5432/sooc',
    });
  });

  it('names every bad variable and what it accepts', () => {
    const error = problemsOf({ PORT: '70000', SOOC_EVENT_STORE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT', 'SOOC_EVENT_STORE_URL', 'LOG_LEVEL']);
    expect(error.message).toContain('PORT="70000": expected an integer from 0 to 65535');
    expect(error.message).toContain(
      'SOOC_EVENT_STORE_URL="mysql://x": expected "memory:", "sqlite:<path>", "esdb://host:port?tls=false"',
    );
    expect(error.message).toContain('LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent');
  });

  it('refuses a non-numeric port and a read database it cannot open', () => {
    expect(
      problemsOf({ PORT: '80a', SOOC_READ_DB_URL: 'redis://x', GRAPHQL_MAX_DEPTH: '0' }).problems.map(
        (p) => p.variable,
      ),
    ).toEqual(['PORT', 'SOOC_READ_DB_URL', 'GRAPHQL_MAX_DEPTH']);
  });

  it('takes tokens of the local key by default, and in production only once SOOC_AUTH says which', () => {
    expect(loadConfig({}).auth.mode).toBe('local');
    expect(problemsOf({ NODE_ENV: 'production' }).message).toContain('SOOC_AUTH="(unset)": expected set explicitly');
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local' }).auth.mode).toBe('local');
  });

  it("turns the console's development sign-in on in local development only, unless told", () => {
    expect(loadConfig({}).consoleDevSignIn).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local' }).consoleDevSignIn).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', SOOC_AUTH: 'local', SOOC_CONSOLE_DEV_SIGNIN: 'true' }).consoleDevSignIn,
    ).toBe(true);
    expect(loadConfig({ SOOC_CONSOLE_DEV_SIGNIN: 'false' }).consoleDevSignIn).toBe(false);
    const oidc = { SOOC_AUTH: 'oidc', SOOC_OIDC_ISSUER: 'https://id.example.org', SOOC_OIDC_AUDIENCE: 'sooc-api' };
    expect(loadConfig(oidc).consoleDevSignIn).toBe(false);
    expect(problemsOf({ ...oidc, SOOC_CONSOLE_DEV_SIGNIN: 'true' }).message).toContain(
      'SOOC_CONSOLE_DEV_SIGNIN="true": expected false when SOOC_AUTH=oidc',
    );
  });

  it('needs the issuer and audience in oidc mode, and reads the claim mapping and key set timings', () => {
    const error = problemsOf({ SOOC_AUTH: 'oidc' });
    expect(error.problems.map((p) => p.variable)).toEqual(['SOOC_OIDC_ISSUER', 'SOOC_OIDC_AUDIENCE']);
    expect(
      loadConfig({
        SOOC_AUTH: 'oidc',
        SOOC_OIDC_ISSUER: 'https://id.example.org/realms/sooc',
        SOOC_OIDC_AUDIENCE: 'sooc-api',
        SOOC_ROLES_CLAIM: 'realm_access.roles',
        SOOC_OIDC_JWKS_MAX_AGE_MS: '60000',
      }).auth,
    ).toEqual({
      mode: 'oidc',
      issuer: 'https://id.example.org/realms/sooc',
      audience: 'sooc-api',
      claims: { roles: 'realm_access.roles', company: 'company', learner: 'learner', cohorts: 'cohorts' },
      jwksMaxAgeMs: 60_000,
      jwksCooldownMs: 5_000,
      referenceKey: null,
    });
    const bad = problemsOf({ SOOC_AUTH: 'saml', SOOC_ROLES_CLAIM: 'a..b', SOOC_REFERENCE_KEY: 'short' });
    expect(bad.problems.map((p) => p.variable)).toEqual(['SOOC_AUTH', 'SOOC_ROLES_CLAIM', 'SOOC_REFERENCE_KEY']);
  });
});
