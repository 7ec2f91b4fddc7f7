import {receiptJson} from '../store/operator';
import type {Receipt} from '../store/types';
import {leafHash, type Hash} from './merkle';

/**
 * What each entry of the consent log is, defined once: the canonical form whose SHA-256 (as an
 * RFC 9162 leaf) the log keeps. Canonical JSON — keys sorted, no white space, times as UTC ISO
 * 8601 with milliseconds — of every stored field, so that any change to a field, the server's
 * receivedAt included (back-dating), changes the leaf. `v` is the form's version: a new field is a
 * new version, and the auditor computes each entry by the version it was logged under.
 * scripts/verify-receipt.mjs computes the receipt's form on its own (it must run without this
 * code); a test holds the two equal.
 */

export const ENTRY_VERSION = 1;

/** The log entry a deletion is: the visitor's deletion of every receipt of their consent id. */
export interface DeletionEntry {
  consentId: string;
  deletedAt: Date;
  receipts: number;
  /** The leaf indices of the receipts it removed, ascending. */
  removed: number[];
}

/**
 * The retention period's purge: receipts received and deletion records made before `cutoff`.
 * `removed` lists, as [start, end) runs of leaf indices, every entry whose row it removed and every
 * entry a removed deletion record had accounted for, so that the auditor can still tell each
 * legitimately missing row from one removed silently.
 */
export interface PurgeEntry {
  purgedAt: Date;
  cutoff: Date;
  receipts: number;
  deletions: number;
  removed: [number, number][];
}

type Json = string | number | boolean | null | Json[] | {[key: string]: Json};

/** JSON with object keys in code-point order and no white space: one text for one value. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * A receipt's entry: the fields of its JSON download (receiptJson, what the visitor holds and
 * verifies), with the form's version and the kind. A test pins the text: a field added to the
 * download changes it, and needs a new version.
 */
export const receiptEntry = (r: Receipt): string =>
  canonicalJson({v: ENTRY_VERSION, kind: 'receipt', ...receiptJson(r)});

export function deletionEntry(d: DeletionEntry): string {
  return canonicalJson({
    v: ENTRY_VERSION,
    kind: 'deletion',
    consentId: d.consentId,
    deletedAt: d.deletedAt.toISOString(),
    receipts: d.receipts,
    removed: d.removed,
  });
}

export function purgeEntry(p: PurgeEntry): string {
  return canonicalJson({
    v: ENTRY_VERSION,
    kind: 'purge',
    purgedAt: p.purgedAt.toISOString(),
    cutoff: p.cutoff.toISOString(),
    receipts: p.receipts,
    deletions: p.deletions,
    removed: p.removed,
  });
}

export const receiptLeaf = (r: Receipt): Hash => leafHash(receiptEntry(r));
export const deletionLeaf = (d: DeletionEntry): Hash => leafHash(deletionEntry(d));
export const purgeLeaf = (p: PurgeEntry): Hash => leafHash(purgeEntry(p));
