import {compareVersions} from '../policy/dates';
import {
  CONSENT_CONTRACT,
  CONSENT_MAX_AGE_MS,
  everyOptional,
  type ConsentContract,
  type ConsentMethod,
  type OptionalCategory,
} from './contract';

/**
 * The consent cookie's value: what the visitor chose, when, under which policy version and how.
 * Compact keys keep the cookie small: v schema version, id consent id, ts time (ms), pv policy
 * version, l the language it was read in, rf the registry's fingerprint (what the site declared),
 * c choice per optional category, m method. Its zod twin is `consentRecordShape` (schema.ts); a unit
 * test holds the two types equal.
 */
export interface ConsentRecord {
  v: ConsentContract['schemaVersion'];
  id: string;
  ts: number;
  pv: string;
  l: string;
  rf: string;
  c: Record<OptionalCategory, boolean>;
  m: ConsentMethod;
}

export type ConsentChoices = ConsentRecord['c'];

/**
 * What a choice is checked against: the policy version in force, the oldest version still accepted,
 * and the registry's fingerprint — a choice about other technologies is asked again.
 */
export interface ConsentPolicy {
  version: string;
  baseline: string;
  registry: string;
}

/** A policy version as consent sees it: when it takes effect (ms, null = already) and whether it asks again. */
export interface ConsentScheduleEntry {
  version: string;
  effective: number | null;
  reconsent: boolean;
}

/**
 * The policy a choice is checked against at an instant: the version in force, and the newest
 * version up to it that asked for consent again (or the first). Self-contained, like
 * evaluateConsent: the boot script embeds it, so every page switches at an effective date by itself.
 */
export function consentPolicyAt(
  schedule: readonly ConsentScheduleEntry[],
  registry: string,
  now: number,
): ConsentPolicy {
  let current = 0;
  schedule.forEach((entry, i) => {
    if (entry.effective === null || entry.effective <= now) current = i;
  });
  let baseline = 0;
  for (let i = 0; i <= current; i++) if (schedule[i]!.reconsent) baseline = i;
  return {version: schedule[current]!.version, baseline: schedule[baseline]!.version, registry};
}

export type ReconsentReason = 'policy' | 'registry';

export type ConsentStatus =
  | {status: 'valid'; record: ConsentRecord}
  /**
   * Well formed, but to be asked again: given under an older policy version that requires renewed
   * consent (reason `policy`), or only under another registry — the list of cookies and similar
   * technologies changed (reason `registry`). The banner says which.
   */
  | {status: 'reconsent'; record: ConsentRecord; reason: ReconsentReason}
  | {status: 'missing'; record: null};

/**
 * Decides whether a cookie value is a valid choice. Anything malformed, tampered, oversized,
 * expired, from the future or from a version needing renewed consent is not a choice, and nothing
 * throws. This one function decides banner visibility everywhere: it is also serialized into the
 * boot script that runs before first paint (lib/consent/boot.ts) with the contract and the version comparison as
 * arguments, so it must stay self-contained — no references outside its body and parameters.
 * tests/unit/consent-record.test.ts holds it to the zod schema.
 */
export function evaluateConsent(
  raw: string | null | undefined,
  policy: ConsentPolicy,
  now: number,
  contract: ConsentContract,
  compare: (a: string, b: string) => number,
): ConsentStatus {
  const missing: ConsentStatus = {status: 'missing', record: null};
  const sorted = (keys: readonly string[]) => keys.slice().sort();
  const exactKeys = (o: object, keys: string[]) => {
    const own = Object.getOwnPropertyNames(o).sort();
    return own.length === keys.length && own.every((k, i) => k === keys[i]);
  };
  const isPlain = (o: unknown): o is Record<string, unknown> =>
    typeof o === 'object' && o !== null && !Array.isArray(o) && Object.getPrototypeOf(o) === Object.prototype;

  if (typeof raw !== 'string' || raw.length === 0 || raw.length > contract.maxLength) return missing;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return missing;
  }
  if (!isPlain(data) || !exactKeys(data, ['c', 'id', 'l', 'm', 'pv', 'rf', 'ts', 'v'])) return missing;
  const {v, id, ts, pv, l, rf, c, m} = data;
  const maxAgeMs = contract.maxAgeDays * 24 * 60 * 60 * 1000;
  if (v !== contract.schemaVersion) return missing;
  if (typeof id !== 'string' || !new RegExp(contract.idPattern).test(id)) return missing;
  if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < contract.earliest) return missing;
  if (ts > now + contract.clockSkewMs || now - ts > maxAgeMs) return missing;
  if (typeof pv !== 'string' || !new RegExp(contract.versionPattern).test(pv) || compare(pv, policy.version) > 0) {
    return missing;
  }
  if (typeof l !== 'string' || !new RegExp(contract.localePattern).test(l)) return missing;
  if (typeof rf !== 'string' || !new RegExp(contract.fingerprintPattern).test(rf)) return missing;
  if (typeof m !== 'string' || (contract.methods as readonly string[]).indexOf(m) < 0) return missing;
  if (!isPlain(c) || !exactKeys(c, sorted(contract.optional))) return missing;
  const choices: Record<string, boolean> = {};
  for (const category of contract.optional) {
    if (typeof c[category] !== 'boolean') return missing;
    choices[category] = c[category];
  }
  const record = {v, id, ts, pv, l, rf, c: choices, m} as ConsentRecord;
  if (compare(pv, policy.baseline) < 0) return {status: 'reconsent', record, reason: 'policy'};
  if (rf !== policy.registry) return {status: 'reconsent', record, reason: 'registry'};
  return {status: 'valid', record};
}

export function consentStatus(raw: string | null | undefined, policy: ConsentPolicy, now: number): ConsentStatus {
  return evaluateConsent(raw, policy, now, CONSENT_CONTRACT, compareVersions);
}

/** A valid choice, or null: what components and the site's code act on. */
export function parseConsent(
  raw: string | null | undefined,
  policy: ConsentPolicy,
  now = Date.now(),
): ConsentRecord | null {
  const result = consentStatus(raw, policy, now);
  return result.status === 'valid' ? result.record : null;
}

export function serializeConsent(record: ConsentRecord): string {
  const {v, id, ts, pv, l, rf, c, m} = record;
  return JSON.stringify({v, id, ts, pv, l, rf, c, m});
}

/** A random 128-bit consent id, as 32 hex digits. */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createConsent(
  choices: ConsentChoices,
  method: ConsentMethod,
  policy: ConsentPolicy,
  locale: string,
  options: {now?: number; id?: string} = {},
): ConsentRecord {
  const c = Object.fromEntries(CONSENT_CONTRACT.optional.map((category) => [category, choices[category]]));
  return {
    v: CONSENT_CONTRACT.schemaVersion,
    id: options.id ?? newConsentId(),
    ts: options.now ?? Date.now(),
    pv: policy.version,
    l: locale,
    rf: policy.registry,
    c: c as ConsentChoices,
    m: method,
  };
}

export const ALL_GRANTED: ConsentChoices = everyOptional(true);
export const ALL_DENIED: ConsentChoices = everyOptional(false);

/** True while the record is younger than the cookie's lifetime. */
export function isWithinLifetime(ts: number, now: number): boolean {
  return ts <= now + CONSENT_CONTRACT.clockSkewMs && now - ts <= CONSENT_MAX_AGE_MS;
}
