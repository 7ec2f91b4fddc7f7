import 'server-only';
import {HttpError, cookieValue} from '../http';
import {causeOf, logOncePerMinute} from '../log';
import {loadProofKeys, PROOF_COOKIE, verifyProof, type ProofKey} from '../ownership';
import {noteKeys, noteWrite, receiptStore, type ConsentStore} from '../store';

/**
 * Who may touch what, and the store behind it: a consent id answers only to the browser holding
 * its proof (ownership.ts) — the id alone, shown on the receipt page or in a screenshot, opens
 * nothing — and every read or write of the store fails in one way (503), the store having said why.
 */

export const UNAVAILABLE = new HttpError(
  503,
  '同意の記録を今は保存・読み出しできません。選択はこのブラウザで有効です。しばらくしてからもう一度お試しください。',
  'The consent log is unavailable; your choice applies in this browser. Try again later.',
);

export const NOT_YOURS = new HttpError(
  403,
  'この選択記録 ID の記録が、このブラウザのものであることを確認できません。ご自身の記録だけを表示・削除できます。',
  'This browser holds no proof that this record id is its own; only your own record can be read or deleted.',
);

/** Reads or writes the store; a failure is the store's (logged and counted there), answered 503. */
export async function withStore<T>(work: (store: ConsentStore) => Promise<T>, write = true): Promise<T> {
  let store: ConsentStore;
  try {
    store = await receiptStore();
  } catch {
    throw UNAVAILABLE; // the store logged the cause, or is still opening.
  }
  try {
    const result = await work(store);
    if (write) noteWrite(null);
    return result;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (write) noteWrite(error);
    else logOncePerMinute(`[consent] a read of the store failed: ${causeOf(error)}`);
    throw UNAVAILABLE;
  }
}

let proofKeys: ProofKey[] | null = null;

/**
 * The server's proof keys, read once; a bad configuration turns receipts off, loudly (the log, and
 * /api/health), until it is fixed.
 */
export function keys(): ProofKey[] {
  if (proofKeys) return proofKeys;
  try {
    proofKeys = loadProofKeys();
  } catch (error) {
    noteKeys('proof-keys', causeOf(error));
    throw UNAVAILABLE;
  }
  noteKeys('proof-keys', null);
  return proofKeys;
}

/** Whether this browser proves it owns `id`: 'current', 'rotated' (an older key still accepted) or null. */
export function proofOf(request: Request, id: string) {
  return verifyProof(keys(), id, cookieValue(request, PROOF_COOKIE));
}

/** The same, false when the keys cannot be read (receipts are off then). */
export function provesSafely(request: Request, id: string): boolean {
  try {
    return proofOf(request, id) !== null;
  } catch {
    return false;
  }
}
