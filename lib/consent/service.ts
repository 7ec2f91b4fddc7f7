import 'server-only';
import {CONSENT_COOKIE} from './contract';
import {consentCookieHeader, cookieValue, HttpError, isSecure} from './http';
import {ALL_DENIED, ALL_GRANTED, consentStatus, createConsent, serializeConsent, type ConsentRecord} from './record';
import {consentFormSchema, consentIdSchema, receiptRequestSchema} from './schema';
import {currentConsentPolicy} from './server';
import {getConsentStore, type ConsentStore} from './store';
import {receiptJson} from './store/operator';

/**
 * What the consent routes do, without Next: which receipt to store, when the server refreshes the
 * cookie, and what a visitor may read or delete. The route handlers only parse HTTP and answer.
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
    throw UNAVAILABLE;
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw UNAVAILABLE;
  }
}

function receiptOf(record: ConsentRecord, locale: 'ja' | 'en') {
  return {
    consentId: record.id,
    recordedAt: new Date(record.ts),
    policyVersion: record.pv,
    choices: record.c,
    method: record.m,
    locale,
  };
}

function currentCookieRecord(request: Request): ConsentRecord | null {
  return consentStatus(cookieValue(request, CONSENT_COOKIE), currentConsentPolicy(), Date.now()).record;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'JSON として読めません。', 'Malformed JSON.');
  }
}

/**
 * A receipt the browser sends for a choice it recorded. Stored append-only and idempotently; the
 * answer refreshes the cookie from the server (so it lasts its full lifetime where script-written
 * cookies are capped) — only for the newest choice, never over a later one.
 */
export async function recordReceipt(request: Request, body: string) {
  const parsed = receiptRequestSchema(Date.now()).safeParse(parseJson(body));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, '同意の記録の形が正しくありません。', `Invalid receipt: ${issues}`);
  }
  const {record, locale} = parsed.data;
  const outcome = await withStore((store) => store.append(receiptOf(record, locale)));
  const current = currentCookieRecord(request);
  const refresh = !current || current.ts <= record.ts;
  return {
    outcome,
    body: {status: outcome, consentId: record.id, recordedAt: new Date(record.ts).toISOString()},
    setCookie: refresh ? consentCookieHeader(serializeConsent(record), isSecure(request)) : null,
  };
}

/**
 * The banner without JavaScript: the server creates the choice (keeping the visitor's id) and sets
 * the cookie. The choice applies whatever the store says; with JavaScript, a later page sends the
 * receipt again.
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
  const choices = form.data.choice === 'accept' ? ALL_GRANTED : ALL_DENIED;
  const record = createConsent(choices, 'form', currentConsentPolicy(), {id: currentCookieRecord(request)?.id});
  const stored = await withStore((store) => store.append(receiptOf(record, form.data.locale))).then(
    () => true,
    (error: unknown) => {
      console.error('[consent] a no-JavaScript choice could not be stored:', error);
      return false;
    },
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

/** Deletes the visitor's receipts; the answer clears the cookie so that the banner asks again. */
export async function deleteReceipts(request: Request, id: string) {
  const deleted = await withStore((store) => store.deleteConsent(id));
  return {body: {consentId: id, deleted}, setCookie: consentCookieHeader('', isSecure(request), 0)};
}
