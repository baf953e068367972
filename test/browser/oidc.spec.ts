import type { Browser, Page } from 'playwright-core';
// The browser specs boot the gateway exactly as the e2e specs do, with the same real OpenID provider.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type Harness } from '../e2e/gateway.harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openCohort } from '../e2e/enrollment.fixture';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort, startOidcProvider, type OidcProvider } from '../e2e/oidc/oidc-provider.fixture';
import { expectAccessible, launchChromium, newPage } from './browser.harness';

const AUDIENCE = 'https://api.sooc.test';

/**
 * The console with SOOC_AUTH=oidc against a real OpenID provider (oidc-provider, its public
 * `console` client requiring PKCE, the console's /console/ registered as its redirect URI):
 * people sign in through the provider's own login and consent pages in Chromium, come back with
 * the role their token carries (a nested claim, as Keycloak puts it), and an answer whose state
 * was tampered with signs nobody in.
 */
describe('the console signing in at an OpenID provider', () => {
  let provider: OidcProvider;
  let h: Harness;
  let browser: Browser;
  let consoleUrl: string;
  let cohortId: string;

  async function page(): Promise<Page> {
    const p = await newPage(browser);
    // The provider's pages import a web font; nothing here may reach the internet.
    await p.context().route(/^https:\/\/fonts\./, (route) => route.abort());
    return p;
  }

  /** The provider's login page (any login and password is accepted by its development pages), then its consent page. */
  async function loginAtProvider(p: Page, login: string): Promise<void> {
    await p.waitForURL((url) => url.origin === provider.issuer);
    await p.locator('input[name="login"]').fill(login);
    await p.locator('input[name="password"]').fill('any password');
    await p.getByRole('button', { name: 'Sign-in' }).click();
    await p.getByRole('button', { name: 'Continue' }).click();
  }

  beforeAll(async () => {
    // The redirect URI names the gateway's port, so the port is chosen before either starts.
    const port = await freePort();
    consoleUrl = `http://127.0.0.1:${port}/console/`;
    provider = await startOidcProvider({ audience: AUDIENCE, consoleRedirectUris: [consoleUrl] });
    h = await startGateway({
      PORT: String(port),
      SOOC_AUTH: 'oidc',
      SOOC_OIDC_ISSUER: provider.issuer,
      SOOC_OIDC_AUDIENCE: AUDIENCE,
      SOOC_ROLES_CLAIM: 'realm_access.roles',
      SOOC_CONSOLE_OIDC_CLIENT_ID: 'console',
      SOOC_CONSOLE_OIDC_SCOPES: 'openid api',
    });
    // The gateway takes only the provider's tokens, so the seeding admin signs in there too.
    const seeder = await provider.userToken('seeder', { realm_access: { roles: ['admin'] } });
    const asSeeder: Harness = {
      ...h,
      gql: (query, variables, _as, headers) =>
        h.gql(query, variables, null, { authorization: `Bearer ${seeder}`, ...headers }),
    };
    cohortId = await openCohort(asSeeder);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await provider?.close();
  });

  it('offers the provider, not the development sign-in, and the gateway mints nothing', async () => {
    const p = await page();
    await p.goto(consoleUrl);
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).waitFor();
    expect(await p.getByText(provider.issuer).count()).toBe(1);
    expect(await p.getByRole('heading', { name: 'Development sign-in' }).count()).toBe(0);
    const minted = await p.request.post(`${consoleUrl}dev-sign-in`, { data: { role: 'admin' } });
    expect(minted.status()).toBe(404);
    await expectAccessible(p, 'oidc-sign-in');
  });

  it("signs an admin in through the provider's login and consent, onto the cohorts with the token's role, and out", async () => {
    provider.setUserClaims('alice', { realm_access: { roles: ['offline_access', 'admin'] } });
    const p = await page();
    await p.goto(consoleUrl);
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).click();
    await loginAtProvider(p, 'alice');

    await p.getByTestId('signed-in-as').getByText('admin', { exact: true }).waitFor();
    expect(await p.getByTestId('signed-in-as').textContent()).toContain('alice');
    await p.getByRole('heading', { name: 'Cohorts' }).waitFor();
    // The API answered the provider's token: the cohort the seeder opened is listed.
    await p.getByTestId(`cohort-row-${cohortId}`).waitFor();
    // Neither the code nor the state stays in the address bar.
    expect(new URL(p.url()).search).toBe('');
    await expectAccessible(p, 'oidc-cohorts');

    // A reload keeps the session; signing out ends it, and a reload does not bring it back.
    await p.reload();
    await p.getByTestId(`cohort-row-${cohortId}`).waitFor();
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).waitFor();
    await p.reload();
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).waitFor();
    expect(await p.getByTestId('signed-in-as').count()).toBe(0);
  });

  it('gives a facilitator the role and the cohorts its token carries: the API shows them their cohort', async () => {
    provider.setUserClaims('fran', { realm_access: { roles: ['facilitator'] }, cohorts: [cohortId] });
    const p = await page();
    await p.goto(consoleUrl);
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).click();
    await loginAtProvider(p, 'fran');
    await p.getByTestId('signed-in-as').getByText('facilitator', { exact: true }).waitFor();
    await p.getByTestId(`cohort-row-${cohortId}`).getByRole('link').click();
    // The dashboard is a facilitator's for their own cohorts only: the token's cohorts claim reached the API.
    await p.getByTestId('seats-chart').waitFor();
  });

  it("says why when the person cancels at the provider's login, and signs nobody in", async () => {
    const p = await page();
    await p.goto(consoleUrl);
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).click();
    await p.waitForURL((url) => url.origin === provider.issuer);
    await p.getByRole('link', { name: '[ Cancel ]' }).click();
    const refused = p.getByTestId('sign-in-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^The identity provider refused the sign-in: .+ \(access_denied\)\.$/);
    expect(await p.getByTestId('signed-in-as').count()).toBe(0);
    // Signing in again from here works: the refusal spent nothing but that attempt.
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).click();
    provider.setUserClaims('quinn', { realm_access: { roles: ['compliance'] } });
    await loginAtProvider(p, 'quinn');
    await p.getByTestId('signed-in-as').getByText('compliance', { exact: true }).waitFor();
  });

  it('refuses an answer whose state was tampered with, says so, and exchanges nothing', async () => {
    provider.setUserClaims('mallory', { realm_access: { roles: ['admin'] } });
    const p = await page();
    let exchanged = false;
    p.on('request', (request) => {
      if (request.url().startsWith(`${provider.issuer}/token`)) exchanged = true;
    });
    await p.goto(consoleUrl);
    await p.getByRole('button', { name: 'Sign in with the identity provider' }).click();
    // The provider's answer is held back (the console's script does not load), then arrives with another state.
    const script = `${consoleUrl}assets/**`;
    await p.route(script, (route) => route.abort());
    await loginAtProvider(p, 'mallory');
    await p.waitForURL((url) => url.href.startsWith(consoleUrl) && url.searchParams.has('code'));
    const tampered = new URL(p.url());
    tampered.searchParams.set('state', 'forged-state');
    await p.unroute(script);
    await p.goto(tampered.href);

    const refused = p.getByTestId('sign-in-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('its state differs');
    expect(await p.getByTestId('signed-in-as').count()).toBe(0);
    expect(exchanged).toBe(false);
    await expectAccessible(p, 'oidc-state-refused');

    // The pending sign-in is spent: the same answer again (a reload, a replayed link) signs nobody in either.
    await p.goto(`${consoleUrl}?code=replayed&state=forged-state`);
    await refused.getByText('did not start a sign-in').waitFor();
  });
});
