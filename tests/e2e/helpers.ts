import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';
import {rawRequest as rawRequestTo} from '../support/raw-request';

/** WCAG 2.1 A and AA, the level this site promises. */
export async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs axe in the page itself; the default opens a blank page per check to merge the
  // frames' results, which our pages (no iframes) do not need: half the time per check. Only
  // violations are collected in full.
  // options() replaces every option set before it: first, then the tags.
  const results = await new AxeBuilder({page})
    .options({resultTypes: ['violations']})
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/**
 * Waits until the consent island has bound the page (it marks <html data-island>). The pages ship
 * no framework runtime: "hydrated" here means the site's one script is listening.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-island'));
}

export async function gotoHydrated(page: Page, path: string) {
  const response = await page.goto(path);
  await waitForHydration(page);
  return response;
}

/** The consent island's file: the one script a page loads (public/assets/consent.<hash>.js). */
export const ISLAND_SCRIPT = '**/assets/consent.*.js';

export const POLICY_PATH = {ja: '/privacy', en: '/en/privacy'} as const;

/** Records CSP violations and console errors from the first script on. */
export async function watchCsp(page: Page, baseURL: string) {
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as {cspViolations: string[]}).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const foreign: string[] = [];
  page.on('request', (r) => new URL(r.url()).origin !== new URL(baseURL).origin && foreign.push(r.url()));
  return async () => {
    const violations = await page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations);
    expect(violations, 'CSP violations').toEqual([]);
    expect(
      errors.filter((e) => !/status of 404/.test(e)),
      'console errors',
    ).toEqual([]);
    expect(foreign, 'third-party requests').toEqual([]);
  };
}

/** A raw request (tests/support/raw-request.ts) to the server under test. */
export function rawRequest(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(test.info().project.use.baseURL!);
  return rawRequestTo({host: url.hostname, port: url.port}, method, path, headers);
}
