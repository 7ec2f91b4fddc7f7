import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import sitemap from '@/app/sitemap';
import {Consent} from '@/components/consent/Consent';
import {FIXTURE_POLICY} from '@/components/e2e-fixtures/policy';
import {fixtureRegistry} from '@/components/e2e-fixtures/registry';
import {Intl} from '@/components/page/render';
import {CookieTable} from '@/components/policy/CookieTable';
import {cookieClauseCitation} from '@/components/policy/links';
import {changesRoute, currentPolicyRoute, versionListRoute, versionRoute} from '@/components/policy/routes';
import type {Locale} from '@/i18n/routing';
import {cookieRegistry} from '@/lib/consent/site-registry';
import {COOKIE_CLAUSE} from '@/lib/policy/citations';
import {clauseNumber} from '@/lib/policy/plugins/clauses';
import {epochs, epochView, SITE_POLICY, versionNumbers, type PolicySource} from '@/lib/policy/sources';
import {SITE_URL} from '@/lib/site';

/**
 * The policy's pages as the build renders them (the routes' getStaticProps), for the real record and
 * npm test's fixture history (a version superseded, one upcoming): what they show around the text.
 */
const LOCALES: Locale[] = ['ja', 'en'];
const htmlOf = (page: unknown) => (page as {props: {html: string}}).props.html;

/** Every page of a source in every epoch: the policy, the list, each version and each comparison. */
async function everyPage(source: PolicySource) {
  const pages: {path: string; html: string}[] = [];
  for (const locale of LOCALES) {
    for (const epoch of epochs(source)) {
      const params = {locale, epoch};
      pages.push({path: `${locale} ${epoch}`, html: htmlOf(await currentPolicyRoute(source).getStaticProps({params}))});
      pages.push({
        path: `${locale} ${epoch} list`,
        html: htmlOf(await versionListRoute(source).getStaticProps({params})),
      });
      for (const [i, version] of versionNumbers(source).entries()) {
        const versionParams = {...params, version};
        const versionPage = await versionRoute(source).getStaticProps({params: versionParams});
        pages.push({path: `${locale} ${epoch} ${version}`, html: htmlOf(versionPage)});
        if (i > 0) {
          const changes = await changesRoute(source).getStaticProps({params: versionParams});
          pages.push({path: `${locale} ${epoch} ${version} changes`, html: htmlOf(changes)});
        }
      }
    }
  }
  return pages;
}

