import {CONSENT_CONTRACT} from '../contract';
import type {Receipt} from './types';

/** A calendar day (YYYY-MM-DD) at 00:00 UTC, or null. */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** The cutoff for "older than 90d / 26w / 18m / 3y", counted back from `now` in UTC; null if malformed. */
export function cutoffFor(duration: string, now: Date): Date | null {
  const match = /^(\d{1,4})([dwmy])$/.exec(duration.trim());
  if (!match) return null;
  const n = Number(match[1]);
  const cutoff = new Date(now);
  if (match[2] === 'd') cutoff.setUTCDate(cutoff.getUTCDate() - n);
  if (match[2] === 'w') cutoff.setUTCDate(cutoff.getUTCDate() - 7 * n);
  if (match[2] === 'm') cutoff.setUTCMonth(cutoff.getUTCMonth() - n);
  if (match[2] === 'y') cutoff.setUTCFullYear(cutoff.getUTCFullYear() - n);
  return cutoff;
}

/** A receipt as JSON: the visitor's download and the operator's JSONL export say the same. */
export function receiptJson(r: Receipt) {
  return {
    consentId: r.consentId,
    recordedAt: r.recordedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    policyVersion: r.policyVersion,
    policySha256: r.policySha256,
    registryFingerprint: r.registryFingerprint,
    origin: r.origin,
    choices: r.choices,
    method: r.method,
    locale: r.locale,
  };
}

export const CSV_HEADER = [
  'consent_id',
  'recorded_at',
  'received_at',
  'policy_version',
  ...CONSENT_CONTRACT.optional,
  'method',
  'locale',
  'policy_sha256',
  'registry_fingerprint',
  'origin',
].join(',');

/** One line of the export (CSV without its header, or JSON), newline included. */
export function receiptLine(r: Receipt, format: 'csv' | 'jsonl'): string {
  if (format === 'jsonl') return JSON.stringify(receiptJson(r)) + '\n';
  // Every value is an id, a timestamp, a version, a boolean, a hash, an origin (checked by the
  // schema: no comma) or a fixed word: nothing needs quoting.
  const cells = [
    r.consentId,
    r.recordedAt.toISOString(),
    r.receivedAt.toISOString(),
    r.policyVersion,
    ...CONSENT_CONTRACT.optional.map((category) => r.choices[category]),
    r.method,
    r.locale,
    r.policySha256 ?? '',
    r.registryFingerprint ?? '',
    r.origin ?? '',
  ];
  return cells.join(',') + '\n';
}
