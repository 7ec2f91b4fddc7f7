import {readFileSync} from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import {rawRequest} from '../support/raw-request';
import {CONSENT_COOKIE, consentCookie, LABELS, REGISTRY_FINGERPRINT} from './consent-helpers';

// Issue 27: the consent on another HeyImg page. tests/support/host-page-server.ts serves the README's
// snippet on app.heyimg.test (another origin of the same site), under the CSP the README gives, with
// a hostile stylesheet; the site is www.heyimg.test. Chromium maps both to this machine
// (tests/support/chromium.ts), so cookies, CORS and same-site rules are a real browser's.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const SITE = `http://www.heyimg.test:${PORT}`;
const HOST = `http://app.heyimg.test:${PORT + 1}`;
const FOREIGN = `http://evil.other.test:${PORT + 1}`;

const embed = (page: Page) => page.locator('heyimg-consent');
const bannerOn = (page: Page, locale: 'ja' | 'en' = 'ja') =>
  embed(page).getByRole('region', {name: LABELS[locale].banner});

/** The host page, with every CSP violation it reports collected. */
async function openHost(page: Page, path = '/') {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as {reportViolation: (v: string) => void}).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  await page.goto(`${HOST}${path}`);
  // Loaded `async`, the script may run after the page's load: the API exists once it has.
  await page.waitForFunction(() => window.HeyImgConsent);
  await page.evaluate(() => window.HeyImgConsent!.ready);
  return violations;
}

const dataLayer = (page: Page) =>
  page.evaluate(() => ((window as unknown as {dataLayer: IArguments[]}).dataLayer ?? []).map((a) => [...a]));
const tagRuns = (page: Page) => page.evaluate(() => (window as unknown as {hostTagRuns?: number}).hostTagRuns ?? 0);

/**
 * The receipts of an id, as the browser that owns it reads them from the site (its proof is an
 * HttpOnly cookie of www.heyimg.test, which only that browser sends — from a page of the site).
 */
async function receiptsOf(page: Page, id: string) {
  const site = await page.context().newPage();
  await site.goto(`${SITE}/privacy`);
  const receipts = await site.evaluate(async (path) => {
    const answer = await fetch(path);
    return answer.ok ? (await answer.json()).receipts : [];
  }, `/api/consent/receipts/${id}`);
  await site.close();
  return receipts as {origin: string; choices: object; method: string}[];
}

/** A request to the site exactly as given (Node's resolver knows no *.heyimg.test: loopback, with the site's Host). */
const toSite = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  rawRequest({host: '127.0.0.1', port: PORT}, method, path, {host: `www.heyimg.test:${PORT}`, ...headers}, body);

