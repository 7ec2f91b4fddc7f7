import {z} from 'zod';
import {compareVersions} from '../policy/dates';
import {CONSENT_METHODS, type ConsentPolicy} from './record';

const MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

/**
 * The consent record as a zod schema: the specification that the server validates against and
 * that the browser's dependency-free `consentStatus` is tested to agree with on every value (the
 * client does not ship zod: ~15–30 KB gzip would blow the consent component's 8 KB budget).
 */
export function consentRecordSchema(policy: ConsentPolicy, now: number) {
  return z.strictObject({
    v: z.literal(1),
    id: z.string().regex(/^[0-9a-f]{32}$/),
    ts: z
      .number()
      .int()
      .min(Date.UTC(2024, 0, 1))
      .refine((ts) => ts <= now + CLOCK_SKEW_MS, 'from the future')
      .refine((ts) => now - ts <= MAX_AGE_MS, 'expired'),
    pv: z
      .string()
      .regex(VERSION)
      .refine((pv) => compareVersions(pv, policy.version) <= 0, 'newer than the policy')
      .refine((pv) => compareVersions(pv, policy.baseline) >= 0, 'requires renewed consent'),
    c: z.strictObject({analytics: z.boolean(), advertising: z.boolean()}),
    m: z.enum(CONSENT_METHODS),
  });
}

/** Parses a cookie value with the schema; the same inputs as the browser's check. */
export function parseConsentWithSchema(raw: string | null | undefined, policy: ConsentPolicy, now: number) {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 512) return null;
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

/** The no-JavaScript banner form: two buttons named `choice`, and the page's locale. */
export const consentFormSchema = z.strictObject({
  choice: z.enum(['accept', 'decline'], {error: 'choice must be "accept" or "decline"'}),
  locale: z.enum(['ja', 'en'], {error: 'locale must be "ja" or "en"'}).default('ja'),
});

const RECEIPT_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;

/**
 * A receipt the browser sends for a choice it recorded: the cookie's record and the page's locale.
 * A receipt may arrive late (the store was down), so any policy version is accepted, but nothing
 * from the future or older than the cookie's lifetime.
 */
export function receiptRequestSchema(now: number) {
  return z.strictObject({
    record: z.strictObject({
      v: z.literal(1),
      id: z.string().regex(/^[0-9a-f]{32}$/),
      ts: z
        .number()
        .int()
        .refine((ts) => ts <= now + CLOCK_SKEW_MS && now - ts <= RECEIPT_MAX_AGE_MS, 'timestamp out of range'),
      pv: z.string().regex(VERSION),
      c: z.strictObject({analytics: z.boolean(), advertising: z.boolean()}),
      m: z.enum(CONSENT_METHODS),
    }),
    locale: z.enum(['ja', 'en']),
  });
}

export const consentIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a consent id is 32 lowercase hex digits');
