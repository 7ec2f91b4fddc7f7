import {expect, test} from '@playwright/test';
import {readPolicyHistory} from '@/lib/policy/load';
import {dayBefore} from '@/lib/policy/schedule';
import {recordToday} from '../support/policy-record';
import {expectNoAxeViolations, POLICY_PATH} from './helpers';

/** The version /privacy shows (the real record as legal staff leave it). */
const CURRENT = recordToday().shown;

const ARTICLES = {
  ja: [
    '総則',
    '当社が取得する情報及びその取得方法',
    '利用目的',
    '第三者提供',
    '個人情報の取扱いの委託',
    '安全管理体制',
    '情報の保持、保存期間',
    '保有個人データに関する利用者の開示・訂正等の権利',
    '本ポリシーの変更',
    'お問い合わせ',
  ],
  en: [
    'General Provisions',
    'Information the Company Acquires and How It Acquires It',
    'Purposes of Use',
    'Provision to Third Parties',
    'Entrusting the Handling of Personal Information',
    'Security Management System',
    'Retention and Storage Period of Information',
    'Users’ Rights to Disclosure, Correction, etc. of Retained Personal Data',
    'Changes to This Policy',
    'Contact',
  ],
};

// One sentence of each article, exactly as the authoritative source has it (typos included).
const VERBATIM = [
  '当社は、利用者情報等の保護実現のため、個人情報保護法その他関連する法令等を遵守し、個人情報を含む利用者情報等の適切な取扱い及び保護に努めます。',
  '本サービス内での操作履歴の情報や、利用者のサービス利用状況に関する情報（以下「ログ情報」といます。）を収集することがあります。',
  '本人の同意なく利用目的の範囲を超えて利用することはありません。',
  '合併、会社分割、事業譲渡その他の事由により利用者の個人情報を含む事業の承継がなされる場合',
  '当該委託先において情報の適切な安全管理が図られるよう、必要かつ適切な監督を行います。',
  '当社は、代表取締役を利用者情報等管理責任者と定め、利用者情報等の適正な管理及び継続的な改善を実施します。',
  'ただし、当社グループの法的義務の順守及び権利利益の保護のため、ユーザーの情報を保持、保存し使用する場合があります。',
  '開示・訂正・削除若しくは又は利用停止（以下「開示等」といいます。）',
  'ただし、法令上利用者の同意が必要となるような内容の変更を行うときは、別途当社が定める方法により、利用者の同意を取得します。',
  '当社の利用者情報等の取扱いに関するご意見、ご質問、苦情のお申出その他利用者情報等の取扱いに関するお問い合わせは、下記 Email までご連絡ください。',
];

const normalize = (text: string) => text.replace(/[\s\u3000]+/g, '');

for (const locale of ['ja', 'en'] as const) {
  test.describe(`${locale} policy`, () => {
    test('answers 200 with the right language, title and head tags', async ({page}) => {
      const response = await page.goto(POLICY_PATH[locale]);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(
        locale === 'ja' ? 'プライバシーポリシー｜最新AI搭載のオンライン画像生成ツール' : /Privacy Policy/,
      );
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`${POLICY_PATH[locale]}$`),
      );
      for (const [lang, path] of [
        ['ja', '/privacy'],
        ['en', '/en/privacy'],
        ['x-default', '/privacy'],
      ] as const) {
        await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute(
          'href',
          new RegExp(`${path}$`),
        );
      }
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute(
        'content',
        locale === 'ja' ? 'ja_JP' : 'en_US',
      );
    });

    test('shows all ten articles with stable anchors, and the TOC leads to each', async ({page}) => {
      await page.goto(POLICY_PATH[locale]);
      const headings = page.locator('h2[id^="article-"]');
      await expect(headings).toHaveCount(10);
      for (const [i, title] of ARTICLES[locale].entries()) {
        await expect(page.locator(`#article-${i + 1}`)).toContainText(title);
      }
      for (const id of ['article-2-1', 'article-2-1-u', 'article-4-p2-4'])
        await expect(page.locator(`#${id}`)).toHaveCount(1);
      const toc = page.getByRole('navigation', {name: locale === 'ja' ? '目次' : 'Contents'});
      await expect(toc.getByRole('link')).toHaveCount(10);
      for (const n of [1, 7, 10]) {
        await toc
          .getByRole('link')
          .nth(n - 1)
          .click();
        await expect(page).toHaveURL(new RegExp(`#article-${n}$`));
        await expect(page.locator(`#article-${n}`)).toBeInViewport();
      }
    });

    test('states no date nobody decided: 施行日 未定 (never 「未定 から」), no invented revision date or 「制定」', async ({
      page,
    }) => {
      await page.goto(POLICY_PATH[locale]);
      const dates = page.locator('.policy-dates');
      const version = CURRENT.version.replace(/\./g, '\\.');
      await expect(dates).toContainText(new RegExp(`${locale === 'ja' ? 'バージョン' : 'Version'}\\s*${version}`));
      if (!CURRENT.effectiveDate) {
        await expect(dates.locator('time')).toHaveCount(0);
        await expect(dates).toContainText(locale === 'ja' ? /施行日\s*未定/ : /Effective date\s*Not yet decided/);
        await expect(page.locator('.policy-dates .date-unset')).toBeVisible();
      }
      await expect(dates).not.toContainText(locale === 'ja' ? /未定\s*から/ : /from Not yet decided/);
      if (!CURRENT.documents.ja.frontmatter!.lastUpdated) {
        await expect(dates).not.toContainText(locale === 'ja' ? '最終改定日' : 'Last updated');
      }
      const history = page.locator('#revisions');
      await expect(page.getByRole('heading', {name: locale === 'ja' ? '版の履歴' : 'Version history'})).toBeVisible();
      const dated = readPolicyHistory('content/privacy').versions.filter((v) => v.revision.date).length;
      await expect(history.locator('time')).toHaveCount(dated);
      if (dated === 0) await expect(history).toContainText(locale === 'ja' ? '日付未定' : 'Date not yet decided');
      // The policy's own text cites a date (the Act of 2003); the site's additions around it state only
      // the dates legal staff set (and a period's last day, the day before the next date).
      const record = readPolicyHistory('content/privacy').versions;
      const decided = record.flatMap((v) => [v.effectiveDate, v.revision.date]).filter((d): d is string => !!d);
      const allowed = new Set([...decided, ...decided.map(dayBefore)]);
      const shown = page.locator('.policy-header time, #revisions time');
      for (const datetime of await shown.evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!)))
        expect(allowed, datetime).toContain(datetime);
      const text = (await page.locator('.policy-header').innerText()) + (await history.innerText());
      expect(text).not.toMatch(locale === 'ja' ? /制定|初版/ : /Established|First version/);
      if (decided.length === 0) {
        expect(text).not.toMatch(locale === 'ja' ? /\d{4}年\d{1,2}月\d{1,2}日/ : /\w+ \d{1,2}, \d{4}/);
        expect(await page.locator('meta[property="article:modified_time"]').count()).toBe(0);
      }
    });

    test('shows the contact as mailto: and the glossary', async ({page}) => {
      await page.goto(POLICY_PATH[locale]);
      await expect(page.locator('#article-10 ~ p a[href="mailto:support@heyimg.net"]')).toHaveText(
        'support@heyimg.net',
      );
      await expect(page.getByRole('heading', {name: locale === 'ja' ? '用語の定義' : 'Definitions'})).toBeVisible();
    });

    test('passes axe-core (WCAG 2.1 A/AA)', async ({page}) => {
      await page.goto(POLICY_PATH[locale]);
      await expectNoAxeViolations(page);
    });

    test('has no horizontal scroll at 320 px and 375 px', async ({page}) => {
      for (const width of [320, 375]) {
        await page.setViewportSize({width, height: 700});
        await page.goto(POLICY_PATH[locale]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const overflowing = await page.evaluate(
          (w) =>
            [...document.querySelectorAll('main *')]
              .filter((el) => el.getBoundingClientRect().right > w + 0.5)
              .map((el) => el.outerHTML.slice(0, 80)),
          width,
        );
        expect(overflowing, `elements wider than ${width}px`).toEqual([]);
      }
    });
  });
}