test.describe('the consent embedded on another HeyImg page', () => {
  test('shows the same banner, untouched by the page’s CSS, with Consent Mode denied before any tag', async ({
    page,
  }) => {
    const violations = await openHost(page);
    const banner = bannerOn(page);
    await expect(banner).toBeVisible();
    for (const name of [LABELS.ja.accept, LABELS.ja.decline])
      await expect(banner.getByRole('button', {name})).toBeVisible();
    // Equal prominence, and none of the hostile stylesheet: no magenta, no 40px, no serif.
    const style = await banner.getByRole('button', {name: LABELS.ja.accept}).evaluate((button) => {
      const s = getComputedStyle(button);
      return {fontSize: s.fontSize, color: s.color, font: s.fontFamily, letterSpacing: s.letterSpacing};
    });
    expect(style.fontSize).toBe('16px');
    expect(style.color).not.toBe('rgb(255, 0, 255)');
    expect(style.font).not.toMatch(/^serif/);
    expect(style.letterSpacing).toBe('normal');
    const [accept, decline] = await Promise.all(
      [LABELS.ja.accept, LABELS.ja.decline].map((name) => banner.getByRole('button', {name}).boundingBox()),
    );
    expect(accept!.width).toBe(decline!.width);
    expect(accept!.height).toBe(decline!.height);
    // Nothing granted, nothing loaded; the Consent Mode defaults came first.
    expect(await tagRuns(page)).toBe(0);
    expect((await dataLayer(page))[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied'}),
    ]);
    expect(await page.evaluate(() => window.HeyImgConsent!.acceptedCategory('analytics'))).toBe(false);
    // The page's own links are untouched, and its CSP (the README's) is enough.
    expect(violations).toEqual([]);
    const axe = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.nodes.some((n) => n.target.flat().includes('heyimg-consent')))).toEqual([]);
  });

  test('accept: the tag runs, Consent Mode is updated, the receipt names the page, /privacy asks no more', async ({
    page,
  }) => {
    await openHost(page);
    const changes = page.evaluate(
      () => new Promise((resolve) => window.HeyImgConsent!.onChange((consent) => resolve(consent))),
    );
    await bannerOn(page).getByRole('button', {name: LABELS.ja.accept}).click();
    await expect(bannerOn(page)).toBeHidden();
    expect(await changes).toMatchObject({categories: {necessary: true, analytics: true, advertising: true}});
    await expect.poll(() => tagRuns(page)).toBe(1);
    expect(await dataLayer(page)).toContainEqual([
      'consent',
      'update',
      {analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted'},
    ]);
    // One cookie for every HeyImg site; the proof stays with the site's API.
    const {cookie, record} = (await consentCookie(page.context()))!;
    expect(cookie.domain).toBe('.heyimg.test');
    await expect
      .poll(async () => (await page.context().cookies()).find((c) => c.name === PROOF_COOKIE)?.domain)
      .toBe('www.heyimg.test');
    await expect
      .poll(() => receiptsOf(page, record.id))
      .toEqual([
        expect.objectContaining({origin: HOST, method: 'banner', choices: {analytics: true, advertising: true}}),
      ]);
    await page.goto(`${SITE}/privacy`);
    await expect(page.locator('html')).toHaveAttribute('data-consent', 'given');
    await expect(page.getByRole('region', {name: LABELS.ja.banner})).toBeHidden();
  });

  test('decline: no tag is requested, nothing is granted, and the choice holds on the site too', async ({page}) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await openHost(page);
    await bannerOn(page).getByRole('button', {name: LABELS.ja.decline}).click();
    await expect(bannerOn(page)).toBeHidden();
    await page.reload();
    await page.evaluate(() => window.HeyImgConsent!.ready);
    await expect(bannerOn(page)).toBeHidden();
    expect(await page.evaluate(() => window.HeyImgConsent!.getConsent()?.categories)).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
    });
    expect(requested.filter((url) => url.endsWith('/tag.js'))).toEqual([]);
    expect(await dataLayer(page)).not.toContainEqual([
      'consent',
      'update',
      expect.objectContaining({analytics_storage: 'granted'}),
    ]);
    await expect
      .poll(async () => (await dataLayer(page)).at(-1))
      .toEqual(['consent', 'update', expect.objectContaining({analytics_storage: 'denied'})]);
    // The shared cookie, and the proof the receipt's answer brought: nothing else.
    await expect
      .poll(async () => (await page.context().cookies()).map((c) => c.name).sort())
      .toEqual([CONSENT_COOKIE, PROOF_COOKIE]);
  });

  test('loaded async, the same consent: banner, Consent Mode denied first, the gated tag only once granted', async ({
    page,
  }) => {
    const violations = await openHost(page, '/?async');
    expect(await page.locator('script[src$="/consent.js"]').evaluate((s: HTMLScriptElement) => s.async)).toBe(true);
    await expect(bannerOn(page)).toBeVisible();
    expect(await tagRuns(page)).toBe(0);
    expect((await dataLayer(page))[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({analytics_storage: 'denied'}),
    ]);
    await bannerOn(page).getByRole('button', {name: LABELS.ja.accept}).click();
    await expect.poll(() => tagRuns(page)).toBe(1);
    expect(await page.evaluate(() => window.HeyImgConsent!.acceptedCategory('analytics'))).toBe(true);
    expect(violations).toEqual([]);
  });

  test('a choice made on the site means no banner on the host page', async ({page}) => {
    await page.goto(`${SITE}/privacy`);
    await page.getByRole('region', {name: LABELS.ja.banner}).getByRole('button', {name: LABELS.ja.decline}).click();
    await openHost(page);
    await expect(bannerOn(page)).toBeHidden();
    expect(await page.evaluate(() => window.HeyImgConsent!.getConsent()?.categories.analytics)).toBe(false);
  });

  test('asks again everywhere when the list of technologies changed, with the reason', async ({page, context}) => {
    const stale = {v: 2, id: 'a'.repeat(32), ts: Date.now() - 1000, pv: '1.0.0', l: 'ja', rf: 'ffffffffffffffff'};
    await context.addCookies([
      {
        name: CONSENT_COOKIE,
        value: encodeURIComponent(JSON.stringify({...stale, c: {analytics: true, advertising: true}, m: 'banner'})),
        domain: '.heyimg.test',
        path: '/',
      },
    ]);
    expect(stale.rf).not.toBe(REGISTRY_FINGERPRINT);
    await openHost(page);
    await expect(bannerOn(page)).toBeVisible();
    await expect(bannerOn(page).locator('.consent-reconsent-registry')).toBeVisible();
    expect(await tagRuns(page)).toBe(0);
  });

  test('the settings by keyboard from the page’s own link: a modal dialog, focus kept and returned', async ({page}) => {
    await openHost(page);
    const link = page.getByRole('link', {name: 'Cookie 設定'});
    await link.focus();
    await page.keyboard.press('Enter');
    const dialog = embed(page).getByRole('dialog', {name: LABELS.ja.dialog});
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('HEYIMG-CONSENT');
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(link).toBeFocused();
    // Saved from the dialog: exactly what was switched on.
    await link.click();
    await dialog.getByRole('switch', {name: LABELS.ja.analytics}).check();
    await dialog.getByRole('button', {name: LABELS.ja.save}).click();
    await expect.poll(() => tagRuns(page)).toBe(1);
    expect(await page.evaluate(() => window.HeyImgConsent!.acceptedCategory('advertising'))).toBe(false);
  });

  test('in the page’s language: English on an English page', async ({page}) => {
    await openHost(page, '/en.html');
    await expect(bannerOn(page, 'en')).toBeVisible();
    await expect(bannerOn(page, 'en').getByRole('button', {name: LABELS.en.accept})).toBeVisible();
    await expect(bannerOn(page, 'en').getByRole('link', {name: /Privacy Policy/})).toHaveAttribute(
      'href',
      new RegExp(`^${SITE}/en/privacy#article-2-1-u$`),
    );
  });

  test('the visitor sees, downloads and deletes their record from the host page', async ({page}) => {
    await openHost(page);
    await bannerOn(page).getByRole('button', {name: LABELS.ja.decline}).click();
    const {record} = (await consentCookie(page.context()))!;
    await expect.poll(async () => (await receiptsOf(page, record.id)).length).toBe(1);
    await page.getByRole('link', {name: 'Cookie 設定'}).click();
    const dialog = embed(page).getByRole('dialog');
    await expect(dialog).toContainText(record.id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', {name: /ダウンロード/}).click(),
    ]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({consentId: record.id, receipts: [{origin: HOST, method: 'banner'}]});
    await dialog.getByRole('button', {name: /削除/}).click();
    await expect(dialog.getByRole('status').last()).toContainText('記録を削除しました');
    expect(await consentCookie(page.context())).toBeNull();
    await dialog.getByRole('button', {name: '閉じる'}).first().click();
    await expect(bannerOn(page)).toBeVisible();
  });

  test('another site’s page gets nothing: no shared cookie, and the API refuses it and stores nothing', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${FOREIGN}/`);
    await page.evaluate(() => window.HeyImgConsent!.ready);
    await bannerOn(page).getByRole('button', {name: LABELS.ja.accept}).click();
    // The browser kept its choice on that site (a cookie of its own), but the site stored nothing.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === CONSENT_COOKIE)?.domain).toBe('evil.other.test');
    expect(cookies.find((c) => c.name === PROOF_COOKIE)).toBeUndefined();
    const value = cookies.find((c) => c.name === CONSENT_COOKIE)!.value;
    const record = JSON.parse(decodeURIComponent(value));
    // What that page's script asks of the site, as its browser sends it: refused.
    const json = {'content-type': 'application/json', cookie: `${CONSENT_COOKIE}=${value}`};
    const forged = await toSite('POST', '/api/consent', {...json, origin: FOREIGN}, JSON.stringify({record}));
    expect(forged.status).toBe(403);
    const preflight = await toSite('OPTIONS', '/api/consent', {
      origin: FOREIGN,
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // Nothing was stored under its id: it is still unused (the first claim of it succeeds).
    const claim = await toSite('POST', '/api/consent', {...json, origin: HOST}, JSON.stringify({record}));
    expect(claim.status).toBe(201);
    expect(JSON.parse(claim.body.toString())).toMatchObject({status: 'stored', consentId: record.id});
    expect(errors.some((error) => /could not|CORS|Failed to fetch/i.test(error))).toBe(true);
  });
});
