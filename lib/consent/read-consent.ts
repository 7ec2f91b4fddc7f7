import {CONSENT_COOKIE, type ConsentCategory, type OptionalCategory} from './contract';
import {consentPolicyAt, consentStatus, type ConsentRecord, type ConsentScheduleEntry} from './record';

/**
 * The consent on the server of any HeyImg app: the choice a request's Cookie header carries,
 * checked by the same contract and the same function as this site's server and every page's
 * browser code. Hostile, malformed, expired, from the future, or made under a policy version or
 * registry that asks again: no choice, nothing granted. Dependency-free with record.ts and
 * contract.ts, so another app can import it as it is (README, "Read the choice on a server").
 *
 *   const policy = await (await fetch(`${HEYIMG_SITE}/consent/embed/v1/policy.json`, {next: {revalidate: 300}})).json();
 *   const consent = readConsent((await headers()).get('cookie'), policy);
 *   if (consent.granted('analytics')) { … }
 */

/** What this site publishes at /consent/embed/v1/policy.json: the policy's schedule and the registry's fingerprint. */
export interface PublishedConsentPolicy {
  schedule: ConsentScheduleEntry[];
  registry: string;
}

export interface ServerConsent {
  /** valid: a choice in force; reconsent: one that must be asked again (nothing granted); missing: none. */
  status: 'valid' | 'reconsent' | 'missing';
  /** The choice in force, or null. */
  record: ConsentRecord | null;
  /** Whether a category may be used for this request: `necessary` always; the others only once granted. */
  granted(category: ConsentCategory): boolean;
}

/** The consent cookie's values in a Cookie header (a browser may send two: a host's own and a shared one). */
function consentValues(cookieHeader: string): string[] {
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const pair = part.trim();
    if (!pair.startsWith(`${CONSENT_COOKIE}=`)) continue;
    try {
      values.push(decodeURIComponent(pair.slice(CONSENT_COOKIE.length + 1)));
    } catch {
      // Malformed percent-encoding is no choice.
    }
  }
  return values;
}

export function readConsent(
  cookieHeader: string | null | undefined,
  policy: PublishedConsentPolicy,
  now = Date.now(),
): ServerConsent {
  const inForce = consentPolicyAt(policy.schedule, policy.registry, now);
  const found = consentValues(cookieHeader ?? '')
    .map((value) => consentStatus(value, inForce, now))
    // The newest valid choice wins; else a choice to ask again about; else none.
    .sort((a, b) => rank(b) - rank(a) || (b.record?.ts ?? 0) - (a.record?.ts ?? 0))[0];
  const status = found?.status ?? 'missing';
  const record = status === 'valid' ? found!.record : null;
  return {
    status,
    record,
    granted: (category) => category === 'necessary' || record?.c[category as OptionalCategory] === true,
  };
}

const rank = (status: {status: string}) => (status.status === 'valid' ? 2 : status.status === 'reconsent' ? 1 : 0);
