import 'server-only';
import {CONSENT_CONTRACT, CONSENT_COOKIE, CONSENT_MAX_AGE_MS} from '../contract';
import {choiceOrigin, consentCookies, cookieValue, HttpError, isSecure} from '../http';
import {issueProof, proofCookieHeader} from '../ownership';
import {
  ALL_DENIED,
  ALL_GRANTED,
  consentStatus,
  createConsent,
  newConsentId,
  serializeConsent,
  type ConsentPolicy,
  type ConsentRecord,
} from '../record';
import {consentFormSchema, issuesOf, parseReceiptRequest} from '../schema';
import {consentPolicyRecord, policyInForce, policyTextHash, type ConsentPolicyRecord} from '../policy-record';
import type {NewReceipt} from '../store';
import {sameReceipt} from '../store/receipt-rows';
import {keys, proofOf, provesSafely, UNAVAILABLE, withStore} from './access';

/**
 * What a choice becomes: the receipt stored for it (bound to the text shown, the registry and the
 * page it was made on), under the id of the browser that owns it or a new one, and the cookies the
 * answer sets — from the browser's code (recordReceipt) or the banner's form without JavaScript
 * (recordFormChoice).
 */

const CONSENT_ID = new RegExp(CONSENT_CONTRACT.idPattern);

/**
 * The consent id in this browser's cookie, whatever else the cookie says (its version may be older
 * or newer than the server's).
 */
function cookieConsentId(request: Request): string | null {
  const raw = cookieValue(request, CONSENT_COOKIE);
  try {
    const id = (JSON.parse(raw ?? 'null') as {id?: unknown} | null)?.id;
    return typeof id === 'string' && CONSENT_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'JSON として読めません。', 'Malformed JSON.');
  }
}

/**
 * The receipt as stored, bound to the exact text shown (version and language) and to the registry
 * the site publishes: a hash or a fingerprint the site never published is refused.
 */