describe('dates on the policy pages', {timeout: 60_000}, () => {
  it.each([
    ['the site', SITE_POLICY],
    ['the fixture history, whose later versions are dated', FIXTURE_POLICY],
  ])('use <time> only for a date: an undecided one is plain text (%s)', async (_name, source) => {
    let dates = 0;
    for (const {path, html} of await everyPage(source)) {
      expect(html.match(/<time/g)?.length ?? 0, path).toBe(html.match(/<time datetime="/gi)?.length ?? 0);
      for (const [element, datetime, text] of html.matchAll(/<time datetime="([^"]*)">([^<]*)<\/time>/gi)) {
        expect(datetime, `${path}: ${element}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(text, `${path}: ${element}`).not.toMatch(/未定|decided/);
        dates++;
      }
    }
    if (source === FIXTURE_POLICY) expect(dates).toBeGreaterThan(0);
  });
});

describe('a version’s own page', () => {
  const fixturePage = async (epoch: string, version: string, locale: Locale = 'ja') =>
    htmlOf(await versionRoute(FIXTURE_POLICY).getStaticProps({params: {locale, epoch, version}}));

  it('leaves out today’s cookie table once the version is superseded (R5)', async () => {
    const [first, second] = versionNumbers(FIXTURE_POLICY);
    const view = epochView(FIXTURE_POLICY, second!)!;
    expect(view.status(view.versions[0]!)).toBe('superseded');
    expect(await fixturePage(second!, first!)).not.toContain('id="cookie-table"');
    expect(await fixturePage(second!, second!)).toContain('id="cookie-table"');
    expect(await fixturePage(first!, first!)).toContain('id="cookie-table"');
  });

  it.each(LOCALES)('names its fingerprint for what it is: the SHA-256 of the source file (R6, %s)', async (locale) => {
    const [first] = versionNumbers(FIXTURE_POLICY);
    const html = await fixturePage(first!, first!, locale);
    expect(html).toMatch(
      locale === 'ja'
        ? /原稿ファイル（ja\.mdx）の SHA-256：<code>[0-9a-f]{64}<\/code>/
        : /SHA-256 of the source file \(en\.mdx\): <code>[0-9a-f]{64}<\/code>/,
    );
    expect(html).not.toMatch(/本文の SHA-256|SHA-256 of the text/);
  });
});

describe('the clause the banner and the cookie table cite (R7, J6)', () => {
  it('is numbered from its anchor, spaced like the text’s headings', () => {
    expect(
      ['article-2-1-u', 'article-2-p2', 'article-4-p2-4', 'article-10', 'article-2-1', 'glossary'].map((id) => [
        clauseNumber(id, 'ja'),
        clauseNumber(id, 'en'),
      ]),
    ).toEqual([
      ['第 2 条第 1 項(1)ウ', 'Article 2, paragraph 1, item (1)(c)'],
      ['第 2 条第 2 項', 'Article 2, paragraph 2'],
      ['第 4 条第 2 項(4)', 'Article 4, paragraph 2, item (4)'],
      ['第 10 条', 'Article 10'],
      ['第 2 条第 1 項(1)', 'Article 2, paragraph 1, item (1)'],
      [null, null],
    ]);
  });

  it.each([
    ['ja', '/privacy#article-2-1-u', '第 2 条第 1 項(1)ウ「Cookie 及び匿名 ID」'],
    ['en', '/en/privacy#article-2-1-u', 'Article 2, paragraph 1, item (1)(c) “Cookies and anonymous IDs”'],
  ] as const)('is linked and quoted from its one declaration (%s)', (locale, href, quoted) => {
    expect(cookieClauseCitation(locale).href).toBe(href);
    const banner = renderToStaticMarkup(
      <Intl locale={locale}>
        <Consent locale={locale} />
      </Intl>,
    );
    expect(banner).toContain(`<a href="${href}">`);
    expect(banner).toContain(quoted);
    const table = renderToStaticMarkup(
      <Intl locale={locale}>
        <CookieTable locale={locale} />
      </Intl>,
    );
    expect(table).toContain(quoted);
    expect(COOKIE_CLAUSE.anchor).toBe(href.split('#')[1]);
  });
});

describe('the cookie table’s way to the 外部送信 page (W2)', () => {
  const table = (registry: typeof cookieRegistry) =>
    renderToStaticMarkup(
      <Intl locale="ja">
        <CookieTable locale="ja" registry={registry} />
      </Intl>,
    );

  it('promises details only when something is sent', () => {
    expect(cookieRegistry.cookies.some((c) => c.externalTransmission)).toBe(false);
    expect(table(cookieRegistry)).toContain('<a href="/external-transmission">外部送信について</a>');
    expect(table(cookieRegistry)).not.toContain('詳細は');
    expect(table(fixtureRegistry)).toContain(
      '送信先・送信される情報・利用目的・停止方法の詳細は「外部送信について」をご覧ください。',
    );
  });
});

describe('the sitemap (W3)', () => {
  it('lists the 外部送信 page in both languages, with its alternates', () => {
    const entries = sitemap();
    for (const path of ['/external-transmission', '/en/external-transmission']) {
      const entry = entries.find((e) => e.url === `${SITE_URL}${path}`);
      expect(entry, path).toBeDefined();
      expect(entry!.alternates?.languages).toMatchObject({
        ja: `${SITE_URL}/external-transmission`,
        en: `${SITE_URL}/en/external-transmission`,
      });
    }
  });
});
