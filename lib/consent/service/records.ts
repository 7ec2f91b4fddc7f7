import 'server-only';
import {HttpError, consentCookies, isSecure} from '../http';
import {proofCookieHeader} from '../ownership';
import {consentIdSchema} from '../schema';
import {receiptJson} from '../store/operator';
import {receiptProofs} from '../transparency/checkpointer';
import {NOT_YOURS, proofOf, withStore} from './access';

/** The visitor's own record: read (the JSON download) and deleted, only by the browser that owns it. */

export function parseConsentId(raw: string): string {
  const parsed = consentIdSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpError(
      400,
      '選択記録 ID の形が正しくありません（32 桁の英数字）。',
      'A record id is 32 lowercase hex digits.',
    );
  }
  return parsed.data;
}

/**
 * The visitor's receipts, as their JSON download: only for the browser that owns the id. Each
 * carries its entry in the consent log, its inclusion proof and a signed checkpoint, which
 * scripts/verify-receipt.mjs checks offline against the published key.
 */
export async function receiptsOf(request: Request, id: string) {
  if (!proofOf(request, id)) throw NOT_YOURS;
  const {receipts, proofs} = await withStore(async (store) => {
    const receipts = await store.list(id);
    return {receipts, proofs: receipts.length ? await receiptProofs(store, receipts) : []};
  }, false);
  if (receipts.length === 0)
    throw new HttpError(404, 'この選択記録 ID の記録はありません。', 'No receipts for this record id.');
  return {consentId: id, receipts: receipts.map((r, i) => ({...receiptJson(r), log: proofs[i]!}))};
}

/**
 * Deletes the visitor's receipts — only their own, by their proof — and records that it happened;
 * the answer clears both cookies so that the banner asks again under a new id.
 */
export async function deleteReceipts(request: Request, id: string) {
  if (!proofOf(request, id)) throw NOT_YOURS;
  const deleted = await withStore((store) => store.deleteConsent(id));
  return {
    body: {consentId: id, deleted},
    setCookies: [...consentCookies(request, '', 0), proofCookieHeader('', isSecure(request), 0)],
  };
}
