import type {OptionalCategory} from './categories';

/**
 * The consent cookie's value: what the visitor chose, when, under which policy version and how.
 * Compact keys keep the cookie small: v schema version, id consent id, ts time (ms), pv policy
 * version, c choice per optional category, m method.
 */
export interface ConsentRecord {
  v: 1;
  id: string;
  ts: number;
  pv: string;
  c: Record<OptionalCategory, boolean>;
  m: ConsentMethod;
}

export const CONSENT_METHODS = ['banner', 'preferences', 'form', 'gpc'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type ConsentChoices = ConsentRecord['c'];

/** The policy the choice is checked against: its current version and the oldest still accepted. */
export interface ConsentPolicy {
  version: string;
  baseline: string;
}

export type ConsentStatus =
  | {status: 'valid'; record: ConsentRecord}
  /** Well formed, but given under a policy version older than the one that requires renewed consent. */
  | {status: 'reconsent'; record: ConsentRecord}
  | {status: 'missing'; record: null};

/**
 * Decides whether a cookie value is a valid choice. Anything malformed, tampered, oversized,
 * expired, from the future or from a version needing renewed consent is not a choice, and nothing
 * throws. This one function decides banner visibility everywhere: it is also serialized into the
 * pre-hydration script (lib/consent/boot.ts), so it must stay self-contained — no imports, no
 * references outside its body. tests/unit/consent-record.test.ts holds it to the zod schema.
 */
export function consentStatus(raw: string | null | undefined, policy: ConsentPolicy, now: number): ConsentStatus {
  const MAX_LENGTH = 512;
  const MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;
  const CLOCK_SKEW_MS = 5 * 60 * 1000;
  const EARLIEST = Date.UTC(2024, 0, 1);
  const KEYS = ['c', 'id', 'm', 'pv', 'ts', 'v'];
  const CATEGORIES = ['advertising', 'analytics'];
  const METHODS = ['banner', 'preferences', 'form', 'gpc'];
  const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
  const missing: ConsentStatus = {status: 'missing', record: null};
  const compare = (a: string, b: string) => {
    const pa = a.split('.');
    const pb = b.split('.');
    for (let i = 0; i < 3; i++) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
    }
    return 0;
  };
  const exactKeys = (o: object, keys: string[]) => {
    const own = Object.getOwnPropertyNames(o).sort();
    return own.length === keys.length && own.every((k, i) => k === keys[i]);
  };
  const isPlain = (o: unknown): o is Record<string, unknown> =>
    typeof o === 'object' && o !== null && !Array.isArray(o) && Object.getPrototypeOf(o) === Object.prototype;

  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return missing;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return missing;
  }
  if (!isPlain(data) || !exactKeys(data, KEYS)) return missing;
  const {v, id, ts, pv, c, m} = data;
  if (v !== 1) return missing;
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) return missing;
  if (
    typeof ts !== 'number' ||
    !Number.isInteger(ts) ||
    ts < EARLIEST ||
    ts > now + CLOCK_SKEW_MS ||
    now - ts > MAX_AGE_MS
  )
    return missing;
  if (typeof pv !== 'string' || !VERSION.test(pv) || compare(pv, policy.version) > 0) return missing;
  if (typeof m !== 'string' || METHODS.indexOf(m) < 0) return missing;
  if (
    !isPlain(c) ||
    !exactKeys(c, CATEGORIES) ||
    typeof c.analytics !== 'boolean' ||
    typeof c.advertising !== 'boolean'
  )
    return missing;
  const record = {v: 1, id, ts, pv, c: {analytics: c.analytics, advertising: c.advertising}, m} as ConsentRecord;
  return compare(pv, policy.baseline) < 0 ? {status: 'reconsent', record} : {status: 'valid', record};
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
  return JSON.stringify({v: record.v, id: record.id, ts: record.ts, pv: record.pv, c: record.c, m: record.m});
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
  options: {now?: number; id?: string} = {},
): ConsentRecord {
  return {
    v: 1,
    id: options.id ?? newConsentId(),
    ts: options.now ?? Date.now(),
    pv: policy.version,
    c: {analytics: choices.analytics, advertising: choices.advertising},
    m: method,
  };
}

export const ALL_GRANTED: ConsentChoices = {analytics: true, advertising: true};
export const ALL_DENIED: ConsentChoices = {analytics: false, advertising: false};

export function isGranted(record: ConsentRecord | null, category: OptionalCategory | 'necessary'): boolean {
  if (category === 'necessary') return true;
  return record?.c[category] === true;
}
