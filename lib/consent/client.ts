import Cookies from 'js-cookie';
import {CONSENT_CONTRACT, CONSENT_COOKIE, type ConsentCategory, type OptionalCategory} from './contract';
import {cookieDomainFor} from './cookie-domain';
import {clearReceipts, connectReceipts, queueReceipt, type ReceiptOutcome} from './receipts';
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
  type ConsentStatus,
} from './record';
import type {ConsentMethod} from './contract';

/**
 * The browser's consent store — the one behind the site's island and the embed on every other
 * HeyImg page: the current choice, what withdrawal deletes, and who is told of a change. It reads
 * and writes the one cookie, through the same dependency-free check the server and the boot script
 * use (record.ts).
 */

/** A technology the site may set, as the registry declares it: what withdrawal must delete. */
export interface DeclaredTechnology {
  name: string;
  kind: string;
  category: ConsentCategory;
}

/** Fired on `window` whenever the choice changes, for the page's code (gated tags, Consent Mode). */
export const CONSENT_CHANGE_EVENT = 'heyimg:consentchange';

export interface ConsentChangeDetail {
  record: ConsentRecord | null;
  previous: ConsentRecord | null;
}

/** What a page's store needs: the policy's schedule and registry, where the cookie and receipts go. */
export interface ConsentSetup {
  schedule: ConsentScheduleEntry[];
  /** The registry's fingerprint: a choice made under another one is asked again. */
  registry: string;
  /** CONSENT_COOKIE_DOMAIN, applied where this page's host lies within it (cookie-domain.ts). */
  cookieDomain: string | null;
  /** The consent API: this site's /api/consent, or its absolute address from another HeyImg origin. */
  endpoint: string;
  /** The language the page shows the policy in. */
  locale: string;
  /** Told what the server did with a receipt that the visitor must know of. */
  onReceiptOutcome: (outcome: ReceiptOutcome) => void;
}

interface StoreState {
  setup: ConsentSetup | null;
  policy: ConsentPolicy | null;
  status: ConsentStatus;
}

const state: StoreState = {setup: null, policy: null, status: {status: 'missing', record: null}};
const declared: DeclaredTechnology[] = [];
const listeners = new Set<(detail: ConsentChangeDetail) => void>();

const gpcOn = () => (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;

function cookieOptions() {
  const domain = cookieDomainFor(location.hostname, state.setup?.cookieDomain);
  return {path: '/', sameSite: 'lax' as const, secure: location.protocol === 'https:', ...(domain ? {domain} : {})};
}

function readStatus(): ConsentStatus {
  return consentStatus(Cookies.get(CONSENT_COOKIE), state.policy!, Date.now());
}

/**
 * Work that must follow a choice but need not delay the page's answer to the click: it runs after
 * the next paint (a frame, then a task), or within a quarter of a second when the page paints
 * nothing (a hidden tab). The click itself writes the cookie and hides the banner, nothing more.
 */
function afterPaint(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

/**
 * Called once per page with the setup; reads the choice in force now (the same decision the boot
 * script made) and answers it, as found before a visitor with Global Privacy Control and no choice
 * is recorded as declining.
 */
export function initConsent(setup: ConsentSetup): ConsentStatus {
  if (state.setup) return state.status;
  state.setup = setup;
  state.policy = consentPolicyAt(setup.schedule, setup.registry, Date.now());
  state.status = readStatus();
  connectReceipts({
    endpoint: setup.endpoint,
    onOutcome: setup.onReceiptOutcome,
    onCookieChanged: () => {
      const previous = state.status.record;
      state.status = readStatus();
      notify(previous);
    },
  });
  const found = state.status;
  const record = getConsent();
  if (!record && gpcOn()) saveConsent(ALL_DENIED, 'gpc');
  else if (record) {
    updateGoogleConsentMode(record.c);
    // Covers choices whose receipt never reached the server (no-JS form, store down, other tab).
    queueReceipt(record);
  }
  return found;
}

/** The valid choice in force, or null. */
export function getConsent(): ConsentRecord | null {
  return state.status.status === 'valid' ? state.status.record : null;
}

/** What the boot script decided, and why the banner asks again: for the page's state attributes. */
export function consentState(): ConsentStatus {
  return state.status;
}

/** Whether a category may be used now: `necessary` always; an optional one only once granted. */
export function acceptedCategory(category: ConsentCategory): boolean {
  if (category === 'necessary') return true;
  return getConsent()?.c[category as OptionalCategory] === true;
}

/** Hears every change of choice; returns the function that stops it. */
export function onConsentChange(listener: (detail: ConsentChangeDetail) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(previous: ConsentRecord | null): void {
  const detail = {record: getConsent(), previous};
  for (const listener of listeners) listener(detail);
  window.dispatchEvent(new CustomEvent<ConsentChangeDetail>(CONSENT_CHANGE_EVENT, {detail}));
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

/**
 * Records a choice: the cookie and the store now, so that whatever shows the page's state can hide
 * the banner in the same task; what follows (deletion of withdrawn technologies, Consent Mode, the
 * receipt, the listeners) right after the next paint.
 */
export function saveConsent(choices: ConsentChoices, method: ConsentMethod, onSaved?: () => void): ConsentRecord {
  const {setup, policy} = state;
  if (!setup || !policy) throw new Error('initConsent() must run before saveConsent()');
  const previous = getConsent();
  // Keep the visitor's record id across changes, so every receipt of one browser shares it.
  const earlier = readStatus().record;
  const record = createConsent(choices, method, policy, setup.locale, {id: earlier?.id});
  const options = cookieOptions();
  // A cookie of this host alone, from before the domain was configured, would shadow the shared one.
  if (options.domain) Cookies.remove(CONSENT_COOKIE, {path: '/'});
  Cookies.set(CONSENT_COOKIE, serializeConsent(record), {...options, expires: CONSENT_CONTRACT.maxAgeDays});
  state.status = {status: 'valid', record};
  onSaved?.();
  afterPaint(() => {
    deleteWithdrawn(record.c);
    updateGoogleConsentMode(record.c);
    queueReceipt(record);
    notify(previous);
  });
  return record;
}

/**
 * After the visitor deleted their receipts (the server cleared the cookie): forget the choice
 * here too, so the banner asks again.
 */
export function forgetConsent(): void {
  const previous = getConsent();
  const {domain} = cookieOptions();
  Cookies.remove(CONSENT_COOKIE, {path: '/'});
  if (domain) Cookies.remove(CONSENT_COOKIE, {path: '/', domain});
  clearReceipts();
  state.status = {status: 'missing', record: null};
  notify(previous);
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

/** Google Consent Mode v2: every choice updates the signals the contract maps each category to. */
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
