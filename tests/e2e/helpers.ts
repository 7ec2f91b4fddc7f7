import AxeBuilder from '@axe-core/playwright';
import {expect, type Page} from '@playwright/test';

/** WCAG 2.1 A and AA, the level this site promises. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Waits until React has hydrated the header (its language link has event handlers attached). */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const link = document.querySelector('.language-switch');
    return link !== null && Object.keys(link).some((key) => key.startsWith('__reactProps'));
  });
}

/**
 * Opens a page and waits for hydration, for tests of what the scripts do. (Clicking a banner button
 * before hydration is not a bug: the form posts without JavaScript — but it records method "form".)
 */
export async function gotoHydrated(page: Page, path: string) {
  const response = await page.goto(path);
  await waitForHydration(page);
  return response;
}

export const POLICY_PATH = {ja: '/privacy', en: '/en/privacy'} as const;
