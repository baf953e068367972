import type { Browser } from 'playwright-core';
import { eventually } from '@sooc/util/testing';
// The browser specs boot the gateway exactly as the e2e specs do, and seed through their fixtures.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type Harness } from '../e2e/gateway.harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openCohort, submit, ACCEPT, dashboard } from '../e2e/enrollment.fixture';
import { expectAccessible, launchChromium, newPage, signInAs, WIDTHS } from './browser.harness';

/**
 * The admin console in a real Chromium against a booted gateway (SQLite files, embedded projector
 * and reactor, as `npm start` runs it): each role signs in through the development sign-in, walks
 * the screens it may see, performs the actions, and a second browser sees the first one's change
 * arrive through the dashboard subscription. Every screen passes axe-core with no serious or
 * critical violation and is photographed at 1280 and 390 px.
 */
describe('the admin console in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let consoleUrl: string;
  let cohortId: string;

  /** A page in a browser profile of its own: its own sign-in. */

  beforeAll(async () => {
    h = await startGateway();
    consoleUrl = `http://localhost:${h.gateway.port}/console/`;
    browser = await launchChromium();
    // First come, two seats: ada and bea get offers, cy waits.
    cohortId = await openCohort(h, { selectionPolicy: 'FIRST_COME', capacity: 2 });
    for (const [learner, company] of [
      ['ada', 'acme'],
      ['bea', 'acme'],
      ['cy', 'globex'],
    ] as const) {
      const submitted = await submit(h, cohortId, learner, { companyId: company });
      if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
    }
    await eventually(
      () => dashboard(h, cohortId),
      (d) => d?.reserved === 2 && d.waitlistLength === 1,
      10_000,
    );
  });

  afterAll(async () => {
    // Closing the browser closes every profile it opened.
    await browser?.close();
    await h?.close();
  });

  it('serves the console at /console, whose sign-in says it is the local development sign-in', async () => {
    const p = await newPage(browser);
    await p.goto(consoleUrl);
    await p.getByRole('heading', { name: 'Development sign-in' }).waitFor();
    expect(await p.getByTestId('dev-sign-in-warning').textContent()).toContain('SOOC_AUTH=local');
    await expectAccessible(p, 'sign-in');
  });

  it("shows the form's field errors the gateway gives (a facilitator names their cohorts)", async () => {
    const p = await newPage(browser);
    await p.goto(consoleUrl);
    await p.getByLabel('Role').selectOption('facilitator');
    await p.getByRole('button', { name: 'Sign in as facilitator' }).click();
    await p.getByText('a facilitator or reviewer acts on the cohorts named').waitFor();
    expect(await p.getByLabel('Cohorts').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists the cohorts for an admin with their status, dates, fill and waitlist, filtered by status', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    const row = p.getByTestId(`cohort-row-${cohortId}`);
    await row.getByText('2/2').waitFor();
    expect(await row.getByTestId(`waitlist-${cohortId}`).textContent()).toBe('1');
    expect(await row.textContent()).toContain('open');
    expect(await row.textContent()).toContain('2030-03-10 → 2030-06-30');
    await expectAccessible(p, 'cohorts');

    await p.getByLabel('Status').selectOption('CANCELLED');
    await p.getByText('No cohort matches.').waitFor();
    await p.getByLabel('Status').selectOption('OPEN');
    await row.waitFor();
  });

  it("shows a cohort's seats, waitlist in order, companies, applications and offers", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.getByRole('link', { name: 'Cohort 2030 spring' }).click();
    await p.getByTestId('seats-chart').waitFor();
    expect(await p.getByTestId('seats-capacity').textContent()).toBe('2');
    expect(await p.getByTestId('seats-reserved').textContent()).toBe('2');
    expect(await p.getByTestId('seats-free').textContent()).toBe('0');
    expect(await p.getByTestId('waitlist').locator('li').allTextContents()).toEqual(['cy · globex']);
    expect(await p.getByTestId('company-chart').textContent()).toContain('acme');
    expect(await p.getByTestId('status-chart').textContent()).toContain('offered');
    expect(await p.getByTestId('offers').locator('tbody tr').count()).toBe(2);
    await p.getByTestId('applications-over-time').waitFor();
    await expectAccessible(p, 'cohort');
  });

  it("puts the API's errors on the fields they name, and a second browser sees the admin's change live", async () => {
    const admin = await newPage(browser);
    await signInAs(admin, 'admin', consoleUrl);
    await admin.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await admin.getByTestId('seats-chart').waitFor();

    const watcher = await newPage(browser);
    await signInAs(watcher, 'facilitator', consoleUrl, { cohorts: [cohortId] });
    await watcher.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await watcher.getByTestId('seats-chart').waitFor();
    await watcher.getByTestId('live-status').getByText('Live').waitFor();

    // 1 seat is outside 2..500: the gateway names `capacity`, the console shows it under the input.
    await admin.getByLabel('New capacity').fill('1');
    await admin.getByRole('button', { name: 'Change capacity' }).click();
    const seats = admin.getByLabel('New capacity');
    await admin.locator('.field-error').first().waitFor();
    expect(await seats.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, 'cohort-field-error');

    // Three seats: cy is offered the one freed, and the facilitator's screen follows by itself.
    await seats.fill('3');
    await admin.getByRole('button', { name: 'Change capacity' }).click();
    await admin.getByText('Capacity changed to 3.').waitFor();
    await watcher.getByTestId('seats-capacity').getByText('3', { exact: true }).waitFor();
    await watcher.getByTestId('seats-reserved').getByText('3', { exact: true }).waitFor();
    await watcher.getByTestId('waitlist-length').getByText('0', { exact: true }).waitFor();
    await watcher.getByText('Nobody waits.').waitFor();
  });

  it('sets a company quota, refusing a malformed company on its field', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByLabel('Company id').fill('../acme');
    await p.getByLabel('Quota seats').fill('2');
    await p.getByRole('button', { name: 'Set quota' }).click();
    await p.locator('.field-error').first().waitFor();
    expect(await p.getByLabel('Company id').getAttribute('aria-invalid')).toBe('true');

    await p.getByLabel('Company id').fill('acme');
    await p.getByRole('button', { name: 'Set quota' }).click();
    await p.getByText('Quota of acme set to 2.').waitFor();
    await p
      .getByTestId('company-chart')
      .getByText(/of 2 held/)
      .waitFor();
  });

  it('forms groups only when the API allows it, and closes applications', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    // The screen has read the dashboard and listens: what changes now arrives by the subscription.
    await p.getByTestId('live-status').getByText('Live').waitFor();
    for (const learnerId of ['ada', 'bea']) {
      const accepted = await h.gql(ACCEPT, { cohortId, learnerId }, { role: 'learner', learnerId });
      if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
    }
    await p.getByTestId('seats-confirmed').getByText('2', { exact: true }).waitFor();
    // Groups are formed in a closed or running cohort: while it is open the API refuses, with its code.
    const groups = p.getByRole('form', { name: 'Groups' });
    await groups.getByRole('button', { name: 'Form groups' }).click();
    await groups
      .getByRole('alert')
      .getByText(/\(COHORT\.[A-Z_]+\)/)
      .waitFor();

    const applications = p.locator('.card', { has: p.getByRole('heading', { name: 'Applications', exact: true }) });
    await applications.getByRole('button', { name: 'Close applications' }).click();
    await applications.getByText('Applications closed.').waitFor();
    await p.locator('.cohort-header').getByText('closed', { exact: true }).waitFor();
    // Closed is closed: opening again is the API's to refuse, and the console shows why.
    await applications.getByRole('button', { name: 'Open applications' }).click();
    await applications
      .getByRole('alert')
      .getByText(/\(COHORT\.[A-Z_]+\)/)
      .waitFor();

    await p.getByLabel('Group size').fill('1');
    await groups.getByRole('button', { name: 'Form groups' }).click();
    await groups.locator('.field-error').waitFor();
    expect(await p.getByLabel('Group size').getAttribute('aria-invalid')).toBe('true');
    await p.getByLabel('Group size').fill('2');
    await groups.getByRole('button', { name: 'Form groups' }).click();
    await groups.getByText('1 group formed.').waitFor();
  });

  it('lets a facilitator see the groups, start the cohort and record attendance, the API refusing it before the start', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'facilitator', consoleUrl, { cohorts: [cohortId] });
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByRole('link', { name: 'Groups and attendance' }).click();
    await p.getByTestId('groups').getByText(/ada/).waitFor();
    expect(await p.getByTestId('groups').textContent()).toContain('bea');
    // Closed, not running: the API refuses attendance and the console says why.
    await p.getByLabel('ada attended session 1', { exact: true }).click();
    await p
      .getByRole('alert')
      .getByText(/\(ENROLLMENT\.COHORT_NOT_RUNNING\)/)
      .waitFor();
    expect(await p.getByTestId('attended-ada').textContent()).toBe('0');

    await p.getByRole('button', { name: 'Start the cohort' }).click();
    await p.getByText('The cohort is running.').waitFor();
    await p.getByLabel('ada attended session 1', { exact: true }).click();
    await p.getByText('Session 1 recorded for ada.').waitFor();
    await p.getByTestId('attended-ada').getByText('1', { exact: true }).waitFor();
    expect(await p.getByLabel('ada attended session 1', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(p, 'groups');
  });

  it("gives a facilitator their cohort's dashboard and group forming, not the admin's actions", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'facilitator', consoleUrl, { cohorts: [cohortId] });
    await p.getByRole('link', { name: 'Cohort 2030 spring' }).click();
    await p.getByTestId('seats-chart').waitFor();
    await p.getByRole('button', { name: 'Form groups' }).waitFor();
    expect(await p.getByRole('button', { name: 'Change capacity' }).count()).toBe(0);
    await expectAccessible(p, 'cohort-facilitator');
  });

  it('gives compliance the dashboard to read, with no action', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'compliance', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByTestId('seats-chart').waitFor();
    expect(await p.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
  });

  it("shows compliance a cohort's audit timeline and the cohort as it stood at the instant picked", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'compliance', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByRole('link', { name: 'Audit timeline' }).click();
    await p.getByTestId('as-of').waitFor();
    // Now: the capacity the admin changed to 3 earlier in this file, and every event so far.
    expect(await p.getByTestId('as-of-capacity').textContent()).toBe('3');
    expect(await p.getByTestId('audit-trail').textContent()).toContain('CapacityChanged');
    await expectAccessible(p, 'audit');
    // One learner's events only.
    await p.getByLabel('Learner id').fill('cy');
    await p.getByTestId('audit-trail').getByText('ApplicationSubmitted').first().waitFor();
    expect(await p.getByTestId('audit-trail').textContent()).not.toContain('CapacityChanged');
    // Before the cohort was planned, it did not exist.
    await p.getByLabel('Learner id').fill('');
    await p.getByLabel('As of', { exact: true }).fill('2020-01-01T00:00');
    await p.getByText('The cohort did not exist yet at that instant.').waitFor();
  });

  it.each([
    { role: 'reviewer' as const, cohorts: [] as string[] },
    { role: 'partner' as const, companyId: 'acme' },
    { role: 'learner' as const, learnerId: 'ada' },
  ])('shows a $role the catalogue, and the API refuses them the dashboard', async (as) => {
    const p = await newPage(browser);
    await signInAs(p, as.role, consoleUrl, as.role === 'reviewer' ? { cohorts: ['another-cohort'] } : as);
    await p.getByTestId(`cohort-row-${cohortId}`).waitFor();
    expect(await p.getByRole('link', { name: 'Cohort 2030 spring' }).count()).toBe(0);
    // Typing the address does not help: the console asks, the API says no.
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByText('FORBIDDEN').first().waitFor();
    expect(await p.getByTestId('seats-chart').count()).toBe(0);
    await expectAccessible(p, `cohort-forbidden-${as.role}`);
  });

  it('is usable at a phone width: the table scrolls inside its region, the page does not', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.setViewportSize(WIDTHS.phone);
    await p.getByTestId(`cohort-row-${cohortId}`).waitFor();
    const overflow = await p.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(p, 'cohorts-phone');
  });
});
