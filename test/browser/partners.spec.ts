import type { Browser } from 'playwright-core';
// The browser specs boot the gateway exactly as the e2e specs do, and seed through their fixtures.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type Harness } from '../e2e/gateway.harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openCohort, submit } from '../e2e/enrollment.fixture';
import { WebhookReceiver } from '@sooc/partners-feed/testing';
import { expectAccessible, launchChromium, newPage, signInAs } from './browser.harness';

const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { position } }`;
const ADD = `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { position } }`;

async function registerPartner(h: Harness, partnerId: string, companyId: string): Promise<void> {
  const answer = await h.gql(REGISTER, {
    input: { partnerId, companyId, name: `${companyId} Training`, contact: `hr@${companyId}.example` },
  });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

/**
 * The partners' screens in Chromium against a booted gateway whose webhooks may reach loopback
 * (SOOC_WEBHOOK_ALLOW_PRIVATE, as the e2e partner specs run) and whose retry schedule runs a
 * hundred thousand times faster: a receiver on loopback that answers 503 gets every try, the
 * message is parked, and a replay from the log delivers it once the receiver is back. Admins
 * see every partner; a partner's user sees its own only, as the API decides.
 */
describe('the partners screens in a browser', () => {
  let h: Harness;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let consoleUrl: string;
  let cohortId: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(() => []);
    receiver.behaviour = { kind: 'status', status: 503 };
    h = await startGateway({
      SOOC_WEBHOOK_ALLOW_PRIVATE: 'true',
      SOOC_WEBHOOK_TICK_MS: '20',
      SOOC_WEBHOOK_TIMEOUT_MS: '500',
      // The published schedule (about three days) in under three seconds.
      SOOC_WEBHOOK_RETRY_SCALE: '0.00001',
    });
    consoleUrl = `http://localhost:${h.gateway.port}/console/`;
    await registerPartner(h, 'p-acme', 'acme');
    await registerPartner(h, 'p-globex', 'globex');
    const globexHook = await h.gql(ADD, {
      input: { partnerId: 'p-globex', endpointId: 'globex-secret-hook', url: 'http://127.0.0.1:9/hooks' },
    });
    if (globexHook.errors) throw new Error(JSON.stringify(globexHook.errors));
    cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 5 });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await receiver?.down();
  });

  it('lists every partner to an admin', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.getByRole('link', { name: 'Partners' }).click();
    // The list is a read model: it has the registrations within moments.
    await p.getByTestId('partner-row-p-globex').waitFor();
    expect(await p.getByTestId('partner-row-p-acme').textContent()).toContain('hr@acme.example');
    expect(await p.getByTestId('partners').locator('tbody tr').count()).toBe(2);
    await expectAccessible(p, 'partners');
  });

  it('registers an endpoint, refusing a bad URL on its field, shows the secret once, rotates it, disables and enables', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.goto(`${consoleUrl}#/partners/p-acme`);
    await p.getByText('No endpoint yet.').waitFor();

    // The API's URL policy names the field: credentials in a webhook URL are refused.
    await p.getByLabel('URL').fill('http://user:password@127.0.0.1/hooks');
    await p.getByRole('button', { name: 'Register the endpoint' }).click();
    await p.getByText('The webhook URL must not carry credentials').waitFor();
    expect(await p.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');

    // An unknown event type is named on the types' input.
    await p.getByLabel('URL').fill(receiver.url);
    await p.getByLabel('Event types').fill('org.sooc.enrollment.seat-offered.v1, org.sooc.nothing.v1');
    await p.getByRole('button', { name: 'Register the endpoint' }).click();
    await p.locator('.field-error').first().waitFor();
    expect(await p.getByLabel('Event types').getAttribute('aria-invalid')).toBe('true');
    expect(await p.getByLabel('URL').getAttribute('aria-invalid')).toBeNull();
    await p.getByLabel('Event types').fill('');

    await p.getByLabel('Endpoint id').fill('acme-hr');
    await p.getByLabel('Description').fill('HR system');
    await p.getByRole('button', { name: 'Register the endpoint' }).click();
    await p.getByText('Endpoint acme-hr registered.').waitFor();
    expect(await p.getByTestId('new-secret').locator('code').textContent()).toMatch(/^whsec_/);
    const row = p.getByTestId('endpoint-row-acme-hr');
    await row.getByText('enabled').waitFor();
    expect(await row.textContent()).toContain(receiver.url);
    expect(await p.getByTestId('rotation-acme-hr').textContent()).toBe('one secret, never rotated');
    await expectAccessible(p, 'partner-endpoints');

    // Shown once: the list, read again, holds no secret.
    await p.reload();
    await row.waitFor();
    expect(await p.getByTestId('new-secret').count()).toBe(0);

    await p.getByRole('button', { name: 'Rotate secret of acme-hr' }).click();
    await row.getByTestId('new-secret').waitFor();
    await p
      .getByTestId('rotation-acme-hr')
      .getByText(/^rotating: the previous secret signs too until/)
      .waitFor();

    await p.getByRole('button', { name: 'Disable acme-hr' }).click();
    await row.getByText('disabled from the console').waitFor();
    await p.getByRole('button', { name: 'Enable acme-hr' }).click();
    await row.getByText('enabled', { exact: true }).waitFor();
    expect(await row.textContent()).not.toContain('disabled from the console');
  });

  it("shows an endpoint's log: each try's status, the message parked, and a replay that delivers it", async () => {
    const answer = await submit(h, cohortId, 'ada', { companyId: 'acme', shareWithCompany: true });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.goto(`${consoleUrl}#/partners/p-acme`);
    await p.getByRole('link', { name: 'acme-hr' }).click();
    await p.getByRole('heading', { name: 'Delivery log of acme-hr' }).waitFor();

    // Every try of the schedule answered 503, then the message is parked (the log is read every few seconds).
    const parked = p
      .locator('[data-testid^="delivery-"]')
      .filter({ has: p.locator('.status-parked') })
      .first();
    await parked.waitFor({ timeout: 30_000 });
    const tries = parked.getByRole('list', { name: /^Tries of / });
    expect(await tries.locator('li').count()).toBe(10);
    expect(await tries.locator('li').first().textContent()).toContain('HTTP 503');
    const eventId = (await parked.getAttribute('data-testid'))!.replace(/^delivery-/, '').replace(/-0$/, '');
    // The newest parked message, by its id from now on (newer ones may park meanwhile).
    const message = p.getByTestId(`delivery-${eventId}-0`);
    await expectAccessible(p, 'deliveries-parked');

    await p.getByLabel('Status').selectOption('parked');
    await message.waitFor();
    await p.getByLabel('Status').selectOption('');

    // The receiver is back; a replay from the parked message sends it again, with the same id.
    receiver.behaviour = { kind: 'ok' };
    await message.getByRole('button', { name: `Replay from this message: ${eventId}` }).click();
    await p.getByText(`Replay asked from ${eventId}`).waitFor();
    const replayed = p.getByTestId(`delivery-${eventId}-1`);
    await replayed.locator('.status-delivered').waitFor({ timeout: 30_000 });
    expect(await replayed.textContent()).toContain('replay 1');
    expect(receiver.acknowledged()).toContain(eventId);
    await expectAccessible(p, 'deliveries-replayed');
  });

  it("shows a partner's user its own partner only: another company's endpoints are refused by the API", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'partner', consoleUrl, { companyId: 'acme' });
    await p.getByRole('link', { name: 'Partners' }).click();
    await p.getByTestId('partner-row-p-acme').waitFor();
    expect(await p.getByTestId('partners').locator('tbody tr').count()).toBe(1);
    expect(await p.getByTestId('partner-row-p-globex').count()).toBe(0);

    await p.getByRole('link', { name: 'acme Training' }).click();
    await p.getByTestId('endpoint-row-acme-hr').waitFor();
    // A partner registers its own endpoints too.
    await p.getByLabel('URL').fill(receiver.url);
    await p.getByLabel('Endpoint id').fill('acme-lms');
    await p.getByRole('button', { name: 'Register the endpoint' }).click();
    await p.getByText('Endpoint acme-lms registered.').waitFor();
    await expectAccessible(p, 'partner-own');

    // Removing asks once more, then the endpoint is gone for good: no action is offered on it.
    const lms = p.getByTestId('endpoint-row-acme-lms');
    await p.getByRole('button', { name: 'Remove acme-lms' }).click();
    await lms.getByRole('button', { name: 'Keep it' }).click();
    await p.getByRole('button', { name: 'Remove acme-lms' }).click();
    await lms.getByRole('button', { name: 'Remove for good' }).click();
    await lms.getByText('removed', { exact: true }).waitFor();
    expect(await lms.getByRole('button').count()).toBe(0);

    // Typing another partner's address: the API refuses, and nothing of its endpoints shows.
    await p.goto(`${consoleUrl}#/partners/p-globex`);
    await p.getByText('Could not load the endpoints.').waitFor();
    expect(await p.locator('.notice.error').textContent()).toContain('FORBIDDEN');
    expect(await p.getByText('globex-secret-hook').count()).toBe(0);
    await p.goto(`${consoleUrl}#/partners/p-globex/endpoints/globex-secret-hook`);
    await p.getByText('Could not load the delivery log.').waitFor();
    expect(await p.locator('.notice.error').textContent()).toContain('FORBIDDEN');
  });

  it('offers no partners to other roles, and the API refuses them the list', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'facilitator', consoleUrl, { cohorts: [cohortId] });
    expect(await p.getByRole('link', { name: 'Partners' }).count()).toBe(0);
    await p.goto(`${consoleUrl}#/partners`);
    await p.getByText('Could not load the partners.').waitFor();
    expect(await p.locator('.notice.error').textContent()).toContain('FORBIDDEN');
  });

  it('on a gateway that keeps webhooks off private networks, refuses a loopback URL on its field', async () => {
    const strict = await startGateway();
    try {
      await registerPartner(strict, 'p-acme', 'acme');
      const p = await newPage(browser);
      const url = `http://localhost:${strict.gateway.port}/console/`;
      await signInAs(p, 'admin', url);
      await p.goto(`${url}#/partners/p-acme`);
      await p.getByLabel('URL').fill('http://127.0.0.1:8080/hooks');
      await p.getByRole('button', { name: 'Register the endpoint' }).click();
      await p.getByText('resolves to 127.0.0.1, a loopback address').waitFor();
      expect(await p.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(p, 'partner-url-refused');
    } finally {
      await strict.close();
    }
  });
});
