import {readFileSync} from 'node:fs';
import {expect, test, type APIRequestContext} from '@playwright/test';
import {banner, consentCookie, expectOnlyDeclaredCookies, setConsentCookie, validRecord} from './consent-helpers';
import {gotoHydrated} from './helpers';

const receiptsOf = async (request: APIRequestContext, id: string) => {
  const response = await request.get(`/api/consent/receipts/${id}`);
  return response.status() === 200
    ? (
        (await response.json()) as {
          receipts: {method: string; choices: Record<string, boolean>; policyVersion: string; locale: string}[];
        }
      ).receipts
    : [];
};
const queue = (page: import('@playwright/test').Page) =>
  page.evaluate(() => localStorage.getItem('heyimg_consent_receipts'));

test('a choice is stored as a receipt, and the server sets the cookie for its full lifetime', async ({
  page,
  context,
}) => {
  await gotoHydrated(page, '/privacy');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/consent') && r.request().method() === 'POST');
  await banner(page, 'ja').getByRole('button', {name: '同意する'}).click();
  const response = await answer;
  const {record} = (await consentCookie(context))!;
  // Only this browser can read them: it holds the id's proof (an HttpOnly cookie).
  await expect
    .poll(() => receiptsOf(context.request, record.id))
    .toEqual([
      {
        consentId: record.id,
        recordedAt: new Date(record.ts).toISOString(),
        receivedAt: expect.any(String),
        policyVersion: '1.0.0',
        policySha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        registryFingerprint: record.rf,
        // The page the choice was made on.
        origin: new URL(page.url()).origin,
        choices: {analytics: true, advertising: true},
        method: 'banner',
        locale: 'ja',
        // Its entry in the consent log, with the proof (e2e/receipt-proof.spec.ts verifies it).
        log: expect.objectContaining({leafIndex: expect.any(Number)}),
      },
    ] as never);
  expect(response.status()).toBe(201);
  expect((await response.allHeaders())['set-cookie']).toMatch(/^heyimg_consent=.*Max-Age=15552000; SameSite=Lax/);
  // Acknowledged: nothing is left pending in the browser.
  await expect.poll(() => queue(page)).toMatch(/"pending":\[\],"confirmed":"[0-9a-f]{32}:\d+"/);
  // Sending the same receipt again (from the same browser: its cookie holds the id) stores it once.
  const again = await context.request.post('/api/consent', {
    headers: {'content-type': 'application/json', origin: new URL(page.url()).origin},
    data: {record},
  });
  expect(again.status()).toBe(200);
  expect(await receiptsOf(context.request, record.id)).toHaveLength(1);
  await expectOnlyDeclaredCookies(context);
});

test('the visitor sees, downloads and deletes their own record', async ({page, context}) => {
  await gotoHydrated(page, '/en/privacy');
  await banner(page, 'en').getByRole('button', {name: 'Decline'}).click();
  const {record} = (await consentCookie(context))!;
  await expect.poll(async () => (await receiptsOf(context.request, record.id)).length).toBe(1);
  await page.getByRole('contentinfo').getByRole('link', {name: 'Cookie settings'}).click();
  const section = page.getByRole('dialog').getByRole('region', {name: 'Record of your Cookie choice'});
  await expect(section).toContainText(record.id);
  await expect(section).toContainText('1.0.0');
  await expect(section).toContainText('Analytics: declined; Advertising: declined');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', {name: 'Download the record (JSON)'}).click(),
  ]);
  const downloaded = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(downloaded).toMatchObject({
    consentId: record.id,
    receipts: [{method: 'banner', choices: {analytics: false, advertising: false}}],
  });
  await section.getByRole('button', {name: 'Delete the record and choose again'}).click();
  await expect(page.getByRole('dialog').getByRole('status').last()).toContainText('Your record has been deleted');
  await expect(banner(page, 'en')).toBeVisible();
  expect(await consentCookie(context)).toBeNull();
  // The proof went with the record: nothing answers to the old id any more.
  expect((await context.request.get(`/api/consent/receipts/${record.id}`)).status()).toBe(403);
});

test('with the store down the choice still applies, and the receipt arrives later', async ({page, context}) => {
  await page.route('**/api/consent', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({status: 503, contentType: 'application/json', body: '{"error":"down"}'})
      : route.continue(),
  );
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: '拒否する'}).click();
  await expect(banner(page, 'ja')).toBeHidden();
  const {record} = (await consentCookie(context))!;
  await expect.poll(() => queue(page)).toContain(record.id);
  expect(await receiptsOf(context.request, record.id)).toEqual([]);
  // The store is back: the next page sends what is pending.
  await page.unroute('**/api/consent');
  await page.reload();
  await expect
    .poll(async () => (await receiptsOf(context.request, record.id)).map((r) => r.method))
    .toEqual(['banner']);
  await expect.poll(() => queue(page)).not.toContain('"pending":[{');
});

