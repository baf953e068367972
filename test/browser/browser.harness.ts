import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** A fresh browser profile (its own sessionStorage: its own sign-in) at the desktop width. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  context.setDefaultTimeout(20_000);
  return context;
}

export interface SignInAs {
  readonly role: 'admin' | 'compliance' | 'facilitator' | 'reviewer' | 'partner' | 'learner';
  readonly learnerId?: string;
  readonly companyId?: string;
  readonly cohorts?: readonly string[];
}

/** Signs in with the development sign-in, as a person would: the form, the role, its scope. */
export async function signIn(page: Page, consoleUrl: string, as: SignInAs): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('Role').selectOption(as.role);
  if (as.learnerId) await page.getByLabel('Learner id').fill(as.learnerId);
  if (as.companyId) await page.getByLabel('Company id').fill(as.companyId);
  if (as.cohorts) await page.getByLabel('Cohorts').fill(as.cohorts.join(','));
  await page.getByRole('button', { name: `Sign in as ${as.role}` }).click();
  await page.getByTestId('signed-in-as').getByText(as.role, { exact: true }).waitFor();
}

/** Screenshots of the page as it is, at both widths; the page is left at the desktop width. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of Object.values(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** The axe-core violations of impact serious or critical on the page (WCAG 2.1 A and AA rules), as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
