/**
 * What any page's own code may ask of the consent — `window.HeyImgConsent`, the same on this site
 * and on every HeyImg page that embeds it (vanilla-cookieconsent's and Cookiebot's shape): the
 * choice in force, whether a category is granted, a subscription to changes, and the settings.
 * The `heyimg:consentchange` event on window carries every change as well.
 */
import {CONSENT_CATEGORIES, type ConsentCategory, type ConsentMethod} from '@/lib/consent/contract';
import {acceptedCategory, getConsent, onConsentChange} from '@/lib/consent/client';
import type {ConsentRecord} from '@/lib/consent/record';

/** A choice as a page's code sees it. */
export interface PublicConsent {
  /** The record id (a random identifier shared by the browser's receipts). */
  id: string;
  /** Every category, `necessary` always true. */
  categories: Record<ConsentCategory, boolean>;
  method: ConsentMethod;
  /** When the visitor chose (ISO 8601). */
  recordedAt: string;
  /** The policy version it was made under. */
  policyVersion: string;
}

export interface HeyImgConsentApi {
  /** Settles once the choice in force is known (on another page, once the embed has its data). */
  ready: Promise<void>;
  /** The choice in force, or null: none yet, or one that must be asked again. */
  getConsent(): PublicConsent | null;
  /** Whether a category may be used now: `necessary` always; the others only once granted. */
  acceptedCategory(category: ConsentCategory): boolean;
  /** Hears every change of choice (null once withdrawn by deletion); returns the function that stops it. */
  onChange(listener: (consent: PublicConsent | null) => void): () => void;
  /** Opens the Cookie settings. */
  show(): void;
}

const toPublic = (record: ConsentRecord | null): PublicConsent | null =>
  record && {
    id: record.id,
    categories: Object.fromEntries(
      CONSENT_CATEGORIES.map((category) => [category, category === 'necessary' || record.c[category]]),
    ) as Record<ConsentCategory, boolean>,
    method: record.m,
    recordedAt: new Date(record.ts).toISOString(),
    policyVersion: record.pv,
  };

declare global {
  interface Window {
    HeyImgConsent?: HeyImgConsentApi;
  }
}

/**
 * Publishes the API; `ready` settles when the page calls the returned function. Until then nothing
 * is granted: a page asks before its data arrived and hears "no".
 */
export function publishConsentApi(show: () => void): () => void {
  let settle!: () => void;
  let settled = false;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  window.HeyImgConsent = {
    ready,
    getConsent: () => (settled ? toPublic(getConsent()) : null),
    acceptedCategory: (category) => settled && acceptedCategory(category),
    onChange: (listener) => onConsentChange(({record}) => listener(toPublic(record))),
    show,
  };
  return () => {
    settled = true;
    settle();
  };
}
