import { decodeProtectedHeader } from 'jose';
import { startGateway, type Harness } from './gateway.harness';
import { startOidcProvider, type OidcProvider } from './oidc/oidc-provider.fixture';

const AUDIENCE = 'https://api.sooc.test';
const DRAFT = `mutation($input: DraftCourseInput!) { draftCourse(input: $input) { position } }`;
const course = (title: string) => ({
  title,
  summary: 'Drafted by a token of a real provider.',
  topics: [],
  language: 'en',
  selectionPolicy: 'FIRST_COME',
  defaultCapacity: 20,
});
/** The key set is used at most this long: a removed key stops verifying within it. */
const JWKS_MAX_AGE_MS = 1_500;

/**
 * SOOC_AUTH=oidc against a real OpenID provider (oidc-provider) on loopback: discovery, its
 * remote key set, a user's login and a partner machine's client credentials, key rotation.
 * Roles are read from a nested claim, as Keycloak puts them (SOOC_ROLES_CLAIM=realm_access.roles).
 */
describe('SOOC_AUTH=oidc with a real OpenID provider', () => {
  let provider: OidcProvider;
  let h: Harness;

  beforeAll(async () => {
    provider = await startOidcProvider({ audience: AUDIENCE });
    h = await startGateway({
      SOOC_AUTH: 'oidc',
      SOOC_OIDC_ISSUER: provider.issuer,
      SOOC_OIDC_AUDIENCE: AUDIENCE,
      SOOC_ROLES_CLAIM: 'realm_access.roles',
      SOOC_OIDC_JWKS_MAX_AGE_MS: String(JWKS_MAX_AGE_MS),
      SOOC_OIDC_JWKS_COOLDOWN_MS: '0',
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await provider?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const draft = (token: string, title: string) => h.gql(DRAFT, { input: course(title) }, null, bearer(token));
  const codeOf = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    answer.errors?.[0]?.extensions?.['code'] ?? null;

  it("accepts a user's token from a real login, maps the nested roles claim, and records the user as the actor", async () => {
    const token = await provider.userToken('alice', { realm_access: { roles: ['offline_access', 'admin'] } });
    const answer = await draft(token, 'Alice drafts');
    expect(answer.errors).toBeUndefined();
    expect((await h.events()).at(-1)!.metadata.actor).toEqual({ id: 'alice', role: 'admin' });
  });

  it("scopes a partner machine's client-credentials token to its company", async () => {
    const token = await provider.clientCredentialsToken({ realm_access: { roles: ['partner'] }, company: 'acme' });
    expect(codeOf(await draft(token, 'A partner drafts'))).toBe('FORBIDDEN');
    const listed = await h.gql('{ applications(cohortId: "any-cohort") { totalCount } }', {}, null, bearer(token));
    expect(listed.errors).toBeUndefined();
  });

  it("refuses the gateway's own local tokens and publishes no key set of its own", async () => {
    const local = await h.token({ role: 'admin' });
    const refused = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(local) },
      body: JSON.stringify({ query: '{ cohorts { totalCount } }' }),
    });
    expect(refused.status).toBe(401);
    expect((await fetch(new URL('/.well-known/jwks.json', h.gateway.url))).status).toBe(404);
  });

  it('takes new keys at once (an unknown kid refetches the key set) and refuses a removed key once the set is refreshed', async () => {
    const before = await provider.userToken('bob', { realm_access: { roles: ['admin'] } });
    expect(codeOf(await draft(before, 'Before the rotation'))).toBeNull();

    await provider.rotateKeys();
    const after = await provider.userToken('carol', { realm_access: { roles: ['admin'] } });
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    expect(codeOf(await draft(after, 'Right after the rotation'))).toBeNull();
    expect(codeOf(await draft(before, 'The old key is still published'))).toBeNull();

    await provider.dropOldKeys();
    await new Promise((resolve) => setTimeout(resolve, JWKS_MAX_AGE_MS + 300));
    const eventsBefore = (await h.events()).length;
    const refused = await draft(before, 'The old key is gone');
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toMatch(/no key of the issuer matches its kid/);
    expect((await h.events()).length).toBe(eventsBefore);
    expect(codeOf(await draft(after, 'The current key still works'))).toBeNull();
  });
});
