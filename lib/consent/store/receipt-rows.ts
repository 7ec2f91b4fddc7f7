import {CONSENT_CONTRACT, type OptionalCategory} from '../contract';
import type {NewReceipt, Receipt} from './types';

/** A receipt as the stores return it (timestamps as Date or as text, depending on the driver). */
export type Row = {
  consent_id: string;
  recorded_at: Date | string;
  received_at: Date | string;
  policy_version: string;
  method: Receipt['method'];
  locale: Receipt['locale'];
  policy_sha256: string | null;
  registry_fingerprint: string | null;
  origin: string | null;
  log_index: string | number | null;
} & Record<OptionalCategory, boolean>;

/** One boolean column per optional category, named as the contract names it (migrations add them). */
export const CHOICE_COLUMNS = CONSENT_CONTRACT.optional;
export const COLUMNS = [
  'consent_id',
  'recorded_at',
  'received_at',
  'policy_version',
  ...CHOICE_COLUMNS,
  'method',
  'locale',
  'policy_sha256',
  'registry_fingerprint',
  'origin',
  'log_index',
];
export function toReceipt(row: Row): Receipt {
  return {
    consentId: row.consent_id,
    recordedAt: new Date(row.recorded_at),
    receivedAt: new Date(row.received_at),
    policyVersion: row.policy_version,
    choices: Object.fromEntries(CHOICE_COLUMNS.map((category) => [category, row[category]])) as Receipt['choices'],
    method: row.method,
    locale: row.locale,
    policySha256: row.policy_sha256,
    registryFingerprint: row.registry_fingerprint,
    origin: row.origin,
    logIndex: row.log_index === null ? null : Number(row.log_index),
  };
}

/**
 * Whether a stored receipt says everything `r` says — its id and time aside, which the caller has
 * matched: the same receipt again (a retry), or another choice claiming the same id and time.
 */
export function sameReceipt(stored: Receipt, r: NewReceipt): boolean {
  return (
    stored.policyVersion === r.policyVersion &&
    stored.method === r.method &&
    stored.locale === r.locale &&
    stored.policySha256 === r.policySha256 &&
    stored.registryFingerprint === r.registryFingerprint &&
    stored.origin === r.origin &&
    CHOICE_COLUMNS.every((category) => stored.choices[category] === r.choices[category])
  );
}
