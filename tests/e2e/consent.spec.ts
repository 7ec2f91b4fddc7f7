import {randomBytes} from 'node:crypto';
import {expect, test} from '@playwright/test';
import {
  banner,
  consentCookie,
  expectNoNonEssentialCookies,
  expectOnlyDeclaredCookies,
  FIXTURE_PAGE,
  FIXTURE_REGISTRY,
  LABELS,
  REGISTRY_FINGERPRINT,
  setConsentCookie,
  validRecord,
  watchErrors,
} from './consent-helpers';
import {expectNoAxeViolations, gotoHydrated, ISLAND_SCRIPT, POLICY_PATH, waitForHydration} from './helpers';
import {cookieRegistry} from '@/lib/consent/site-registry';

const DAY = 24 * 60 * 60 * 1000;

for (const locale of ['ja', 'en'] as const) {
  const L = LABELS[locale];

  test.describe(`consent (${locale})`, () => {
    test('first visit: the banner shows, links to Art. 2-ウ, and no optional cookie exists', async ({
      page,
      context,
    }) => {
      const errors = watchErrors(page);
      await page.goto(POLICY_PATH[locale]);
      const region = banner(page, locale);
      await expect(region).toBeVisible();
      const clause = region.getByRole('link');
      await expect(clause).toHaveAttribute('href', `${POLICY_PATH[locale]}#article-2-1-u`);
      await expect(clause).toHaveText(
        locale === 'ja'
          ? /第 2 条第 1 項\(1\)ウ「Cookie 及び匿名 ID」/
          : /Article 2, paragraph 1, item \(1\)\(c\) “Cookies and anonymous IDs”/,
      );
      // Nothing optional is declared today: the banner says so, and claims no analytics or advertising.
      await expect(region).toContainText(
        locale === 'ja' ? '分析・広告の Cookie は使用していません' : 'it uses no analytics or advertising Cookies',
      );
      await expect(region).not.toContainText(locale === 'ja' ? '同意いただいた場合にだけ' : 'only if you agree');
      await expect(region.getByRole('button', {name: L.accept})).toBeVisible();
      await expect(region.getByRole('button', {name: L.decline})).toBeVisible();
      await expect(page.getByRole('dialog')).toBeHidden();
      expect(await context.cookies()).toEqual([]);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    test('accept: recorded in the cookie, the banner goes and stays gone', async ({page, context}) => {
      const errors = watchErrors(page);
      await gotoHydrated(page, POLICY_PATH[locale]);
      const before = Date.now();
      await banner(page, locale).getByRole('button', {name: L.accept}).click();
      await expect(banner(page, locale)).toBeHidden();
      await expect(page.locator('#main')).toBeFocused();
      const stored = await consentCookie(context);
      expect(stored?.record).toMatchObject({
        v: 2,
        pv: '1.0.0',
        l: locale,
        rf: REGISTRY_FINGERPRINT,
        c: {analytics: true, advertising: true},
        m: 'banner',
      });
      expect(stored!.record.id).toMatch(/^[0-9a-f]{32}$/);
      expect(stored!.record.ts).toBeGreaterThanOrEqual(before - 1000);
      expect(stored!.cookie).toMatchObject({path: '/', sameSite: 'Lax', secure: false});
      const days = (stored!.cookie.expires * 1000 - Date.now()) / DAY;
      expect(days).toBeGreaterThan(179);
      expect(days).toBeLessThanOrEqual(180);
      await page.reload();
      await expect(banner(page, locale)).toBeHidden();
      await expectOnlyDeclaredCookies(context);
      expect(errors).toEqual([]);
    });

    test('decline: recorded as declined, and no optional cookie appears', async ({page, context}) => {
      await gotoHydrated(page, POLICY_PATH[locale]);
      await banner(page, locale).getByRole('button', {name: L.decline}).click();
      await expect(banner(page, locale)).toBeHidden();
      expect((await consentCookie(context))?.record).toMatchObject({
        c: {analytics: false, advertising: false},
        m: 'banner',
      });
      await page.reload();
      await expect(banner(page, locale)).toBeHidden();
      await expectNoNonEssentialCookies(context);
    });

    test('the two choices have equal prominence', async ({page}) => {
      await page.goto(POLICY_PATH[locale]);
      const measure = (name: string) =>
        banner(page, locale)
          .getByRole('button', {name})
          .evaluate((el) => {
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return {
              fontSize: s.fontSize,
              fontWeight: s.fontWeight,
              color: s.color,
              background: s.backgroundColor,
              border: s.border,
              padding: s.padding,
              width: Math.round(r.width),
              height: Math.round(r.height),
            };
          });
      const accept = await measure(L.accept);
      const decline = await measure(L.decline);
      expect(decline).toEqual(accept);
      expect(accept.height).toBeGreaterThanOrEqual(44);
    });

    test('preferences: a modal dialog that keeps focus, closes on Esc and returns focus', async ({page, context}) => {
      await gotoHydrated(page, POLICY_PATH[locale]);
      const settings = banner(page, locale).getByRole('button', {name: L.settings});
      await settings.click();
      const dialog = page.getByRole('dialog', {name: L.dialog});
      await expect(dialog).toBeVisible();
      const focusInDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
      expect(await focusInDialog()).toBe(true);
      // Categories from the registry: necessary always on; the others off until chosen.
      await expect(dialog.getByRole('switch', {name: L.necessary})).toBeChecked();
      await expect(dialog.getByRole('switch', {name: L.necessary})).toBeDisabled();
      await expect(dialog.getByRole('switch', {name: L.analytics})).not.toBeChecked();
      await expect(dialog.getByRole('switch', {name: L.advertising})).not.toBeChecked();
      await expect(dialog).toContainText('heyimg_consent');
      await expect(dialog.locator('.consent-no-cookies')).toHaveCount(2);
      await expectNoAxeViolations(page);
      // Focus order: Tab goes through the dialog and wraps around; it never leaves.
      const order: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        expect(await focusInDialog()).toBe(true);
        order.push(
          await page.evaluate(
            () => document.activeElement?.textContent || document.activeElement?.getAttribute('id') || '',
          ),
        );
      }
      expect(order.slice(0, 6)).toEqual([
        'consent-category-analytics',
        'consent-category-advertising',
        L.declineAll,
        L.acceptAll,
        L.save,
        locale === 'ja' ? '閉じる' : 'Close',
      ]);
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog()).toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(settings).toBeFocused();
      expect(await consentCookie(context)).toBeNull();
    });

    test('preferences: choosing one category records exactly that', async ({page, context}) => {
      await gotoHydrated(page, POLICY_PATH[locale]);
      await banner(page, locale).getByRole('button', {name: L.settings}).click();
      const dialog = page.getByRole('dialog', {name: L.dialog});
      await dialog.getByRole('switch', {name: L.analytics}).check();
      await dialog.getByRole('button', {name: L.save}).click();
      await expect(dialog).toBeHidden();
      await expect(banner(page, locale)).toBeHidden();
      expect((await consentCookie(context))?.record).toMatchObject({
        c: {analytics: true, advertising: false},
        m: 'preferences',
      });
      await expectOnlyDeclaredCookies(context);
    });

    test('the footer link reopens the preferences; withdrawing is one click', async ({page, context}) => {
      await gotoHydrated(page, POLICY_PATH[locale]);
      await banner(page, locale).getByRole('button', {name: L.accept}).click();
      const id = (await consentCookie(context))!.record.id;
      const footerLink = page.getByRole('contentinfo').getByRole('link', {name: L.footer});
      await footerLink.click();
      const dialog = page.getByRole('dialog', {name: L.dialog});
      await expect(dialog.getByRole('switch', {name: L.analytics})).toBeChecked();
      await expect(dialog.getByRole('switch', {name: L.advertising})).toBeChecked();
      await dialog.getByRole('button', {name: L.declineAll}).click();
      await expect(dialog).toBeHidden();
      await expect(footerLink).toBeFocused();
      const after = (await consentCookie(context))!.record;
      expect(after).toMatchObject({c: {analytics: false, advertising: false}, m: 'preferences', id});
      await expect(banner(page, locale)).toBeHidden();
    });

    test('a malformed or tampered cookie counts as no choice, and nothing throws', async ({page, context, baseURL}) => {
      const errors = watchErrors(page);
      for (const value of [
        'garbage',
        '{"__proto__":{"x":1}}',
        validRecord({ts: Date.now() + 30 * DAY}),
        validRecord({c: {analytics: true, advertising: true, tracking: true}}),
        'x'.repeat(3000),
      ]) {
        await context.clearCookies();
        await setConsentCookie(context, baseURL!, value);
        await page.goto(POLICY_PATH[locale]);
        await expect(banner(page, locale), value.slice(0, 40)).toBeVisible();
      }
      expect(errors).toEqual([]);
    });

    test('re-consent: a choice made under an older policy version is asked again, with the reason', async ({
      page,
      context,
      baseURL,
    }) => {
      // An id of this test alone: no other test's browser has claimed it on the server.
      const id = randomBytes(16).toString('hex');
      await setConsentCookie(
        context,
        baseURL!,
        validRecord({id, pv: '0.9.0', c: {analytics: true, advertising: true}}),
      );
      await gotoHydrated(page, POLICY_PATH[locale]);
      const region = banner(page, locale);
      await expect(region).toBeVisible();
      await expect(region.locator('.consent-reconsent-policy')).toBeVisible();
      await expect(region.locator('.consent-reconsent-policy')).toContainText(
        locale === 'ja' ? 'プライバシーポリシーが改定されました' : 'Privacy Policy has changed',
      );
      await expect(region.locator('.consent-reconsent-registry')).toBeHidden();
      // The version in force (1.0.0) is the first: there is no changes page to link to.
      await expect(region.locator('.consent-revisions-link')).toBeHidden();
      await expect(region.locator('.consent-revisions-link')).toHaveAttribute('href', `${POLICY_PATH[locale]}/changes`);
      const receipt = page.waitForResponse((r) => r.url().endsWith('/api/consent') && r.request().method() === 'POST');
      await region.getByRole('button', {name: L.decline}).click();
      // The new choice keeps the browser's record id, and the server stores it under that id. The
      // cookie is read after the receipt's answer, which may set it again: no race with it.
      const answer = await receipt;
      expect(answer.request().postDataJSON()).toMatchObject({
        record: {pv: '1.0.0', c: {analytics: false, advertising: false}, id},
      });
      expect(await answer.json()).toMatchObject({status: 'stored', consentId: id});
      expect((await consentCookie(context))!.record).toMatchObject({
        pv: '1.0.0',
        c: {analytics: false, advertising: false},
        id,
      });
    });

    test('re-consent: when only the list of cookies changed, the banner says so and links to it', async ({
      page,
      context,
      baseURL,
    }) => {
      await setConsentCookie(context, baseURL!, validRecord({rf: 'fedcba9876543210'}));
      await gotoHydrated(page, POLICY_PATH[locale]);
      const region = banner(page, locale);
      const reason = region.locator('.consent-reconsent-registry');
      await expect(reason).toBeVisible();
      await expect(reason).toContainText(
        locale === 'ja' ? 'Cookie 等の一覧が変わりました' : 'The list of Cookies and similar technologies has changed',
      );
      await expect(region.locator('.consent-reconsent-policy')).toBeHidden();
      const link = reason.getByRole('link', {
        name: locale === 'ja' ? 'Cookie 等の一覧を見る' : 'See the list of Cookies',
      });
      await expect(link).toHaveAttribute('href', `${POLICY_PATH[locale]}#cookie-table`);
      await link.click();
      await expect(page.locator('#cookie-table')).toBeInViewport();
      await expectNoAxeViolations(page);
    });

    test('a current, valid choice: no banner, not for a single frame, even before the island runs', async ({
      page,
      context,
      baseURL,
    }) => {
      await setConsentCookie(context, baseURL!, validRecord());
      // Sample the banner's visibility from the first frame on.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as {bannerFrames: string[]}).bannerFrames = seen;
        const sample = () => {
          const el = document.getElementById('consent-banner');
          if (el) seen.push(getComputedStyle(el).display);
          if (seen.length < 60) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      // Block the consent island: only the inline boot script may decide.
      await page.route(ISLAND_SCRIPT, (route) => route.abort());
      await page.goto(POLICY_PATH[locale]);
      await page.waitForFunction(() => (window as unknown as {bannerFrames: string[]}).bannerFrames.length >= 60);
      const frames = await page.evaluate(() => (window as unknown as {bannerFrames: string[]}).bannerFrames);
      expect(frames.length).toBeGreaterThan(0);
      expect(new Set(frames)).toEqual(new Set(['none']));
    });

    test('without a choice the banner is there at first paint, before the island runs, with no layout shift', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as {cls: number};
        w.cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[])
            if (!entry.hadRecentInput) w.cls += entry.value;
        }).observe({type: 'layout-shift', buffered: true});
      });
      await page.route(ISLAND_SCRIPT, (route) => route.abort());
      await page.goto(POLICY_PATH[locale]);
      await expect(banner(page, locale)).toBeVisible();
      await page.unroute(ISLAND_SCRIPT);
      await page.reload();
      await expect(banner(page, locale)).toBeVisible();
      // The island bound: the moment the banner could move if anything were wrong.
      await waitForHydration(page);
      expect(await page.evaluate(() => (window as unknown as {cls: number}).cls)).toBe(0);
    });
  });
}

