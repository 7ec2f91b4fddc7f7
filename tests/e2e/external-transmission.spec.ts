import {expect, test} from '@playwright/test';
import {banner, consentCookie, LABELS} from './consent-helpers';
import {expectNoAxeViolations, gotoHydrated, watchCsp} from './helpers';
import {cookieRegistry} from '@/lib/consent/site-registry';

test.describe('外部送信 (the real registry: nothing is sent to a third party today)', () => {
  for (const [locale, path, link, title] of [
    ['ja', '/privacy', '外部送信について', '外部送信について'],
    ['en', '/en/privacy', 'External transmission', 'External transmission'],
  ] as const) {
    test(`${locale}: linked from every footer, says only that nothing is sent, claiming no statute`, async ({
      page,
      baseURL,
    }) => {
      const check = await watchCsp(page, baseURL!);
      await page.goto(path);
      await page.getByRole('contentinfo').getByRole('link', {name: link}).click();
      await expect(page).toHaveURL(new RegExp(`${locale === 'ja' ? '' : '/en'}/external-transmission$`));
      await expect(page.getByRole('heading', {level: 1})).toHaveText(title);
      await expect(page.locator('.external-none')).toContainText(
        locale === 'ja' ? `${cookieRegistry.scope.ja}では` : `${cookieRegistry.scope.en} uses no technology`,
      );
      await expect(page.locator('section.transmission')).toHaveCount(0);
      // Nothing dangling, no promise about the future, no statute nobody decided applies.
      await expect(page.locator('main')).not.toContainText(/次の事項|掲載します|第27条の12|will list|Article 27-12/);
      await expectNoAxeViolations(page);
      await check();
    });
  }

  test('is statically generated with the hash CSP, canonical and hreflang', async ({request}) => {
    const response = await request.get('/external-transmission');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    const html = await response.text();
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/external-transmission"/);
    expect(html).toMatch(/hreflang="en" href="[^"]*\/en\/external-transmission"/i);
  });
});

test.describe('外部送信 (the fixture registry: one complete third-party entry)', () => {
  test('the page lists every field of the entry, at a stable anchor', async ({page, baseURL}) => {
    const check = await watchCsp(page, baseURL!);
    await page.goto('/e2e-fixtures/external-transmission#transmission-fixture_analytics');
    const entry = page.locator('#transmission-fixture_analytics');
    await expect(entry.getByRole('heading', {level: 2})).toHaveText('fixture_analytics');
    // Recipient by recipient (one tag may send to several).
    await expect(entry.getByRole('heading', {level: 3})).toHaveText(['Example Analytics Inc.（Example Analytics）']);
    for (const text of [
      '閲覧したページの URL、閲覧日時、ブラウザの種類、Cookie に保存した識別子',
      'ページごとの閲覧数を集計してウェブサイトを改善するため',
      '当社への集計結果の提供と、分析サービスの提供・改善のため',
      '「分析」をオフにすると、以後は読み込まれず、送信されません',
    ]) {
      await expect(entry).toContainText(text);
    }
    await expect(entry.getByRole('link', {name: 'https://analytics.example/privacy'})).toHaveAttribute(
      'href',
      'https://analytics.example/privacy',
    );
    await expect(entry.getByRole('link', {name: '送信先のオプトアウトのページ'})).toHaveAttribute(
      'href',
      'https://analytics.example/opt-out',
    );
    await expectNoAxeViolations(page);
    await check();
  });

  test('the cookie table and the page read the same entry', async ({page}) => {
    await page.goto('/e2e-fixtures/consent');
    const table = page.locator('#cookie-table');
    await expect(table).toContainText('fixture_analytics');
    await expect(table).toContainText('Example Analytics Inc.（Example Analytics）');
    await expect(table.getByRole('link', {name: /外部送信について/})).toHaveAttribute('href', '/external-transmission');
  });

  test('consent gates the tag, and the choice carries the registry fingerprint it was made under', async ({
    page,
    context,
  }) => {
    const requests: string[] = [];
    await page.route('**/e2e-fixtures/analytics.js', (route) => {
      requests.push(route.request().url());
      return route.fulfill({contentType: 'text/javascript', body: ''});
    });
    await gotoHydrated(page, '/e2e-fixtures/consent');
    expect(requests).toEqual([]);
    await banner(page, 'ja').getByRole('button', {name: LABELS.ja.accept}).click();
    await expect.poll(() => requests.length).toBe(1);
    expect((await consentCookie(context))!.record.rf).toMatch(/^[0-9a-f]{16}$/);
  });
});
