import {cspManifest} from '../security/csp-manifest';
import {consentPolicyAt, type ConsentPolicy, type ConsentScheduleEntry} from './record';

/**
 * What a receipt is checked against: the policy's versions (when each takes effect, whether it asks
 * again), each version's text hash per language, and the registry's fingerprint — as the pages
 * were built with them.
 */
export interface ConsentPolicyRecord {
  schedule: ConsentScheduleEntry[];
  textHashes: Record<string, Record<string, string>>;
  registryFingerprint: string;
}

/**
 * A production server reads the record its build wrote (scripts/csp-manifest.ts), so a receipt
 * names the text its pages show even if content/ changed since, and the consent routes never load
 * the MDX pipeline: a server's first consent does not wait for half a megabyte of it to compile.
 * Development (drafts previewed as they are saved) and the unit tests read content/ as it is now.
 */
export async function consentPolicyRecord(): Promise<ConsentPolicyRecord> {
  const built = process.env.NODE_ENV === 'production' ? cspManifest()?.consentPolicy : undefined;
  if (built) return built;
  const {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} = await import('./server');
  return {schedule: consentSchedule(), textHashes: consentTextHashes(), registryFingerprint: REGISTRY_FINGERPRINT};
}

/** What a choice is checked against now. */
export function policyInForce(record: ConsentPolicyRecord, now = Date.now()): ConsentPolicy {
  return consentPolicyAt(record.schedule, record.registryFingerprint, now);
}

/**
 * The SHA-256 of the exact text a visitor was shown — that version, that language — or null when
 * no such version is published up to the one in force: a receipt names it, the archived version's
 * page shows it.
 */
export function policyTextHash(
  record: ConsentPolicyRecord,
  version: string,
  locale: string,
  policy: ConsentPolicy,
): string | null {
  const versions = record.schedule.map((entry) => entry.version);
  const index = versions.indexOf(version);
  if (index < 0 || index > versions.indexOf(policy.version)) return null;
  return record.textHashes[version]?.[locale] ?? null;
}
