import {expect, type BrowserContext, type Page} from '@playwright/test';

export const CONSENT_COOKIE = 'heyimg_consent';
export const REAL_REGISTRY = [CONSENT_COOKIE];
export const FIXTURE_REGISTRY = [CONSENT_COOKIE, 'fixture_analytics'];
export const FIXTURE_PAGE = {ja: '/e2e-fixtures/consent', en: '/en/e2e-fixtures/consent'} as const;

export const LABELS = {
  ja: {accept: '同意する', decline: '拒否する', settings: '設定', banner: 'Cookie の利用について', dialog: 'Cookie 設定', footer: 'Cookie 設定', analytics: '分析', advertising: '広告', necessary: '必須', save: '選択を保存', declineAll: 'すべて拒否', acceptAll: 'すべて同意'},
  en: {accept: 'Accept', decline: 'Decline', settings: 'Settings', banner: 'About Cookies', dialog: 'Cookie settings', footer: 'Cookie settings', analytics: 'Analytics', advertising: 'Advertising', necessary: 'Strictly necessary', save: 'Save choices', declineAll: 'Decline all', acceptAll: 'Accept all'},
} as const;

export async function consentCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === CONSENT_COOKIE);
  if (!cookie) return null;
  return {cookie, record: JSON.parse(decodeURIComponent(cookie.value)) as {v: number; id: string; ts: number; pv: string; c: Record<string, boolean>; m: string}};
}

/** The cookie audit: every cookie in the browser is one the registry declares. */
export async function expectOnlyDeclaredCookies(context: BrowserContext, declared: readonly string[] = REAL_REGISTRY) {
  const names = (await context.cookies()).map((c) => c.name);
  expect(names.filter((name) => !declared.includes(name)), 'undeclared cookies').toEqual([]);
}

export async function expectNoNonEssentialCookies(context: BrowserContext) {
  expect((await context.cookies()).map((c) => c.name).filter((name) => name !== CONSENT_COOKIE)).toEqual([]);
}

/** Collects console errors and page errors; a consent flow must produce none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export function banner(page: Page, locale: 'ja' | 'en') {
  return page.getByRole('region', {name: LABELS[locale].banner});
}

export async function setConsentCookie(context: BrowserContext, baseURL: string, value: string) {
  await context.addCookies([{name: CONSENT_COOKIE, value: encodeURIComponent(value), url: baseURL}]);
}

export function validRecord(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({v: 1, id: '0123456789abcdef0123456789abcdef', ts: Date.now() - 60_000, pv: '1.0.0', c: {analytics: false, advertising: false}, m: 'banner', ...overrides});
}
