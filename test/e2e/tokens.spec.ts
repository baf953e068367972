import { generateKeyPairSync } from 'node:crypto';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalKey, mintLocalToken } from '@sooc/auth';
import { createRemoteJWKSet, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { draftCourse, planCohort } from './cohorts.fixture';
import { startGateway, type Harness } from './gateway.harness';

const DRAFT = `mutation($input: DraftCourseInput!) { draftCourse(input: $input) { position } }`;
const COURSE = {
  title: 'Tokens 101',
  summary: 'Who may draft a course.',
  topics: [],
  language: 'en',
  selectionPolicy: 'FIRST_COME',
  defaultCapacity: 20,
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('bearer tokens at the gateway (SOOC_AUTH=local)', () => {
  let h: Harness;
  let signingKey: CryptoKey;
  let kid: string;
  let publicX: string;

  beforeAll(async () => {
    h = await startGateway();
    const key = await loadOrCreateLocalKey(h.dataDir);
    signingKey = key.privateKey;
    kid = key.kid;
    publicX = String(key.publicJwk.x);
  });
  afterAll(() => h.close());

  /** A token as the local issuer would sign it, with any claim or header overridden. */
  const signed = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
    new SignJWT({ roles: ['admin'], ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid, ...header })
      .setIssuer(String(claims['iss'] ?? LOCAL_ISSUER))
      .setAudience(String(claims['aud'] ?? LOCAL_AUDIENCE))
      .setSubject('admin-1')
      .setIssuedAt()
      .setExpirationTime(Number(claims['exp'] ?? now() + 600))
      .sign(signingKey);

  async function draftWith(token: string) {
    const response = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DRAFT, variables: { input: COURSE } }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] },
    };
  }

  it('accepts a token of its key, and records its subject and role as the actor of the events written', async () => {
    const token = await mintLocalToken(await loadOrCreateLocalKey(h.dataDir), { role: 'admin', subject: 'grace' });
    const { status, body } = await draftWith(token);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const last = (await h.events()).at(-1)!;
    expect(last.metadata.actor).toEqual({ id: 'grace', role: 'admin' });
  });

  const badTokens: [string, () => Promise<string>, RegExp][] = [
    ['expired', () => signed({ exp: now() - 60 }), /expired/],
    [
      'not yet valid',
      async () =>
        new SignJWT({ roles: ['admin'] })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setSubject('a')
          .setNotBefore(now() + 3600)
          .setExpirationTime(now() + 7200)
          .sign(signingKey),
      /not valid yet/,
    ],
    ['of another issuer', () => signed({ iss: 'https://evil.example.org' }), /another issuer/],
    ['for another audience', () => signed({ aud: 'someone-else' }), /another audience/],
    [
      'with alg none',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ roles: ['admin'], sub: 'x', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 600 })}.`,
      /not accepted|not a well-formed/,
    ],
    [
      'HS256-signed with the public key as the secret',
      async () =>
        new SignJWT({ roles: ['admin'] })
          .setProtectedHeader({ alg: 'HS256', kid })
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setSubject('x')
          .setExpirationTime(now() + 600)
          .sign(Buffer.from(publicX, 'base64url')),
      /algorithm is not accepted/,
    ],
    [
      'with a changed payload (a learner made admin)',
      async () => {
        const [header, , signature] = (
          await mintLocalToken(await loadOrCreateLocalKey(h.dataDir), { role: 'learner', learnerId: 'ada' })
        ).split('.');
        return `${header}.${b64({ roles: ['admin'], sub: 'ada', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 600 })}.${signature}`;
      },
      /signature does not verify/,
    ],
    [
      'signed by an unknown key',
      async () => {
        const { privateKey } = generateKeyPairSync('ed25519');
        return new SignJWT({ roles: ['admin'] })
          .setProtectedHeader({ alg: 'EdDSA', kid: 'someone-elses' })
          .setIssuer(LOCAL_ISSUER)
          .setAudience(LOCAL_AUDIENCE)
          .setSubject('x')
          .setExpirationTime(now() + 600)
          .sign(privateKey);
      },
      /no key of the issuer matches its kid/,
    ],
    ['of garbage', async () => 'bm90IGEgdG9rZW4', /not a well-formed/],
  ];

  it.each(badTokens)('refuses a token %s with 401 UNAUTHENTICATED, and writes nothing', async (_name, make, reason) => {
    const before = (await h.events()).length;
    const { status, body } = await draftWith(await make());
    expect(status).toBe(401);
    expect(body.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect((await h.events()).length).toBe(before);
  });

  it('refuses an Authorization header that is not a bearer token, rather than treating it as anonymous', async () => {
    const response = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: '{ cohorts { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('ignores the old development headers: x-actor-role admin is an anonymous caller', async () => {
    const answer = await h.gql(DRAFT, { input: COURSE }, null, { 'x-actor-id': 'admin-1', 'x-actor-role': 'admin' });
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('lets a valid token without a sooc role read the catalogue only', async () => {
    const token = await signed({ roles: ['offline_access'] });
    expect((await draftWith(token)).body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const catalogue = await h.gql('{ cohorts { totalCount } }', {}, null, { authorization: `Bearer ${token}` });
    expect(catalogue.errors).toBeUndefined();
  });

  it('publishes its public key at /.well-known/jwks.json, and its tokens verify against it', async () => {
    const jwksUrl = new URL('/.well-known/jwks.json', h.gateway.url);
    const response = await fetch(jwksUrl);
    expect(response.headers.get('content-type')).toContain('application/jwk-set+json');
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid, alg: 'EdDSA' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const token = await h.token({ role: 'compliance' });
    const { payload } = await jwtVerify(token, createRemoteJWKSet(jwksUrl), {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    });
    expect(payload['roles']).toEqual(['compliance']);
  });

  it('closes a graphql-ws socket with 4401 for a bad token, and when the token expires', async () => {
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const closeOf = (authorization: string, query: string) =>
      new Promise<{ code: number; reason: string }>((resolve) => {
        const client = createClient({
          url: h.gateway.url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          connectionParams: { authorization },
          on: { closed: (event) => resolve(event as { code: number; reason: string }) },
        });
        client.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      });
    const cohortId = await planCohort(h, await draftCourse(h));
    const watch = `subscription { cohortUpdated(cohortId: "${cohortId}") { status } }`;

    expect(await closeOf('Bearer not.a.token', watch)).toMatchObject({
      code: 4401,
      reason: expect.stringMatching(/^UNAUTHENTICATED/),
    });

    const shortLived = await signed({ exp: now() + 2 });
    const started = Date.now();
    const closed = await closeOf(`Bearer ${shortLived}`, watch);
    expect(closed).toEqual(expect.objectContaining({ code: 4401, reason: 'UNAUTHENTICATED: the token has expired' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