test.describe('Global Privacy Control', () => {
  test.beforeEach(async ({page}) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true}),
    );
  });

  for (const locale of ['ja', 'en'] as const) {
    const L = LABELS[locale];
    test(`${locale}: non-essential categories start off, recorded as declined by GPC, no banner, preferences reachable`, async ({
      page,
      context,
    }) => {
      const errors = watchErrors(page);
      await page.goto(POLICY_PATH[locale]);
      await expect(banner(page, locale)).toBeHidden();
      await expect.poll(async () => (await consentCookie(context))?.record.m).toBe('gpc');
      expect((await consentCookie(context))!.record.c).toEqual({analytics: false, advertising: false});
      await page.getByRole('contentinfo').getByRole('link', {name: L.footer}).click();
      const dialog = page.getByRole('dialog', {name: L.dialog});
      await expect(dialog.getByRole('switch', {name: L.analytics})).not.toBeChecked();
      // The settings say why, while the choice in force is the one GPC made — and not after the
      // visitor chose otherwise.
      const note = dialog.locator('.consent-gpc-note');
      await expect(note).toBeVisible();
      await dialog.getByRole('button', {name: L.acceptAll}).click();
      await page.getByRole('contentinfo').getByRole('link', {name: L.footer}).click();
      await expect(dialog.getByRole('switch', {name: L.analytics})).toBeChecked();
      await expect(note).toBeHidden();
      await page.reload();
      await page.getByRole('contentinfo').getByRole('link', {name: L.footer}).click();
      await expect(note).toBeHidden();
      await expectOnlyDeclaredCookies(context);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('gated scripts and cookie deletion (fixture page)', () => {
  for (const locale of ['ja', 'en'] as const) {
    const L = LABELS[locale];

    test(`${locale}: the gated script is requested only after accepting its category`, async ({page, context}) => {
      const requests: string[] = [];
      await page.route('**/e2e-fixtures/analytics.js', (route) => {
        requests.push(route.request().url());
        return route.fulfill({
          contentType: 'text/javascript',
          body: "document.cookie = 'fixture_analytics=1; path=/; max-age=86400';",
        });
      });
      await gotoHydrated(page, FIXTURE_PAGE[locale]);
      // Hydrated and the store initialised (the gate shows its fallback): no gated script was rendered.
      await expect(page.getByTestId('advertising-gate')).toHaveText('advertising: off');
      expect(requests).toEqual([]);
      await expectNoNonEssentialCookies(context);
      await banner(page, locale).getByRole('button', {name: L.accept}).click();
      await expect.poll(() => requests.length).toBe(1);
      await expect(page.getByTestId('advertising-gate')).toHaveText('advertising: on');
      await expect.poll(async () => (await context.cookies()).some((c) => c.name === 'fixture_analytics')).toBe(true);
      await expectOnlyDeclaredCookies(context, FIXTURE_REGISTRY);
      // Withdrawal deletes the category's declared cookies.
      await page.getByRole('contentinfo').getByRole('link', {name: L.footer}).click();
      await page.getByRole('dialog').getByRole('switch', {name: L.analytics}).uncheck();
      await page.getByRole('dialog').getByRole('button', {name: L.save}).click();
      await expect
        .poll(async () => (await context.cookies()).map((c) => c.name).filter((name) => name === 'fixture_analytics'))
        .toEqual([]);
      await expect(page.getByTestId('advertising-gate')).toHaveText('advertising: on');
      // After a reload with analytics withdrawn, the script is not requested again.
      await page.reload();
      await waitForHydration(page);
      await expect(page.getByTestId('advertising-gate')).toHaveText('advertising: on');
      expect(requests).toHaveLength(1);
    });

    test(`${locale}: after declining, the gated script is never requested`, async ({page, context}) => {
      const requests: string[] = [];
      await page.route('**/e2e-fixtures/analytics.js', (route) => {
        requests.push(route.request().url());
        return route.fulfill({contentType: 'text/javascript', body: ''});
      });
      await gotoHydrated(page, FIXTURE_PAGE[locale]);
      await banner(page, locale).getByRole('button', {name: L.decline}).click();
      await page.reload();
      await page.goto(POLICY_PATH[locale]);
      await gotoHydrated(page, FIXTURE_PAGE[locale]);
      await expect(page.getByTestId('advertising-gate')).toHaveText('advertising: off');
      expect(requests).toEqual([]);
      await expectNoNonEssentialCookies(context);
    });
  }

  test('the cookie table publishes a third party’s external transmission (外部送信規律)', async ({page}) => {
    await page.goto(FIXTURE_PAGE.ja);
    const table = page.locator('#cookie-table');
    await expect(table).toContainText('fixture_analytics');
    await expect(table).toContainText('Example Analytics Inc.（Example Analytics）');
    await expect(table).toContainText('閲覧したページの URL');
    await expect(table).toContainText('ページごとの閲覧数を集計してウェブサイトを改善するため');
  });

  test('Google Consent Mode v2 and the DOM event hear every change of choice', async ({page}) => {
    await page.addInitScript(() => {
      const calls: unknown[][] = [];
      (window as unknown as {gtagCalls: unknown[][]}).gtagCalls = calls;
      (window as unknown as {gtag: (...args: unknown[]) => void}).gtag = (...args: unknown[]) => calls.push(args);
    });
    await gotoHydrated(page, '/privacy');
    // Non-React code hears every change through a DOM event.
    const event = page.evaluate(
      () =>
        new Promise((resolve) =>
          window.addEventListener('heyimg:consentchange', (e) => resolve((e as CustomEvent).detail), {once: true}),
        ),
    );
    await banner(page, 'ja').getByRole('button', {name: '同意する'}).click();
    expect(await event).toMatchObject({record: {c: {analytics: true, advertising: true}, m: 'banner'}, previous: null});
    const calls = await page.evaluate(() => (window as unknown as {gtagCalls: unknown[][]}).gtagCalls);
    expect(calls).toContainEqual([
      'consent',
      'update',
      {analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted'},
    ]);
  });
});

test('the real policy page shows the cookie registry after the text, labelled as the site’s, for its scope', async ({
  page,
}) => {
  for (const locale of ['ja', 'en'] as const) {
    await page.goto(POLICY_PATH[locale]);
    const table = page.locator('#cookie-table');
    // Outside the policy's text: not inside Art. 2(1)ウ, not inside any article.
    await expect(page.locator('.policy-body #cookie-table')).toHaveCount(0);
    await expect(table.getByRole('note')).toContainText(
      locale === 'ja' ? 'プライバシーポリシーの本文ではありません' : 'not of the Privacy Policy’s text',
    );
    for (const cookie of cookieRegistry.cookies) {
      await expect(table).toContainText(cookie.name);
      await expect(table).toContainText(cookie.duration[locale]);
    }
    const scope = cookieRegistry.scope[locale];
    await expect(table.locator('caption')).toHaveText(
      locale === 'ja'
        ? `${scope}が使用する Cookie 及び類似の技術`
        : `Cookies and similar technologies used by ${scope}`,
    );
    await expect(table).not.toContainText(/本サービス|第27条の12|Article 27-12/);
  }
});

test('the dialog says when a category has nothing in use, and the Japanese UI has no 「あなた」', async ({page}) => {
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: LABELS.ja.settings}).click();
  const dialog = page.getByRole('dialog', {name: LABELS.ja.dialog});
  await expect(dialog).toBeVisible();
  // Whom it speaks for is the registry's scope, never a wider claim (legal review N15, issue 27).
  await expect(dialog.locator('.consent-no-cookies')).toHaveText(
    Array(2).fill('このプライバシーポリシーのウェブサイトでは現在、この区分の Cookie は使用していません。'),
  );
  await expect(dialog).toContainText(
    '提供者：HeyImg、保存期間：180日、使用するサイト：このプライバシーポリシーのウェブサイト',
  );
  expect(await page.locator('body').innerText()).not.toContain('あなた');
});

test('switching language sets no cookie and keeps the choice', async ({page, context}) => {
  await gotoHydrated(page, '/privacy');
  await page.getByRole('link', {name: 'English'}).click();
  await expect(page).toHaveURL(/\/en\/privacy/);
  expect(await context.cookies()).toEqual([]);
  await banner(page, 'en').getByRole('button', {name: 'Decline'}).click();
  await page.getByRole('link', {name: '日本語'}).click();
  await expect(page).toHaveURL(/\/privacy/);
  await expect(banner(page, 'ja')).toBeHidden();
  await expectOnlyDeclaredCookies(context);
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});

  for (const [locale, choice, granted] of [
    ['ja', '同意する', true],
    ['en', 'Decline', false],
  ] as const) {
    test(`${locale}: the banner's ${choice} button posts the form and the choice is recorded`, async ({
      page,
      context,
    }) => {
      await page.goto(POLICY_PATH[locale]);
      const region = banner(page, locale);
      await expect(region).toBeVisible();
      await expect(region.getByRole('button', {name: LABELS[locale].settings})).toBeHidden();
      await region.getByRole('button', {name: choice}).click();
      await expect(page).toHaveURL(new RegExp(`${POLICY_PATH[locale]}#consent-saved$`));
      await expect(region.locator('#consent-saved')).toBeVisible();
      await expect(region.getByRole('button', {name: choice})).toBeHidden();
      expect((await consentCookie(context))?.record).toMatchObject({
        m: 'form',
        pv: '1.0.0',
        c: {analytics: granted, advertising: granted},
      });
      await expectOnlyDeclaredCookies(context);
    });
  }
});

