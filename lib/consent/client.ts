import Cookies from 'js-cookie';
import {CONSENT_CONTRACT, CONSENT_COOKIE, type ConsentCategory, type OptionalCategory} from './contract';
import {clearReceipts, queueReceipt} from './receipts';
import {
  ALL_DENIED,
  consentPolicyAt,
  consentStatus,
  createConsent,
  serializeConsent,
  type ConsentChoices,
  type ConsentPolicy,
  type ConsentRecord,
  type ConsentScheduleEntry,
} from './record';
import type {ConsentMethod} from './contract';

/** A technology the site may set, as the registry declares it: what withdrawal must delete. */
export interface DeclaredTechnology {
  name: string;
  kind: string;
  category: ConsentCategory;
}

/** Fired on `window` whenever the choice changes, for the site's code (gated tags, Consent Mode). */
export const CONSENT_CHANGE_EVENT = 'heyimg:consentchange';

export interface ConsentChangeDetail {
  record: ConsentRecord;
  previous: ConsentRecord | null;
}

/**
 * The browser's consent store: the current choice and what the site declares. The consent island
 * (components/consent/island.ts) initialises it once per page and renders from it.
 */
interface StoreState {
  policy: ConsentPolicy | null;
  record: ConsentRecord | null;
}

const state: StoreState = {policy: null, record: null};
const declared: DeclaredTechnology[] = [];

function readStatus(policy: ConsentPolicy) {
  return consentStatus(Cookies.get(CONSENT_COOKIE), policy, Date.now());
}

/**
 * Called once by the consent island with the policy's schedule: the version in force now (the same
 * decision the boot script made). Records a GPC signal as a declined choice when there is none.
 */
export function initConsent(schedule: ConsentScheduleEntry[], registry: string): void {
  if (state.policy) return;
  const policy = consentPolicyAt(schedule, registry, Date.now());
  const status = readStatus(policy);
  state.policy = policy;
  state.record = status.status === 'valid' ? status.record : null;
  const gpc = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
  if (!state.record && gpc) saveConsent(ALL_DENIED, 'gpc');
  else if (state.record) {
    updateGoogleConsentMode(state.record.c);
    // Covers choices whose receipt never reached the server (no-JS form, store down, other tab).
    queueReceipt(state.record);
  }
}

/**
 * Registers technologies that withdrawing their category must delete: the site's registry, and
 * those a page embeds of its own (components/consent/DeclaredTechnologies.tsx).
 */
export function declareTechnologies(technologies: DeclaredTechnology[]): void {
  for (const technology of technologies) {
    if (!declared.some((d) => d.name === technology.name && d.kind === technology.kind)) declared.push(technology);
  }
}

export function getConsent(): ConsentRecord | null {
  return state.record;
}

export function saveConsent(choices: ConsentChoices, method: ConsentMethod): ConsentRecord {
  const {policy} = state;
  if (!policy) throw new Error('initConsent() must run before saveConsent()');
  const previous = state.record;
  // Keep the visitor's consent id across changes, so every receipt of one browser shares it.
  const earlier = readStatus(policy).record;
  const record = createConsent(choices, method, policy, document.documentElement.lang, {id: earlier?.id});
  Cookies.set(CONSENT_COOKIE, serializeConsent(record), {
    path: '/',
    sameSite: 'lax',
    secure: location.protocol === 'https:',
    expires: CONSENT_CONTRACT.maxAgeDays,
  });
  deleteWithdrawn(record.c);
  document.documentElement.setAttribute('data-consent', 'given');
  updateGoogleConsentMode(record.c);
  queueReceipt(record);
  state.record = record;
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
  document.documentElement.setAttribute('data-consent', 'missing');
  state.record = null;
}

/**
 * Names of the declared cookies and storage keys to delete: those of every category not granted
 * now (a declined category must leave nothing behind, whatever set it). A name ending in * matches
 * every name with that prefix (e.g. _ga_*).
 */
export function withdrawnNames(
  choices: ConsentChoices,
  technologies: DeclaredTechnology[],
  present: string[],
): string[] {
  const withdrawn = (Object.keys(choices) as OptionalCategory[]).filter((category) => !choices[category]);
  const names: string[] = [];
  for (const item of technologies) {
    if (!withdrawn.includes(item.category as OptionalCategory)) continue;
    if (item.name.endsWith('*')) names.push(...present.filter((name) => name.startsWith(item.name.slice(0, -1))));
    else names.push(item.name);
  }
  return [...new Set(names)];
}

function deleteWithdrawn(choices: ConsentChoices): void {
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
  for (const name of withdrawnNames(choices, cookies, Object.keys(Cookies.get()))) {
    for (const domain of domains) Cookies.remove(name, {path: '/', domain});
  }
  for (const key of withdrawnNames(choices, storage, Object.keys(localStorage))) localStorage.removeItem(key);
}

function updateGoogleConsentMode(choices: ConsentChoices): void {
  const gtag = (window as unknown as {gtag?: (...args: unknown[]) => void}).gtag;
  if (typeof gtag !== 'function') return;
  const signals: Record<string, 'granted' | 'denied'> = {};
  for (const category of CONSENT_CONTRACT.optional) {
    for (const signal of CONSENT_CONTRACT.gtagSignals[category])
      signals[signal] = choices[category] ? 'granted' : 'denied';
  }
  gtag('consent', 'update', signals);
}