function receiptOf(
  record: ConsentRecord,
  built: ConsentPolicyRecord,
  policy: ConsentPolicy,
  origin: string | null,
): NewReceipt {
  const policySha256 = policyTextHash(built, record.pv, record.l, policy);
  if (!policySha256) {
    throw new HttpError(
      400,
      `ポリシーの版 ${record.pv} は公開されていないか、まだ施行されていません。`,
      `Policy version ${record.pv} is not a published version in force or before.`,
    );
  }
  if (record.rf !== built.registryFingerprint) {
    throw new HttpError(
      400,
      'この選択は、このサイトが公開している Cookie の一覧（登録簿）のもとでされたものではありません。',
      'This choice was not made under the cookie registry this site publishes.',
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
    origin,
  };
}

/**
 * How long the browser keeps a choice made at `ts`: its cookies live 180 days from the choice,
 * not from the receipt's delivery, however late that comes.
 */
const secondsLeft = (ts: number, now: number) => Math.max(0, Math.ceil((ts + CONSENT_MAX_AGE_MS - now) / 1000));

type Stored = {
  outcome: 'stored' | 'duplicate' | 'conflict' | 'renewed';
  /** The receipt as stored: under a new id when the browser could not prove the old one (renewed). */
  receipt: NewReceipt;
  /** Whether the browser owns the receipt's id now: it gets (again) the proof. */
  owned: boolean;
};

/**
 * Stores a receipt for the browser that proves it owns the id, or — for an id nobody has used —
 * claims the id for this browser. A browser that cannot prove an id in use is its own (its proof
 * expired or was lost, or the id is somebody else's) never touches that id: its choice is kept
 * under a new id, claimed for it ('renewed'), so a choice is never lost and nobody else's record
 * changes. The one exception is the idempotent resend of exactly what is stored (the answer with
 * the proof was lost when the page closed): 'duplicate', without a proof, which only a claim earns.
 */
async function storeOwned(request: Request, receipt: NewReceipt): Promise<Stored> {
  if (proofOf(request, receipt.consentId)) {
    return {outcome: await withStore((store) => store.append(receipt)), receipt, owned: true};
  }
  if ((await withStore((store) => store.claim(receipt))) === 'stored') return {outcome: 'stored', receipt, owned: true};
  if (await isStoredAlready(receipt)) return {outcome: 'duplicate', receipt, owned: false};
  const renewed = {...receipt, consentId: newConsentId()};
  // A fresh 128-bit id is never in use; if it were, nothing is stored and the browser sends it again.
  if ((await withStore((store) => store.claim(renewed))) === 'taken') throw UNAVAILABLE;
  return {outcome: 'renewed', receipt: renewed, owned: true};
}

/**
 * The cookies the answer sets: the consent cookie when this is the browser's newest choice (or its
 * id changed), and the proof whenever the browser owns the id — renewed on every accepted receipt,
 * so that it lives exactly as long as the choice it protects.
 */
function answerCookies(request: Request, record: ConsentRecord, stored: Stored, newest: ConsentRecord | null) {
  const now = Date.now();
  const latest = newest && newest.id === record.id && newest.ts > record.ts ? newest : null;
  const kept = {...record, id: stored.receipt.consentId};
  return [
    ...(!latest || stored.outcome === 'renewed'
      ? consentCookies(request, serializeConsent(kept), secondsLeft(kept.ts, now))
      : []),
    ...(stored.owned
      ? [proofCookieHeader(issueProof(keys(), kept.id), isSecure(request), secondsLeft((latest ?? kept).ts, now))]
      : []),
  ];
}

/** Whether exactly this receipt (its identity and everything it says) is stored. */
async function isStoredAlready(receipt: NewReceipt): Promise<boolean> {
  const stored = await withStore((store) => store.list(receipt.consentId));
  return stored.some(
    (existing) => existing.recordedAt.getTime() === receipt.recordedAt.getTime() && sameReceipt(existing, receipt),
  );
}

/**
 * A receipt the browser sends for a choice it recorded, for the id in its own consent cookie and
 * owned by it. Stored append-only and idempotently (the id and the browser's time identify it);
 * the server's own time is what the receipt is kept under. A different choice with the same id
 * and time is a conflict. The answer refreshes the consent cookie from the server (so it lasts its
 * full lifetime where script-written cookies are capped) — only for the newest choice.
 */
export async function recordReceipt(request: Request, body: string) {
  const now = Date.now();
  const parsed = parseReceiptRequest(parseJson(body), now);
  if (parsed.issues)
    throw new HttpError(400, '同意の記録の形が正しくありません。', `Invalid receipt: ${parsed.issues.join('; ')}`);
  const {record} = parsed;
  if (cookieConsentId(request) !== record.id)
    throw new HttpError(
      403,
      'この記録の選択記録 ID は、このブラウザの Cookie にあるものと違います。',
      "This receipt's record id is not the one in this browser's consent cookie.",
    );
  // One reading of the policy in force for the whole request: the receipt's check and the cookie's.
  const built = await consentPolicyRecord();
  const policy = policyInForce(built, now);
  const receipt = receiptOf(record, built, policy, choiceOrigin(request));
  const stored = await storeOwned(request, receipt);
  if (stored.outcome === 'conflict') {
    throw new HttpError(
      409,
      '同じ選択記録 ID と日時で、別の内容の記録がすでにあります。この記録は保存していません。',
      'A different receipt with the same record id and time is already stored; this one was not.',
    );
  }
  const newest = consentStatus(cookieValue(request, CONSENT_COOKIE), policy, now).record;
  return {
    outcome: stored.outcome,
    body: {
      status: stored.outcome,
      consentId: stored.receipt.consentId,
      ...(stored.outcome === 'renewed' ? {previousConsentId: record.id} : {}),
      recordedAt: new Date(record.ts).toISOString(),
      policySha256: receipt.policySha256,
      registryFingerprint: receipt.registryFingerprint,
    },
    setCookies: answerCookies(request, record, stored, newest),
  };
}

/**
 * The banner without JavaScript: the server creates the choice — under the visitor's id when the
 * browser owns it or nobody has used it, under a new id otherwise — and sets the cookies. The
 * choice applies whatever the store says; the outcome tells the page what to say: saved, saved
 * under a new id (renewed), or applied in this browser only (pending: a later page with
 * JavaScript sends the receipt again).
 */
export async function recordFormChoice(request: Request, body: string) {
  const fields = new URLSearchParams(body);
  const keys = [...fields.keys()];
  if (new Set(keys).size !== keys.length)
    throw new HttpError(400, '同じ項目が重複しています。', 'Duplicate form fields.');
  const form = consentFormSchema.safeParse(Object.fromEntries(fields));
  if (!form.success) {
    throw new HttpError(
      400,
      '送信内容が正しくありません。「同意する」か「拒否する」を選んでください。',
      `Invalid consent form: ${issuesOf(form.error, 'form').join('; ')}`,
    );
  }
  const now = Date.now();
  const choices = form.data.choice === 'accept' ? ALL_GRANTED : ALL_DENIED;
  const built = await consentPolicyRecord();
  const policy = policyInForce(built, now);
  const choose = (id?: string) => createConsent(choices, 'form', policy, form.data.locale, {id, now});
  const record = choose(cookieConsentId(request) ?? undefined);
  const receipt = receiptOf(record, built, policy, choiceOrigin(request));
  let stored: Stored;
  try {
    stored = await storeOwned(request, receipt);
  } catch {
    // Not stored: the choice applies in this browser all the same, and a page with JavaScript sends
    // it later — under a new id unless this browser proves the one it has, so that nobody else's
    // record is touched.
    const id = provesSafely(request, record.id) ? record.id : newConsentId();
    return {
      locale: form.data.locale,
      outcome: 'pending' as const,
      setCookies: consentCookies(request, serializeConsent({...record, id})),
    };
  }
  return {
    locale: form.data.locale,
    outcome: stored.outcome === 'renewed' ? ('renewed' as const) : ('saved' as const),
    setCookies: answerCookies(request, record, stored, null),
  };
}
