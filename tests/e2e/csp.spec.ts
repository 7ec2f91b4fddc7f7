import {expect, test} from '@playwright/test';
import {banner, FIXTURE_PAGE, LABELS} from './consent-helpers';
import {gotoHydrated, watchCsp as watch} from './helpers';

test('every page carries the security headers and a hash-based CSP without unsafe-inline', async ({request}) => {
  for (const [path, status] of [
    ['/privacy', 200],
    ['/en/privacy', 200],
    ['/no-such-page', 404],
    ['/en/no/such/page', 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    // A mistyped address is not cached as a 404 for a year.
    if (status === 404) expect(response.headers()['cache-control'], path).toBe('public, max-age=0, s-maxage=60');
    // Nor a page for longer than a publication can rely on (lib/policy/schedule.ts, the editing guide).
    else
      expect(response.headers()['cache-control'], path).toMatch(
        /^public, max-age=0, s-maxage=([1-9]\d{0,1}|[1-5]\d\d|600)$/,
      );
    const headers = response.headers();
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toMatch(/camera=\(\)/);
    const csp = headers['content-security-policy']!;
    expect(csp, path).toMatch(/frame-ancestors 'none'/);
    expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
  }
  for (const path of ['/api/consent', '/sitemap.xml', '/robots.txt']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  // No security.txt until security and legal decide its Contact and Expires (docs/legal-review.md):
  // like any address that is neither a page nor a file, it is the localized 404 page, with its CSP.
  // So is an address that only looks like a file: never Next's own 404, which has no CSP.
  for (const path of ['/.well-known/security.txt', '/privacy.php', '/wp-login.php']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-security-policy'], path).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    expect(await response.text(), path).toMatch(/<html lang="ja"/);
  }
});

for (const locale of ['ja', 'en'] as const) {
  const L = LABELS[locale];
  const policy = locale === 'ja' ? '/privacy' : '/en/privacy';

  test(`${locale}: the policy, the banner, the dialog and the language switch run under the enforced CSP`, async ({
    page,
    baseURL,
  }) => {
    const check = await watch(page, baseURL!);
    await gotoHydrated(page, policy);
    await expect(page.locator('html')).toHaveAttribute('data-consent', 'missing');
    await page
      .getByRole('navigation', {name: locale === 'ja' ? '目次' : 'Contents'})
      .getByRole('link')
      .nth(2)
      .click();
    await banner(page, locale).getByRole('button', {name: L.settings}).click();
    await page.getByRole('dialog').getByRole('switch', {name: L.analytics}).check();
    await page.getByRole('dialog').getByRole('button', {name: L.save}).click();
    await expect(banner(page, locale)).toBeHidden();
    await page.getByRole('link', {name: locale === 'ja' ? 'English' : '日本語'}).click();
    await expect(page.locator('html')).toHaveAttribute('data-consent', 'given');
    await page.goto(locale === 'ja' ? '/no-such-page' : '/en/no-such-page');
    await expect(page.locator('html')).toHaveAttribute('data-consent', 'given');
    await check();
  });

  test(`${locale}: a gated script loads under the CSP after consent`, async ({page, baseURL}) => {
    await page.route('**/e2e-fixtures/analytics.js', (route) =>
      route.fulfill({contentType: 'text/javascript', body: 'window.fixtureLoaded = true;'}),
    );
    const check = await watch(page, baseURL!);
    await gotoHydrated(page, FIXTURE_PAGE[locale]);
    await banner(page, locale).getByRole('button', {name: L.accept}).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as {fixtureLoaded?: boolean}).fixtureLoaded))
      .toBe(true);
    await check();
  });
}