test('receipts record how the choice was given: preferences, GPC and the no-JS form', async ({browser, baseURL}) => {
  const gpc = await browser.newContext({baseURL});
  const gpcPage = await gpc.newPage();
  await gpcPage.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true}),
  );
  await gpcPage.goto('/privacy');
  await expect.poll(async () => (await consentCookie(gpc))?.record.id).toBeTruthy();
  const gpcId = (await consentCookie(gpc))!.record.id;
  await expect.poll(async () => (await receiptsOf(gpc.request, gpcId)).map((r) => r.method)).toEqual(['gpc']);
  await gpc.close();

  const noJs = await browser.newContext({baseURL, javaScriptEnabled: false});
  const noJsPage = await noJs.newPage();
  await noJsPage.goto('/en/privacy');
  await banner(noJsPage, 'en').getByRole('button', {name: 'Accept'}).click();
  const formId = (await consentCookie(noJs))!.record.id;
  expect((await receiptsOf(noJs.request, formId)).map((r) => [r.method, r.locale, r.choices.analytics])).toEqual([
    ['form', 'en', true],
  ]);
  await noJs.close();
});

test('the receipts API refuses what it should', async ({request, baseURL}) => {
  expect((await request.get('/api/consent/receipts/not-an-id')).status()).toBe(400);
  // Without the id's proof nothing answers, whether or not the id has receipts.
  expect((await request.get(`/api/consent/receipts/${'f'.repeat(32)}`)).status()).toBe(403);
  expect((await request.post(`/api/consent/receipts/${'f'.repeat(32)}`)).status()).toBe(405);
  const foreign = await request.delete(`/api/consent/receipts/${'f'.repeat(32)}`, {
    headers: {origin: 'https://attacker.example'},
  });
  expect(foreign.status()).toBe(403);
  const stale = await request.post('/api/consent', {
    headers: {'content-type': 'application/json', origin: baseURL!},
    data: {
      record: {
        v: 2,
        id: 'a'.repeat(32),
        ts: Date.now() + 3_600_000,
        pv: '1.0.0',
        l: 'ja',
        rf: '0123456789abcdef',
        c: {analytics: true, advertising: true},
        m: 'banner',
      },
    },
  });
  expect(stale.status()).toBe(400);
});

test('receipts act only for the visitor whose cookie holds the id, and are bound to the text shown', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: '拒否する'}).click();
  const {record} = (await consentCookie(context))!;
  await expect.poll(async () => (await receiptsOf(context.request, record.id)).length).toBe(1);
  const post = (client: APIRequestContext, data: unknown) =>
    client.post('/api/consent', {headers: {'content-type': 'application/json', origin: baseURL!}, data});

  // Someone who only knows the id (no cookie, or another visitor's) can neither add nor delete.
  const stranger = await post(request, {record: {...record, ts: record.ts + 1}});
  expect(stranger.status()).toBe(403);
  expect(await stranger.text()).toMatch(/このブラウザの Cookie にあるものと違います/);
  expect((await request.delete(`/api/consent/receipts/${record.id}`, {headers: {origin: baseURL!}})).status()).toBe(
    403,
  );
  const mine = context.request;
  expect((await post(mine, {record: {...record, id: 'b'.repeat(32)}})).status()).toBe(403);

  // The same id and time with other choices is a conflict: 409, nothing stored, no cookie.
  const conflict = await post(mine, {record: {...record, c: {analytics: true, advertising: true}}});
  expect(conflict.status()).toBe(409);
  expect(conflict.headers()['set-cookie']).toBeUndefined();
  // A version that is not published, and a GPC receipt granting a category, are refused.
  expect((await post(mine, {record: {...record, ts: record.ts + 2, pv: '9.9.9'}})).status()).toBe(400);
  expect(
    (
      await post(mine, {record: {...record, ts: record.ts + 3, m: 'gpc', c: {analytics: true, advertising: false}}})
    ).status(),
  ).toBe(400);
  expect(await receiptsOf(mine, record.id)).toHaveLength(1);

  // The receipt names the SHA-256 of the exact text shown; the archived version's page shows the same
  // (npm test's consent follows the fixture history, so its archive is the one to compare with).
  const [stored] = await receiptsOf(mine, record.id);
  await page.goto('/e2e-fixtures/privacy/versions/1.0.0');
  await expect(page.locator('.policy-fingerprint code')).toHaveText(
    (stored as unknown as {policySha256: string}).policySha256,
  );

  // Deleting is the visitor's own act, and is itself recorded by the store.
  const deleted = await mine.delete(`/api/consent/receipts/${record.id}`, {headers: {origin: baseURL!}});
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({consentId: record.id, deleted: 1});
});

test('a choice made under another registry (a new category or technology) is asked again', async ({
  page,
  context,
  baseURL,
}) => {
  await setConsentCookie(context, baseURL!, validRecord({rf: 'ffffffffffffffff'}));
  await gotoHydrated(page, '/privacy');
  await expect(banner(page, 'ja')).toBeVisible();
  await setConsentCookie(context, baseURL!, validRecord());
  await page.reload();
  await expect(banner(page, 'ja')).toBeHidden();
});

test('the health endpoint reports the store', async ({request}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({state: 'ok', kind: 'embedded'});
});
