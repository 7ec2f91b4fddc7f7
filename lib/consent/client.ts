import Cookies from 'js-cookie';
import {CONSENT_COOKIE, CONSENT_MAX_AGE_DAYS, type ConsentCategory, type OptionalCategory} from './categories';
import {clearReceipts, queueReceipt} from './receipts';
import {
  ALL_DENIED,
  consentStatus,
  createConsent,
  serializeConsent,
  type ConsentChoices,
  type ConsentMethod,
  type ConsentPolicy,
  type ConsentRecord,
} from './record';

/** What the browser needs to know: the policy versions and which cookies each category sets. */
export interface ConsentClientConfig {
  policy: ConsentPolicy;
  declared: {name: string; kind: string; category: ConsentCategory}[];
}

/** Fired on `window` whenever the choice changes, for code outside React. */
export const CONSENT_CHANGE_EVENT = 'heyimg:consentchange';
export const OPEN_PREFERENCES_EVENT = 'heyimg:openpreferences';

export interface ConsentChangeDetail {
  record: ConsentRecord;
  previous: ConsentRecord | null;
}

let config: ConsentClientConfig | null = null;
let current: ConsentRecord | null = null;
const extraDeclared: ConsentClientConfig['declared'] = [];
const listeners = new Set<() => void>();

function readStatus() {
  return consentStatus(Cookies.get(CONSENT_COOKIE), config!.policy, Date.now());
}

/** Called once by the consent root; records a GPC signal as a declined choice when there is none. */
export function initConsent(next: ConsentClientConfig): void {
  if (config) return;
  config = next;
  const status = readStatus();
  current = status.status === 'valid' ? status.record : null;
  for (const listener of listeners) listener();
  const gpc = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
  if (!current && gpc) saveConsent(ALL_DENIED, 'gpc');
  else if (current) {
    updateGoogleConsentMode(current.c);
    // Covers choices whose receipt never reached the server (no-JS form, store down, other tab).
    queueReceipt(current, document.documentElement.lang);
  }
}

/**
 * Adds declarations from a registry other than the site-wide one (the e2e fixture registry), so
 * that withdrawing a category deletes their cookies too.
 */
export function declareTechnologies(declared: ConsentClientConfig['declared']): void {
  extraDeclared.push(...declared);
}

export function getConsent(): ConsentRecord | null {
  return current;
}

export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function saveConsent(choices: ConsentChoices, method: ConsentMethod): ConsentRecord {
  if (!config) throw new Error('initConsent() must run before saveConsent()');
  const previous = current;
  // Keep the visitor's consent id across changes, so every receipt of one browser shares it.
  const earlier = readStatus().record;
  const record = createConsent(choices, method, config.policy, {id: earlier?.id});
  Cookies.set(CONSENT_COOKIE, serializeConsent(record), {
    path: '/',
    sameSite: 'lax',
    secure: location.protocol === 'https:',
    expires: CONSENT_MAX_AGE_DAYS,
  });
  current = record;
  deleteWithdrawn(record.c, [...config.declared, ...extraDeclared]);
  document.documentElement.setAttribute('data-consent', 'given');
  updateGoogleConsentMode(record.c);
  queueReceipt(record, document.documentElement.lang);
  for (const listener of listeners) listener();
  window.dispatchEvent(new CustomEvent<ConsentChangeDetail>(CONSENT_CHANGE_EVENT, {detail: {record, previous}}));
  return record;
}

/**
 * After the visitor deleted their receipts (the server cleared the cookie): forget the choice
 * here too, so the banner asks again.
 */
export function forgetConsent(): void {
  Cookies.remove(CONSENT_COOKIE, {path: '/'});
  clearReceipts();
  current = null;
  document.documentElement.setAttribute('data-consent', 'missing');
  for (const listener of listeners) listener();
}

export function openPreferences(): void {
  window.dispatchEvent(new Event(OPEN_PREFERENCES_EVENT));
}

/**
 * Names of the declared cookies and storage keys to delete: those of every category not granted
 * now (a declined category must leave nothing behind, whatever set it). A name ending in * matches every name with that prefix (e.g. _ga_*).
 */
export function withdrawnNames(
  choices: ConsentChoices,
  declared: ConsentClientConfig['declared'],
  present: string[],
): string[] {
  const withdrawn = (Object.keys(choices) as OptionalCategory[]).filter((category) => !choices[category]);
  const names: string[] = [];
  for (const item of declared) {
    if (!withdrawn.includes(item.category as OptionalCategory)) continue;
    if (item.name.endsWith('*')) names.push(...present.filter((name) => name.startsWith(item.name.slice(0, -1))));
    else names.push(item.name);
  }
  return [...new Set(names)];
}

function deleteWithdrawn(choices: ConsentChoices, declared: ConsentClientConfig['declared']): void {
  const cookieNames = Object.keys(Cookies.get());
  const storageKeys = Object.keys(localStorage);
  const cookies = declared.filter((d) => d.kind === 'cookie');
  const storage = declared.filter((d) => d.kind === 'localStorage');
  // Cookies may have been set on this host or on a parent domain (e.g. .heyimg.net by a tag).
  const domains = [
    undefined,
    ...location.hostname
      .split('.')
      .map((_, i, parts) => parts.slice(i).join('.'))
      .filter((d) => d.includes('.')),
  ];
  for (const name of withdrawnNames(choices, cookies, cookieNames)) {
    for (const domain of domains) Cookies.remove(name, {path: '/', domain});
  }
  for (const key of withdrawnNames(choices, storage, storageKeys)) localStorage.removeItem(key);
}

function updateGoogleConsentMode(choices: ConsentChoices): void {
  const gtag = (window as unknown as {gtag?: (...args: unknown[]) => void}).gtag;
  if (typeof gtag !== 'function') return;
  const state = (granted: boolean) => (granted ? 'granted' : 'denied');
  gtag('consent', 'update', {
    analytics_storage: state(choices.analytics),
    ad_storage: state(choices.advertising),
    ad_user_data: state(choices.advertising),
    ad_personalization: state(choices.advertising),
  });
}