test('the Japanese page contains one verbatim sentence of every article', async ({page}) => {
  await page.goto('/privacy');
  const text = normalize(await page.locator('main').innerText());
  for (const sentence of VERBATIM) expect(text).toContain(normalize(sentence));
});

test('the Japanese headings are the source’s, half-width spaces included; the TOC may abbreviate', async ({page}) => {
  await page.goto('/privacy');
  await expect(page.locator('#article-1')).toHaveText('第 1 条（総則）');
  await expect(page.locator('#article-10')).toHaveText('第 10 条（お問い合わせ）');
  await expect(page.locator('h2[id^="article-"]').nth(1)).toHaveText('第 2 条（当社が取得する情報及びその取得方法）');
});

test('Art. 2 shows its real hierarchy with visible markers', async ({page}) => {
  await page.goto('/privacy');
  await expect(page.locator('#article-2-p1 > p > .clause-marker').first()).toHaveText('1.');
  await expect(page.locator('#article-2-1 > p > .clause-marker').first()).toHaveText('(1)');
  await expect(page.locator('#article-2-1-u > p').first()).toHaveText(/^ウ\s*Cookie 及び匿名 ID$/);
  await expect(page.locator('#article-2-p2 > p > .clause-marker')).toHaveText('2.');
  await page.goto('/en/privacy');
  await expect(page.locator('#article-2-1-u > p').first()).toHaveText(/^\(c\)\s*Cookies and anonymous IDs$/);
  // Which text prevails is not decided: the notice says only which is the original, and how the translation renders some wording.
  const notice = page.locator('.translation-notice');
  await expect(notice).toContainText('The original is the Japanese text.');
  await expect(notice).not.toContainText('prevail');
  await expect(notice.getByRole('listitem')).toContainText([/といます/, /委託者/, /若しくは又は/, /Heyimg/]);
});

test('a page opened at an anchor lands on it, below the sticky header', async ({page}) => {
  await page.emulateMedia({reducedMotion: 'reduce'});
  await page.goto('/privacy#cookie-table');
  await expect(page.locator('#cookie-table')).toBeInViewport();
  // Just below the sticky header (scroll-padding-top: 4.5rem), where the reader expects it.
  const top = await page.locator('#cookie-table').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThanOrEqual(80);
});

test('on a tall window nothing in the text moves, and a jump from the table of contents lands exactly', async ({
  page,
}) => {
  await page.setViewportSize({width: 1280, height: 2000});
  await page.addInitScript(() => {
    const shifts: string[] = ((window as unknown as {shifts: string[]}).shifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {value: number; sources: {node?: Node}[]})[])
        for (const source of entry.sources) {
          const element = source.node instanceof Element ? source.node : source.node?.parentElement;
          if (element?.closest('main')) shifts.push(`${element.tagName} ${entry.value}`);
        }
    }).observe({type: 'layout-shift', buffered: true});
  });
  await page.emulateMedia({reducedMotion: 'reduce'});
  await page.goto('/privacy');
  await page.locator('#toc a[href="#article-10"]').click();
  await expect(page).toHaveURL(/#article-10$/);
  const top = await page.locator('#article-10').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThanOrEqual(80);
  expect(await page.evaluate(() => (window as unknown as {shifts: string[]}).shifts)).toEqual([]);
});
