import 'server-only';
import {loadPolicyHistory} from '@/lib/policy/load';
import {effectiveInstant} from '@/lib/policy/schedule';
import {SITE_POLICY} from '@/lib/policy/sources';
import {consentPolicyAt, type ConsentPolicy, type ConsentScheduleEntry} from './record';

/**
 * The policy that governs consent: the site's (content/privacy). npm test points CONSENT_POLICY_DIR
 * at its fixture history, whose upcoming version lets a test cross an effective date.
 */
const CONSENT_POLICY_DIR = process.env.CONSENT_POLICY_DIR || SITE_POLICY.dir;

/** The policy's versions as consent sees them: when each takes effect and whether it asks again. */
export function consentSchedule(): ConsentScheduleEntry[] {
  return loadPolicyHistory(CONSENT_POLICY_DIR).map((v) => ({
    version: v.version,
    effective: v.effectiveDate ? effectiveInstant(v.effectiveDate) : null,
    reconsent: v.revision.reconsent,
  }));
}

/** The policy versions a choice is checked against now. */
export function currentConsentPolicy(now = Date.now()): ConsentPolicy {
  return consentPolicyAt(consentSchedule(), now);
}

/** Google Consent Mode v2 is wired when a Google tag id is configured at build time. */
export const GTAG_ID = process.env.NEXT_PUBLIC_GTAG_ID ?? '';
