import {expect, test} from '@playwright/test';
import {japanDay} from '@/lib/policy/schedule';
import {recordToday} from '../support/policy-record';
import {banner, LABELS, setConsentCookie, validRecord} from './consent-helpers';
import {expectNoAxeViolations, watchCsp} from './helpers';

const VERSION_PATH = {ja: '/privacy/versions', en: '/en/privacy/versions'} as const;
const FIXTURE = '/e2e-fixtures/privacy';
const SWITCH = Date.parse('2099-01-01T00:00:00+09:00');
// The real record as legal staff leave it: tests hold invariants of it, never today's version.
const {versions: RECORD, shown: CURRENT, shownIndex} = recordToday();
const escaped = (version: string) => version.replace(/\./g, '\\.');

test.describe('the archive of the real policy', () => {
  for (const locale of ['ja', 'en'] as const) {
    test(`${locale}: /privacy links to its own archived version and to the list, with the status its date gives`, async ({
      page,
    }) => {
      await page.goto(locale === 'ja' ? '/privacy' : '/en/privacy');
      await page
        .getByRole('link', {name: locale === 'ja' ? 'このバージョンの固定 URL' : 'Permanent URL of this version'})
        .click();
      await expect(page).toHaveURL(new RegExp(`${VERSION_PATH[locale]}/${escaped(CURRENT.version)}$`));
      // The title names the version in its language's brackets: full-width only in Japanese.
      const versionInTitle = escaped(CURRENT.version);
      await expect(page).toHaveTitle(
        new RegExp(locale === 'ja' ? `（バージョン ${versionInTitle}）$` : ` \\(Version ${versionInTitle}\\)$`),
      );
      // 施行 only once a date says so (a first version is never called in force without a date, nor before it).
      const status = !CURRENT.effectiveDate
        ? {ja: /^公開中の版です（施行日は未定です）。/, en: /^This is the published version/}
        : CURRENT.effectiveDate <= japanDay(Date.now())
          ? {ja: /^現在施行されている版です。/, en: /^This is the version in force\./}
          : {ja: /^この版はまだ施行されていません。/, en: /^This version is not yet in force\./};
      await expect(page.locator('.version-status')).toHaveText(status[locale]);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`${VERSION_PATH[locale]}/${escaped(CURRENT.version)}$`),
      );
      await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
        'href',
        new RegExp(`/en/privacy/versions/${escaped(CURRENT.version)}$`),
      );
      await expect(page.locator('.policy-fingerprint code')).toHaveText(/^[0-9a-f]{64}$/);
      await expectNoAxeViolations(page);
      await page.getByRole('link', {name: locale === 'ja' ? 'すべての版の一覧' : 'All versions'}).click();
      await expect(page).toHaveURL(new RegExp(`${VERSION_PATH[locale]}$`));
      await expect(page.getByRole('listitem')).toContainText(
        RECORD.map((v) => (locale === 'ja' ? `バージョン ${v.version}` : `Version ${v.version}`)).reverse(),
      );
      await expectNoAxeViolations(page);
    });
  }

  test('the archived 1.0.0 page holds the source headings, verbatim; /privacy is its current version', async ({
    page,
  }) => {
    await page.goto('/privacy/versions/1.0.0');
    await expect(page.locator('h2[id^="article-"]')).toHaveText([
      '第 1 条（総則）',
      '第 2 条（当社が取得する情報及びその取得方法）',
      '第 3 条（利用目的）',
      '第 4 条（第三者提供）',
      '第 5 条（個人情報の取扱いの委託）',
      '第 6 条（安全管理体制）',
      '第 7 条（情報の保持、保存期間）',
      '第 8 条（保有個人データに関する利用者の開示・訂正等の権利）',
      '第 9 条（本ポリシーの変更）',
      '第 10 条（お問い合わせ）',
    ]);
    await page.goto(`/privacy/versions/${CURRENT.version}`);
    const archived = await page.locator('.policy-body').innerText();
    await page.goto('/privacy');
    expect(await page.locator('.policy-body').innerText()).toBe(archived);
  });

  test('an unknown version is the localized 404, and internal addresses are not reachable', async ({request}) => {
    // /privacy/changes exists once the version shown has a version before it.
    const changes = shownIndex === 0 ? ['/privacy/changes'] : [];
    for (const path of ['/privacy/versions/9999.0.0', '/en/privacy/versions/1.0', '/privacy/1.0.0', ...changes]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
  });
});

