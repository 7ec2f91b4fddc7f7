import {z} from 'zod';
import {routing} from '../../i18n/routing';
import {CONSENT_CONTRACT, type OptionalCategory} from './contract';
import {isWithinLifetime} from './record';

const {optional, methods, idPattern, fingerprintPattern, versionPattern, earliest, schemaVersion} = CONSENT_CONTRACT;

export const consentIdSchema = z.string().regex(new RegExp(idPattern), 'a consent id is 32 lowercase hex digits');
const versionSchema = z.string().regex(new RegExp(versionPattern), 'a version is three numbers, as 1.2.0');
export const consentLocaleSchema = z.enum(routing.locales, {error: `locale must be ${routing.locales.join(' or ')}`});

const choicesSchema = z.strictObject(
  Object.fromEntries(optional.map((category) => [category, z.boolean()])) as Record<OptionalCategory, z.ZodBoolean>,
);

/** The record's shape, from the contract; record.ts's `ConsentRecord` is tested to be its type. */
export const consentRecordShape = z.strictObject({
  v: z.literal(schemaVersion),
  id: consentIdSchema,
  ts: z.number().int().min(earliest),
  pv: versionSchema,
  l: consentLocaleSchema,
  rf: z.string().regex(new RegExp(fingerprintPattern), 'a registry fingerprint is 16 lowercase hex digits'),
  c: choicesSchema,
  m: z.enum(methods),
});

/**
 * A receipt's origin (the page the choice was made on), as the URL standard serialises it; the
 * store's CHECK constraint (migration 3) holds the same pattern (tests/unit/consent-store.test.ts).
 */
export const RECEIPT_ORIGIN_PATTERN = '^https?://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?$';

/** The no-JavaScript banner form: two buttons named `choice`, and the page's locale. */
export const consentFormSchema = z.strictObject({
  choice: z.enum(['accept', 'decline'], {error: 'choice must be "accept" or "decline"'}),
  locale: consentLocaleSchema.default('ja'),
});

/** Every problem zod found, each with the path of its field (`whole` when it is about the whole). */
export const issuesOf = (error: z.ZodError, whole: string) =>
  error.issues.map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`);

const receiptRequestShape = z.strictObject({record: consentRecordShape.extend({ts: z.number().int()})});

/**
 * A receipt the browser sends for a choice it recorded: the cookie's record, or what is wrong with
 * it. A receipt may arrive late (the store was down), so any policy version is accepted, but
 * nothing from the future or older than the cookie's lifetime. The schema is built once: zod
 * compiles one at its first parse, and a schema made per request (to hold the time) was a fifth of
 * a receipt's time on the server in a profile.
 */
export function parseReceiptRequest(body: unknown, now: number) {
  const parsed = receiptRequestShape.safeParse(body);
  if (!parsed.success) return {issues: issuesOf(parsed.error, 'body')} as const;
  if (!isWithinLifetime(parsed.data.record.ts, now)) return {issues: ['record.ts: timestamp out of range']} as const;
  return {record: parsed.data.record} as const;
}
