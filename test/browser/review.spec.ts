import type { Browser } from 'playwright-core';
import { eventually } from '@sooc/util/testing';
// The browser specs boot the gateway exactly as the e2e specs do, and seed through their fixtures.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway, type Harness } from '../e2e/gateway.harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { openCohort, submit } from '../e2e/enrollment.fixture';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEFINE_RUBRIC, rubricInput } from '../e2e/selection.fixture';
import { expectAccessible, launchChromium, newPage, signInAs } from './browser.harness';

const REFERENCE = `query Reference($cohortId: ID!, $learnerId: ID!) {
  application(cohortId: $cohortId, learnerId: $learnerId) { reference }
}`;

/** How the console shows a reference, cut to its first 14 characters (they run to ~90). */
const shown = (reference: string) => (reference.length > 16 ? `${reference.slice(0, 14)}…` : reference);

/** What a `datetime-local` input holds for an instant: local time to the second (browser and spec share the machine's zone). */
function localDateTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** Who applied, as a blind reviewer must never see them. */
const APPLICANTS = [
  { learnerId: 'ada-l', name: 'Ada Lovelace', email: 'ada@example.org', companyId: 'acme' },
  { learnerId: 'bo-r', name: 'Bo Ramsey', email: 'bo@example.org', companyId: 'globex' },
] as const;

/**
 * The selection in the console: a reviewer walks a blind cohort's queue and scores an
 * application, an admin decides and reads the decision's record, compliance follows a learner's
 * timeline as of an instant; and the cohorts table is one GraphQL request.
 */
