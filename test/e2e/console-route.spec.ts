import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The config is the gateway's own (the harness boots it the same way).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadConfig } from '@sooc/gateway';
import { startGateway, type Harness } from './gateway.harness';

/** /console as the gateway serves it, whatever the browser does with it (test/browser drives the built console). */
describe('the console route', () => {
  describe('with the development sign-in (local mode) and no console built', () => {
    let h: Harness;
    let base: string;
    const empty = mkdtempSync(join(tmpdir(), 'sooc-console-none-'));
    beforeAll(async () => {
      h = await startGateway({ SOOC_CONSOLE_DIR: empty });
      base = `http://localhost:${h.gateway.port}/console`;
    });
    afterAll(async () => {
      await h.close();
      rmSync(empty, { recursive: true, force: true });
    });

    it('says the console is not built and how to build it, rather than failing', async () => {
      for (const path of ['/', '/index.html', '/assets/index.js']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(503);
        expect(await response.text()).toContain('npx nx run console:build');
      }
    });

    it('tells the sign-in screen the mode, and mints a token the API accepts for the role chosen', async () => {
      expect(await (await fetch(`${base}/settings.json`)).json()).toEqual({
        auth: 'local',
        devSignIn: true,
        oidc: null,
      });
      const response = await fetch(`${base}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'learner', learnerId: 'ada' }),
      });
      expect(response.status).toBe(200);
      const { token, role } = (await response.json()) as { token: string; role: string };
      expect(role).toBe('learner');
      const asAda = await fetch(h.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ learnerEnrollments(learnerId: "ada") { totalCount } }' }),
      });
      expect(await asAda.json()).toEqual({ data: { learnerEnrollments: { totalCount: 0 } } });
      const asSomeoneElse = await fetch(h.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ learnerEnrollments(learnerId: "bea") { totalCount } }' }),
      });
      expect(
        ((await asSomeoneElse.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('FORBIDDEN');
    });

    it('names every bad field of the sign-in form at once', async () => {
      const response = await fetch(`${base}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'root', companyId: '../acme', cohorts: 'all' }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; fields: { field: string }[] } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.fields.map((f) => f.field)).toEqual(['role', 'companyId', 'cohorts']);
    });
  });

  it('has no development sign-in when SOOC_CONSOLE_DEV_SIGNIN=false', async () => {
    const h = await startGateway({ SOOC_CONSOLE_DEV_SIGNIN: 'false' });
    try {
      const base = `http://localhost:${h.gateway.port}/console`;
      expect(await (await fetch(`${base}/settings.json`)).json()).toEqual({
        auth: 'local',
        devSignIn: false,
        oidc: null,
      });
      const response = await fetch(`${base}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'admin' }),
      });
      expect(response.status).toBe(404);
    } finally {
      await h.close();
    }
  });
  it('in oidc mode tells the console the provider and client to sign in with, lets the page reach the provider, and mints nothing', async () => {
    const issuer = 'https://id.example.org/realms/sooc';
    const built = mkdtempSync(join(tmpdir(), 'sooc-console-built-'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
    const h = await startGateway({
      SOOC_CONSOLE_DIR: built,
      SOOC_AUTH: 'oidc',
      SOOC_OIDC_ISSUER: issuer,
      SOOC_OIDC_AUDIENCE: 'https://api.sooc.test',
      SOOC_ROLES_CLAIM: 'realm_access.roles',
      SOOC_CONSOLE_OIDC_CLIENT_ID: 'sooc-console',
      SOOC_CONSOLE_OIDC_SCOPES: 'openid api',
    });
    try {
      const base = `http://localhost:${h.gateway.port}/console`;
      expect(await (await fetch(`${base}/settings.json`)).json()).toEqual({
        auth: 'oidc',
        devSignIn: false,
        oidc: { issuer, clientId: 'sooc-console', scopes: 'openid api', rolesClaim: 'realm_access.roles' },
      });
      const devSignIn = await fetch(`${base}/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'admin' }),
      });
      expect(devSignIn.status).toBe(404);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain(
        "connect-src 'self' ws: wss: https://id.example.org;",
      );
    } finally {
      await h.close();
      rmSync(built, { recursive: true, force: true });
    }
  });

  it('refuses the development sign-in and a console client id where they cannot work', () => {
    const oidc = { SOOC_AUTH: 'oidc', SOOC_OIDC_ISSUER: 'https://id.example.org', SOOC_OIDC_AUDIENCE: 'api' };
    expect(() => loadConfig({ ...oidc, SOOC_CONSOLE_DEV_SIGNIN: 'true' })).toThrow(/SOOC_CONSOLE_DEV_SIGNIN/);
    expect(() => loadConfig({ SOOC_CONSOLE_OIDC_CLIENT_ID: 'sooc-console' })).toThrow(/SOOC_CONSOLE_OIDC_CLIENT_ID/);
    expect(() =>
      loadConfig({ ...oidc, SOOC_CONSOLE_OIDC_CLIENT_ID: 'sooc-console', SOOC_CONSOLE_OIDC_SCOPES: 'api' }),
    ).toThrow(/SOOC_CONSOLE_OIDC_SCOPES/);
  });
});