test.describe('the consent route handler', () => {
  test('rejects bad requests with the right status and a clear message', async ({request, baseURL}) => {
    const url = '/api/consent';
    const form = {'content-type': 'application/x-www-form-urlencoded', origin: baseURL!};
    const cases: [string, Promise<import('@playwright/test').APIResponse>, number, RegExp][] = [
      ['bad choice', request.post(url, {headers: form, data: 'choice=maybe'}), 400, /accept|decline/],
      ['missing choice', request.post(url, {headers: form, data: 'locale=ja'}), 400, /選んでください/],
      ['unknown field', request.post(url, {headers: form, data: 'choice=accept&admin=1'}), 400, /admin/],
      ['duplicate field', request.post(url, {headers: form, data: 'choice=accept&choice=decline'}), 400, /Duplicate/],
      [
        'malformed JSON',
        request.post(url, {headers: {...form, 'content-type': 'application/json'}, data: Buffer.from('{"record":')}),
        400,
        /Malformed JSON/,
      ],
      [
        'JSON that is not a receipt',
        request.post(url, {headers: {...form, 'content-type': 'application/json'}, data: '{"choice":"accept"}'}),
        400,
        /Invalid receipt/,
      ],
      [
        'plain text body',
        request.post(url, {headers: {...form, 'content-type': 'text/plain'}, data: 'choice=accept'}),
        415,
        /Unsupported content type/,
      ],
      [
        'oversized body',
        request.post(url, {headers: form, data: `choice=accept&x=${'a'.repeat(10_000)}`}),
        413,
        /exceeds/,
      ],
      [
        'foreign origin',
        request.post(url, {headers: {...form, origin: 'https://evil.example'}, data: 'choice=accept'}),
        403,
        /not this site/,
      ],
      ['GET', request.get(url), 405, /GET is not allowed here \(POST, OPTIONS\)/],
      ['PUT', request.put(url, {headers: form, data: 'choice=accept'}), 405, /PUT is not allowed here/],
      ['DELETE', request.delete(url), 405, /DELETE is not allowed here/],
    ];
    for (const [label, pending, status, message] of cases) {
      const response = await pending;
      expect(response.status(), label).toBe(status);
      expect(await response.text(), label).toMatch(message);
      expect(response.headers()['set-cookie'], label).toBeUndefined();
    }
    const allow = await request.get(url);
    expect(allow.headers()['allow']).toBe('POST, OPTIONS');
  });

  test('a valid post sets the cookie and redirects back with 303', async ({request, baseURL}) => {
    const response = await request.post('/api/consent', {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: baseURL!,
        referer: `${baseURL}/en/privacy`,
      },
      data: 'choice=decline&locale=en',
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe('/en/privacy#consent-saved');
    // The choice, and the HttpOnly proof that its id is this browser's (only the consent API gets it).
    expect(response.headers()['set-cookie']!.split('\n')).toEqual([
      expect.stringMatching(/^heyimg_consent=[^;]+; Path=\/; Max-Age=15552000; SameSite=Lax$/),
      expect.stringMatching(
        /^heyimg_consent_proof=[^;]+; Path=\/api\/consent; Max-Age=15552000; HttpOnly; SameSite=Strict$/,
      ),
    ]);
  });
});
