import 'server-only';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from './contract';
import {consentCookieHeader, cookieValue, HttpError, isSecure} from './http';
import {
  ALL_DENIED,
  ALL_GRANTED,
  consentStatus,
  createConsent,
  serializeConsent,
  type ConsentPolicy,
  type ConsentRecord,
} from './record';
import {consentFormSchema, consentIdSchema, receiptRequestSchema} from './schema';
import {currentConsentPolicy, policyTextHash} from './server';
import {getConsentStore, type ConsentStore} from './store';
import {receiptJson} from './store/operator';

/**
 * What the consent routes do, without Next: whose receipts a request may touch, which receipt to
 * store, when the server refreshes the cookie. The route handlers only parse HTTP and answer.
 */

const UNAVAILABLE = new HttpError(
  503,
  '同意の記録を今は保存・読み出しできません。選択はこのブラウザで有効です。しばらくしてからもう一度お試しください。',
  'The consent log is unavailable; your choice applies in this browser. Try again later.',
);

async function withStore<T>(work: (store: ConsentStore) => Promise<T>): Promise<T> {
  let store: ConsentStore;
  try {
    store = await getConsentStore();
  } catch {
    throw UNAVAILABLE; // getConsentStore logged the cause.
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    console.error('[consent] the store failed:', error);
    throw UNAVAILABLE;
  }
}

/**
 * The consent id in this browser's cookie, whatever else the cookie says (its version may be older
 * or newer than the server's): the only visitor a request may act for.
 */
function cookieConsentId(request: Request): string | null {
  const raw = cookieValue(request, CONSENT_COOKIE);
  try {
    const id = (JSON.parse(raw ?? 'null') as {id?: unknown} | null)?.id;
    return typeof id === 'string' && new RegExp(CONSENT_CONTRACT.idPattern).test(id) ? id : null;
  } catch {
    return null;
  }
}

function assertOwnConsent(request: Request, id: string): void {
  if (cookieConsentId(request) !== id) {
    throw new HttpError(
      403,
      'この同意 ID は、このブラウザの Cookie に記録された ID ではありません。ご自身の記録だけを追加・削除できます。',
      'This consent id is not the one in this browser’s consent cookie; only your own record can be changed.',
    );
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'JSON として読めません。', 'Malformed JSON.');
  }
}

/** The receipt as stored, bound to the exact text shown (version and language) and the registry. */
function receiptOf(record: ConsentRecord, policy: ConsentPolicy) {
  const policySha256 = policyTextHash(record.pv, record.l, policy);
  if (!policySha256) {
    throw new HttpError(
      400,
      `ポリシーの版 ${record.pv} は公開されていないか、まだ施行されていません。`,
      `Policy version ${record.pv} is not a published version in force or before.`,
    );
  }
  if (record.m === 'gpc' && Object.values(record.c).some(Boolean)) {
    throw new HttpError(
      400,
      'Global Privacy Control による記録で、任意の区分に同意することはできません。',
      'A Global Privacy Control receipt cannot grant an optional category.',
    );
  }
  return {
    consentId: record.id,
    recordedAt: new Date(record.ts),
    policyVersion: record.pv,
    policySha256,
    registryFingerprint: record.rf,
    choices: record.c,
    method: record.m,
    locale: record.l as 'ja' | 'en',
  };
}

/**
 * A receipt the browser sends for a choice it recorded, for the visitor whose cookie holds its id.
 * Stored append-only and idempotently; a different choice with the same id and time is a conflict.
 * The answer refreshes the cookie from the server (so it lasts its full lifetime where
 * script-written cookies are capped) — only for the newest choice, never over a later one.
 */
export async function recordReceipt(request: Request, body: string) {
  const now = Date.now();
  const parsed = receiptRequestSchema(now).safeParse(parseJson(body));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, '同意の記録の形が正しくありません。', `Invalid receipt: ${issues}`);
  }
  const {record} = parsed.data;
  assertOwnConsent(request, record.id);
  // One reading of the policy in force for the whole request: the receipt's check and the cookie's.
  const policy = currentConsentPolicy(now);
  const receipt = receiptOf(record, policy);
  const outcome = await withStore((store) => store.append(receipt));
  if (outcome === 'conflict') {
    throw new HttpError(
      409,
      '同じ同意 ID と日時で、別の内容の記録がすでにあります。この記録は保存していません。',
      'A different receipt with the same consent id and time is already stored; this one was not.',
    );
  }
  const current = consentStatus(cookieValue(request, CONSENT_COOKIE), policy, now).record;
  const refresh = !current || current.ts <= record.ts;
  return {
    outcome,
    body: {
      status: outcome,
      consentId: record.id,
      recordedAt: new Date(record.ts).toISOString(),
      policySha256: receipt.policySha256,
      registryFingerprint: receipt.registryFingerprint,
    },
    setCookie: refresh ? consentCookieHeader(serializeConsent(record), isSecure(request)) : null,
  };
}

/**
 * The banner without JavaScript: the server creates the choice (keeping the visitor's id) and sets
 * the cookie. The choice applies whatever the store says; `stored` tells the page whether to say
 * so, and a later page with JavaScript sends the receipt again.
 */
export async function recordFormChoice(request: Request, body: string) {
  const fields = new URLSearchParams(body);
  const keys = [...fields.keys()];
  if (new Set(keys).size !== keys.length)
    throw new HttpError(400, '同じ項目が重複しています。', 'Duplicate form fields.');
  const form = consentFormSchema.safeParse(Object.fromEntries(fields));
  if (!form.success) {
    const issues = form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
    throw new HttpError(
      400,
      '送信内容が正しくありません。「同意する」か「拒否する」を選んでください。',
      `Invalid consent form: ${issues}`,
    );
  }
  const now = Date.now();
  const choices = form.data.choice === 'accept' ? ALL_GRANTED : ALL_DENIED;
  const policy = currentConsentPolicy(now);
  const record = createConsent(choices, 'form', policy, form.data.locale, {
    id: cookieConsentId(request) ?? undefined,
    now,
  });
  const stored = await withStore((store) => store.append(receiptOf(record, policy))).then(
    (outcome) => outcome === 'stored',
    () => false,
  );
  return {
    locale: form.data.locale,
    stored,
    setCookie: consentCookieHeader(serializeConsent(record), isSecure(request)),
  };
}

export function parseConsentId(raw: string): string {
  const parsed = consentIdSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpError(
      400,
      '同意 ID の形が正しくありません（32 桁の英数字）。',
      'A consent id is 32 lowercase hex digits.',
    );
  }
  return parsed.data;
}

/** The visitor's receipts, as their JSON download. */
export async function receiptsOf(id: string) {
  const receipts = await withStore((store) => store.list(id));
  if (receipts.length === 0)
    throw new HttpError(404, 'この同意 ID の記録はありません。', 'No receipts for this consent id.');
  return {consentId: id, receipts: receipts.map(receiptJson)};
}

/**
 * Deletes the visitor's receipts — only their own, by their cookie — and records that it happened;
 * the answer clears the cookie so that the banner asks again.
 */
export async function deleteReceipts(request: Request, id: string) {
  assertOwnConsent(request, id);
  const deleted = await withStore((store) => store.deleteConsent(id));
  return {body: {consentId: id, deleted}, setCookie: consentCookieHeader('', isSecure(request), 0)};
}
