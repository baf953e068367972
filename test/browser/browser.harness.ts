import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where every spec writes its screenshots (git-ignored); the main ones are copied to docs/console/. */
export const SCREENSHOTS = join(__dirname, 'screenshots');

export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** The Chromium chromium.global-setup.cjs found, launched headless. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env['SOOC_CHROMIUM_EXECUTABLE'];
  if (!executablePath) throw new Error('No Chromium: jest.config.cjs runs chromium.global-setup.cjs first');
  const args = JSON.parse(process.env['SOOC_CHROMIUM_ARGS'] ?? '[]') as string[];
  return chromium.launch({ executablePath, args, headless: true });
}

/** A page in a fresh browser profile (its own sessionStorage: its own sign-in) at the desktop width. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

export type Role = 'admin' | 'compliance' | 'facilitator' | 'reviewer' | 'partner' | 'learner';

/** Whom a role acts for: a learner's id, a partner's company, a facilitator's or reviewer's cohorts. */
export interface Scope {
  readonly learnerId?: string;
  readonly companyId?: string;
  readonly cohorts?: readonly string[];
}

/**
 * Signs in at the console's development sign-in as a person would: the form, the role, its scope;
 * done when the header names the role.
 */
export async function signInAs(page: Page, role: Role, consoleUrl: string, scope: Scope = {}): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('Role').selectOption(role);
  if (scope.learnerId) await page.getByLabel('Learner id').fill(scope.learnerId);
  if (scope.companyId) await page.getByLabel('Company id').fill(scope.companyId);
  if (scope.cohorts) await page.getByLabel('Cohorts').fill(scope.cohorts.join(','));
  await page.getByRole('button', { name: `Sign in as ${role}` }).click();
  await page.getByTestId('signed-in-as').getByText(role, { exact: true }).waitFor();
}

/** Screenshots of the page as it is, at both widths; the page is left at the desktop width. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of Object.values(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/**
 * The screen as it is passes axe-core (WCAG 2.1 A and AA rules) with no violation of impact
 * serious or critical, and is photographed at both widths as `<screenName>-<width>.png`. A
 * failure names the screen and each violation: rule, impact, help and the elements.
 */
export async function expectAccessible(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ screen: screenName, serious }).toEqual({ screen: screenName, serious: [] });
  await screenshots(page, screenName);
}