describe('review, decisions and timelines in the console', () => {
  let h: Harness;
  let browser: Browser;
  let consoleUrl: string;
  let cohortId: string;
  /** After the applications, before any review or decision: what "as of" is set to. */
  let afterApplying: Date;
  /** Application references by learner id (what a blind reviewer sees). */
  const references = new Map<string, string>();

  beforeAll(async () => {
    h = await startGateway();
    consoleUrl = `http://localhost:${h.gateway.port}/console/`;
    browser = await launchChromium();
    cohortId = await openCohort(h, { selectionPolicy: 'REVIEW', capacity: 2 });
    const rubric = await h.gql(DEFINE_RUBRIC, { input: { cohortId, ...rubricInput({ reviewsRequired: 1 }) } });
    if (rubric.errors) throw new Error(JSON.stringify(rubric.errors));
    for (const { learnerId, ...who } of APPLICANTS) {
      const submitted = await submit(h, cohortId, learnerId, who);
      if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
      const read = await eventually(
        () => h.gql<{ application: { reference: string } | null }>(REFERENCE, { cohortId, learnerId }),
        (r) => Boolean(r.data?.application),
        10_000,
      );
      references.set(learnerId, read.data!.application!.reference);
    }
    // A whole second after the submissions (the picker goes to the second), long before the decision.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    afterApplying = new Date();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the cohorts table, fill and waitlist included, from exactly one GraphQL request', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    const posts: string[] = [];
    p.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') posts.push(request.postData() ?? '');
    });
    await p.reload();
    const row = p.getByTestId(`cohort-row-${cohortId}`);
    await row.getByText('0/2').waitFor();
    expect(await row.getByTestId(`waitlist-${cohortId}`).textContent()).toBe('0');
    // Anything the table would still ask for (a row's own query) has had time to leave.
    await p.waitForLoadState('networkidle');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('fill');
  });

  it('walks a reviewer through the blind queue: references only, scores with the errors on their criterion', async () => {
    const p = await newPage(browser);
    await signInAs(p, 'reviewer', consoleUrl, { cohorts: [cohortId] });
    await p.getByRole('link', { name: 'Review queue of Cohort 2030 spring' }).click();
    await p.getByTestId('rubric').waitFor();
    expect(await p.getByTestId('rubric').textContent()).toContain('Fit with the course');
    const ada = references.get('ada-l')!;
    const row = p.getByTestId(`queue-row-${ada}`);
    await row.waitFor();
    expect(await p.getByTestId('review-queue').locator('tbody tr').count()).toBe(2);
    // Blind: the API leaves out who applied, and so the screen shows none of it.
    const text = (await p.locator('main').textContent()) ?? '';
    for (const applicant of APPLICANTS)
      for (const personal of [applicant.learnerId, applicant.name, applicant.email, applicant.companyId])
        expect(text).not.toContain(personal);
    expect(await p.getByRole('button', { name: /^Decide on/ }).count()).toBe(0);
    await expectAccessible(p, 'review-queue');

    await row.getByRole('button', { name: `Score ${shown(ada)}` }).click();
    // 9 is outside 0..5: the API names the criterion, the console puts it under its input.
    await p.getByLabel('Motivation (0 to 5)').fill('9');
    await p.getByLabel('Fit with the course (0 to 5)').fill('3');
    await p.getByRole('button', { name: 'Save the review' }).click();
    await p.locator('.field-error').first().waitFor();
    expect(await p.getByLabel('Motivation (0 to 5)').getAttribute('aria-invalid')).toBe('true');
    expect(await p.getByLabel('Fit with the course (0 to 5)').getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(p, 'review-score');

    // 4 and 3 with weights 2 and 1: (4·2 + 3)/3 of 5 is 73.3 of 100, and the row shows it.
    await p.getByLabel('Motivation (0 to 5)').fill('4');
    await p.getByLabel('Comment').fill('Clear plan for the course.');
    await p.getByRole('button', { name: 'Save the review' }).click();
    await p.getByText(`Review of ${shown(ada)} saved: 73.3/100.`).waitFor();
    await p.getByTestId(`my-score-${ada}`).getByText('73.3', { exact: true }).waitFor();
  });

  it("lets an admin decide, shows the decision's record, and keeps it for later", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'admin', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}`);
    await p.getByRole('link', { name: 'Review and decide' }).click();
    const ada = references.get('ada-l')!;
    // Admins see who applied.
    await p.getByTestId(`queue-row-${ada}`).getByText('Ada Lovelace', { exact: false }).waitFor();
    await p.getByRole('button', { name: `Decide on ${shown(ada)}` }).click();
    // No reason: the API names the field, the console marks it.
    await p.getByRole('button', { name: 'Record the decision' }).click();
    await p.locator('.field-error').first().waitFor();
    expect(await p.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');

    await p.getByLabel('Reason').fill('Strong motivation, first in the ranking.');
    await p.getByRole('radio', { name: 'admit' }).check();
    await p.getByRole('button', { name: 'Record the decision' }).click();
    const record = p.getByTestId('decision-record').first();
    await record.waitFor();
    expect(await record.getByTestId('decision-value').textContent()).toBe('admit');
    expect(await record.getByTestId('record-rubric-version').textContent()).toBe('1');
    expect(await record.getByTestId('record-rank').textContent()).toBe('1 of 1');
    expect(await record.getByTestId('record-seats').textContent()).toContain('2 seats');
    expect(await record.getByTestId('record-reviews').textContent()).toContain('73.3/100');
    await expectAccessible(p, 'review-decision');

    // After a reload the decision is in the decided list, and its record comes back from the history.
    await p.reload();
    await p.getByTestId('decided').getByText('Ada Lovelace', { exact: false }).waitFor();
    await p.getByRole('button', { name: 'Show the decision record' }).click();
    const kept = p.getByTestId('decision-record');
    await kept.waitFor();
    expect(await kept.getByTestId('record-rank').textContent()).toBe('1 of 1');
    expect(await kept.getByTestId('record-seats').textContent()).toContain('2 free');
  });

  it("shows compliance a learner's timeline, reached from the cohort's, as of the instant picked", async () => {
    const p = await newPage(browser);
    await signInAs(p, 'compliance', consoleUrl);
    await p.goto(`${consoleUrl}#/cohorts/${cohortId}/audit`);
    await p.getByTestId('audit-trail').waitFor();
    await p.getByRole('link', { name: 'Timeline of ada-l' }).first().click();
    await p.getByRole('heading', { name: 'Learner timeline: ada-l' }).waitFor();
    const trail = p.getByTestId('learner-trail');
    await trail.getByText('ApplicationDecided').waitFor();
    expect(await trail.textContent()).toContain('ApplicationSubmitted');
    expect(await trail.textContent()).not.toContain('bo-r');
    await expectAccessible(p, 'learner-timeline');
    // As of after the application and before the decision: the submission, not the decision.
    await p.getByLabel('As of', { exact: true }).fill(localDateTime(afterApplying));
    await p
      .getByRole('heading', { name: /^Events as of/ })
      .getByText('1', { exact: true })
      .waitFor();
    expect(await trail.textContent()).toContain('ApplicationSubmitted');
    expect(await trail.textContent()).not.toContain('ApplicationDecided');
    // Before anything happened, nothing is in the trail.
    await p.getByLabel('As of', { exact: true }).fill('2020-01-01T00:00');
    await p.getByText('Nothing happened up to then.').waitFor();
    expect(await trail.count()).toBe(0);
  });
});
