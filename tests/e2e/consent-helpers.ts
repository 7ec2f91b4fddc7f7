import {expect, type BrowserContext, type Page} from '@playwright/test';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from '@/lib/consent/contract';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import {registryFingerprint} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';
import en from '@/messages/en.json' with {type: 'json'};
import ja from '@/messages/ja.json' with {type: 'json'};

export {CONSENT_COOKIE};
export const REAL_REGISTRY = [CONSENT_COOKIE, PROOF_COOKIE];
export const FIXTURE_REGISTRY = [...REAL_REGISTRY, 'fixture_analytics'];
export const FIXTURE_PAGE = {ja: '/e2e-fixtures/consent', en: '/en/e2e-fixtures/consent'} as const;

/** What a visitor reads on the buttons and regions, taken from the site's own messages and registry. */
function labels(messages: typeof ja, locale: 'ja' | 'en') {
  const category = (id: string) => cookieRegistry.categories.find((c) => c.id === id)!.label[locale];
  const {ConsentBanner: b, ConsentPreferences: p, SiteFooter: f} = messages;
  return {
    accept: b.accept,
    decline: b.decline,
    settings: b.settings,
    banner: b.title,
    dialog: p.title,
    footer: f.cookieSettings,
    analytics: category('analytics'),
    advertising: category('advertising'),
    necessary: category('necessary'),
    save: p.save,
    declineAll: p.declineAll,
    acceptAll: p.acceptAll,
  };
}

export const LABELS = {ja: labels(ja, 'ja'), en: labels(en, 'en')};

export async function consentCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === CONSENT_COOKIE);
  if (!cookie) return null;
  return {
    cookie,
    record: JSON.parse(decodeURIComponent(cookie.value)) as {
      v: number;
      l: string;
      rf: string;
      id: string;
      ts: number;
      pv: string;
      c: Record<string, boolean>;
      m: string;
    },
  };
}

/** The cookie audit: every cookie in the browser is one the registry declares. */
export async function expectOnlyDeclaredCookies(context: BrowserContext, declared: readonly string[] = REAL_REGISTRY) {
  const names = (await context.cookies()).map((c) => c.name);
  expect(
    names.filter((name) => !declared.includes(name)),
    'undeclared cookies',
  ).toEqual([]);
}

export async function expectNoNonEssentialCookies(context: BrowserContext) {
  expect((await context.cookies()).map((c) => c.name).filter((name) => !REAL_REGISTRY.includes(name))).toEqual([]);
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

/** The site registry's fingerprint, as the server computes it: a record under another one is asked again. */
export const REGISTRY_FINGERPRINT = registryFingerprint(cookieRegistry);

export function validRecord(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    v: CONSENT_CONTRACT.schemaVersion,
    id: '0123456789abcdef0123456789abcdef',
    ts: Date.now() - 60_000,
    pv: '1.0.0',
    l: 'ja',
    rf: REGISTRY_FINGERPRINT,
    c: {analytics: false, advertising: false},
    m: 'banner',
    ...overrides,
  });
}