test.describe('several versions (the fixture history: 1.0.0 in force, 1.1.0 from 2099-01-01)', () => {
  test('the version in force announces the upcoming one, with its date, its text and its changes', async ({page}) => {
    await page.goto(FIXTURE);
    const notice = page.locator('.upcoming-notice');
    await expect(notice).toContainText('新しい版（バージョン 1.1.0）が 2099年1月1日 から施行されます');
    await expect(page.locator('h2#article-11')).toHaveCount(0);
    await notice.getByRole('link', {name: '変更点を見る'}).click();
    await expect(page).toHaveURL(/\/e2e-fixtures\/privacy\/versions\/1\.1\.0\/changes$/);
  });

  test('the upcoming version is published at its own address and says it is not yet in force', async ({page}) => {
    await page.goto(`${FIXTURE}/versions/1.1.0`);
    await expect(page.locator('.version-status')).toContainText('この版はまだ施行されていません。');
    await expect(page.locator('h2#article-11')).toHaveText('第 11 条（テスト用の条）');
    await page.locator('.version-status').getByRole('link', {name: '現在の版を読む'}).click();
    await expect(page).toHaveURL(/\/e2e-fixtures\/privacy$/);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`the comparison marks inserted and deleted text without colour (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({javaScriptEnabled});
      const page = await context.newPage();
      await page.goto(`${FIXTURE}/versions/1.1.0/changes`);
      await expect(page.getByRole('heading', {level: 1})).toHaveText('バージョン 1.1.0 の変更点');
      // Article by article: changed (2, 4), added (11), the rest listed as unchanged.
      await expect(page.locator('section.change')).toHaveCount(3);
      await expect(page.locator('#article-2 .change-status')).toHaveText('変更された条');
      await expect(page.locator('#article-2 ins').first()).toHaveText('[追加] ログインしていない [追加ここまで]');
      await expect(page.locator('#article-4-5 del')).toContainText('合併、会社分割、事業譲渡');
      await expect(page.locator('#article-11 .change-status')).toHaveText('追加された条');
      await expect(page.locator('.changes-unchanged')).toContainText('第 1 条（総則）');
      // Underlined and struck through, whatever the colours.
      expect(
        await page
          .locator('ins')
          .first()
          .evaluate((el) => getComputedStyle(el).textDecorationLine),
      ).toBe('underline');
      expect(
        await page
          .locator('del')
          .first()
          .evaluate((el) => getComputedStyle(el).textDecorationLine),
      ).toBe('line-through');
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      await context.close();
    });
  }

  test('on its effective date the new version takes over, asks for consent again, with no CSP violation', async ({
    page,
    context,
    baseURL,
  }) => {
    const check = await watchCsp(page, baseURL!);
    // The server's own clock is in the present: its receipt check is not what this test is about.
    await page.route('**/api/consent', (route) => route.fulfill({status: 201, json: {status: 'stored'}}));
    const before = SWITCH - 60 * 60 * 1000;
    const after = SWITCH + 60 * 60 * 1000;
    // A choice made under 1.0.0, shortly before the switch (the browser's and the server's clocks).
    await page.clock.setFixedTime(before);
    await page.setExtraHTTPHeaders({'x-e2e-now': String(before)});
    await setConsentCookie(context, baseURL!, validRecord({ts: before - 60_000, pv: '1.0.0'}));
    await page.goto(FIXTURE);
    await expect(page.locator('.upcoming-notice')).toBeVisible();
    await expect(banner(page, 'ja')).toBeHidden();

    await page.clock.setFixedTime(after);
    await page.setExtraHTTPHeaders({'x-e2e-now': String(after)});
    await page.reload();
    await expect(page.locator('h2#article-11')).toHaveText('第 11 条（テスト用の条）');
    await expect(page.locator('.upcoming-notice')).toHaveCount(0);
    const region = banner(page, 'ja');
    await expect(region.locator('.consent-reconsent-policy')).toBeVisible();
    // 1.1.0 in force has an earlier version: the banner links to what changed.
    await expect(region.locator('.consent-revisions-link')).toBeVisible();
    await region.getByRole('button', {name: LABELS.ja.accept}).click();
    await expect(region).toBeHidden();
    await check();
  });
});
