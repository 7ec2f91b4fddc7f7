import {CONSENT_CONTRACT} from '@/lib/consent/contract';
import type {ConsentPolicy} from '@/lib/consent/record';
import {isWithinLifetime} from '@/lib/consent/record';
import {consentRecordShape} from '@/lib/consent/schema';
import {compareVersions} from '@/lib/policy/dates';

/**
 * The consent cookie as the browser's `consentStatus` must judge it: the shape, within the cookie's
 * lifetime, under a version the policy still accepts. The client does not ship zod (its size would
 * exceed the consent component's budget); a unit test holds the two to the same answers.
 */
function consentRecordSchema(policy: ConsentPolicy, now: number) {
  return consentRecordShape.extend({
    ts: consentRecordShape.shape.ts.refine((ts) => isWithinLifetime(ts, now), 'expired or from the future'),
    pv: consentRecordShape.shape.pv
      .refine((pv) => compareVersions(pv, policy.version) <= 0, 'newer than the policy')
      .refine((pv) => compareVersions(pv, policy.baseline) >= 0, 'requires renewed consent'),
  });
}

/** A cookie value judged by the zod schema, from the same raw input as the browser's check. */
export function parseConsentWithSchema(raw: string | null | undefined, policy: ConsentPolicy, now: number) {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > CONSENT_CONTRACT.maxLength) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  // JSON.parse turns "__proto__" into an own key; a strict object rejects it like any unknown key.
  if (typeof data === 'object' && data !== null && Object.getOwnPropertyNames(data).includes('__proto__')) return null;
  const result = consentRecordSchema(policy, now).safeParse(data);
  return result.success ? result.data : null;
}
