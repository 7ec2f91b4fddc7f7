import {loadPolicyHistory} from '@/lib/policy/load';
import {effectiveInstant} from '@/lib/policy/schedule';
import {SITE_POLICY} from '@/lib/policy/sources';
import {registryFingerprint} from './registry';
import {cookieRegistry} from './site-registry';
import type {ConsentScheduleEntry} from './record';

/**
 * The policy that governs consent: the site's (content/privacy). npm test points CONSENT_POLICY_DIR
 * at its fixture history, whose upcoming version lets a test cross an effective date.
 */
const CONSENT_POLICY_DIR = process.env.CONSENT_POLICY_DIR || SITE_POLICY.dir;

/**
 * The policy's versions as consent sees them: when each takes effect and whether it asks again. A
 * later version without a date (a draft npm run dev previews) never governs a choice.
 */
export function consentSchedule(): ConsentScheduleEntry[] {
  const versions = loadPolicyHistory(CONSENT_POLICY_DIR);
  return versions
    .filter((v, i) => i === 0 || v.effectiveDate)
    .map((v) => ({
      version: v.version,
      effective: v.effectiveDate ? effectiveInstant(v.effectiveDate) : null,
      reconsent: v.revision.reconsent,
    }));
}

/** The site registry's fingerprint: a choice made under another one is asked again. */
export const REGISTRY_FINGERPRINT = registryFingerprint(cookieRegistry);

/** Google Consent Mode v2 is wired when a Google tag id is configured at build time. */
export const GTAG_ID = process.env.NEXT_PUBLIC_GTAG_ID ?? '';

/** Every published version's text hash per language, for the visitor's own record in the dialog. */
export function consentTextHashes(): Record<string, Record<string, string>> {
  return Object.fromEntries(loadPolicyHistory(CONSENT_POLICY_DIR).map((v) => [v.version, v.sha256]));
}
