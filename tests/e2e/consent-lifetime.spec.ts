import {readFileSync} from 'node:fs';
import {expect, test, type BrowserContext} from '@playwright/test';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import en from '@/messages/en.json' with {type: 'json'};
import ja from '@/messages/ja.json' with {type: 'json'};
import {banner, consentCookie, LABELS} from './consent-helpers';
import {gotoHydrated} from './helpers';

// Legal review N16 (issue 28): the proof of a record expired 180 days after it was issued while the
// record lived on, and from then on every choice of that browser — a withdrawal included — was
// refused and dropped in silence. The clock-driven days (181, 200, 400) are held at the service with
// a browser's cookie jar (tests/unit/consent-ownership.test.ts); here, what a visitor sees.
const proof = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === PROOF_COOKIE);
const noticeOf = (messages: typeof ja, id: string) => messages.ConsentNotice.renewed.replace('{id}', id);

test('the proof lives as long as the choice it protects, renewed with every choice', async ({page, context}) => {
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: LABELS.ja.decline}).click();
  await expect.poll(() => proof(context)).toBeTruthy();
  const first = (await consentCookie(context))!;
  expect(Math.abs((await proof(context))!.expires - first.cookie.expires)).toBeLessThan(5);
  await page.getByRole('contentinfo').getByRole('link', {name: LABELS.ja.footer}).click();
  await page.getByRole('dialog').getByRole('button', {name: LABELS.ja.acceptAll}).click();
  await expect.poll(async () => (await consentCookie(context))!.record.c.analytics).toBe(true);
  const second = (await consentCookie(context))!;
  expect(second.record.id).toBe(first.record.id);
  await expect.poll(async () => (await proof(context))!.expires).toBeGreaterThanOrEqual(first.cookie.expires);
  expect(Math.abs((await proof(context))!.expires - second.cookie.expires)).toBeLessThan(5);
});

for (const [locale, messages] of [
  ['ja', ja],
  ['en', en],
] as const) {
  test(`${locale}: a browser whose proof is gone withdraws all the same, is told, and owns its new record`, async ({
    page,
    context,
  }) => {
    await gotoHydrated(page, locale === 'ja' ? '/privacy' : '/en/privacy');
    await banner(page, locale).getByRole('button', {name: LABELS[locale].accept}).click();
    await expect.poll(() => proof(context)).toBeTruthy();
    const before = (await consentCookie(context))!.record;
    // As on day 181 under the proof's old lifetime: the cookie holds the id, the proof is gone.
    await context.clearCookies({name: PROOF_COOKIE});
    await page.reload();
    await page.getByRole('contentinfo').getByRole('link', {name: LABELS[locale].footer}).click();
    await page.getByRole('dialog').getByRole('button', {name: LABELS[locale].declineAll}).click();
    await expect.poll(async () => (await consentCookie(context))!.record.id).not.toBe(before.id);
    const after = (await consentCookie(context))!.record;
    expect(after.c).toEqual({analytics: false, advertising: false});
    const notice = page.locator('[data-module="consent-notice"]');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('status')).toHaveText(noticeOf(messages, after.id));
    await notice.getByRole('button').click();
    await expect(notice).not.toHaveAttribute('data-open');
    await expect(notice.getByRole('heading')).toBeHidden();
    // The withdrawal is on record, and this browser reads and deletes it.
    await page.getByRole('contentinfo').getByRole('link', {name: LABELS[locale].footer}).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(after.id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', {name: messages.ConsentPreferences.receiptDownload}).click(),
    ]);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toMatchObject({
      consentId: after.id,
      receipts: [{choices: {analytics: false, advertising: false}, method: 'preferences'}],
    });
    await dialog.getByRole('button', {name: messages.ConsentPreferences.receiptDelete}).click();
    await expect(dialog.getByRole('status').last()).toContainText(messages.ConsentPreferences.receiptDeleted);
    expect(await consentCookie(context)).toBeNull();
  });
}

test('without JavaScript, a browser whose proof is gone has its choice applied and is told', async ({browser}) => {
  const context = await browser.newContext({javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto('/privacy');
  await banner(page, 'ja').getByRole('button', {name: LABELS.ja.accept}).click();
  await expect(page).toHaveURL(/#consent-saved$/);
  const before = (await consentCookie(context))!.record;
  await context.clearCookies({name: PROOF_COOKIE});
  await page.goto('/privacy');
  await banner(page, 'ja').getByRole('button', {name: LABELS.ja.decline}).click();
  await expect(page).toHaveURL(/#consent-renewed$/);
  await expect(page.locator('#consent-renewed')).toBeVisible();
  await expect(page.locator('#consent-renewed')).toHaveText(ja.ConsentBanner.renewed);
  const after = (await consentCookie(context))!.record;
  expect(after.id).not.toBe(before.id);
  expect(after.c).toEqual({analytics: false, advertising: false});
  expect(await proof(context)).toBeTruthy();
  await context.close();
});
