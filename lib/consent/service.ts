import 'server-only';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from './contract';
import {choiceOrigin, consentCookieHeader, cookieValue, HttpError, isSecure} from './http';
import {causeOf, logOncePerMinute} from './log';
import {issueProof, loadProofKeys, PROOF_COOKIE, proofCookieHeader, verifyProof, type ProofKey} from './ownership';
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
import {currentConsentPolicy, policyTextHash, PUBLISHED_FINGERPRINTS} from './server';
import {getConsentStore, noteWrite, type ConsentStore} from './store';
import {receiptJson} from './store/operator';
import {receiptProofs} from './transparency/checkpointer';

/**
 * What the consent routes do, without Next: whose receipts a request may touch, which receipt to
 * store, when the server refreshes the cookies. The route handlers only parse HTTP and answer.
 * A consent id answers only to the browser holding its proof (ownership.ts): the id alone, shown
 * on the receipt page or in a screenshot, opens nothing.
 */

const UNAVAILABLE = new HttpError(
  503,
  '同意の記録を今は保存・読み出しできません。選択はこのブラウザで有効です。しばらくしてからもう一度お試しください。',
  'The consent log is unavailable; your choice applies in this browser. Try again later.',
);

const NOT_YOURS = new HttpError(
  403,
  'この同意 ID の記録が、このブラウザのものであることを確認できません。ご自身の記録だけを表示・追加・削除できます。',
  'This browser holds no proof that this consent id is its own; only your own record can be read or changed.',
);

/** Reads or writes the store; a failure is the store's (logged and counted there), answered 503. */
async function withStore<T>(work: (store: ConsentStore) => Promise<T>, write = true): Promise<T> {
  let store: ConsentStore;
  try {
    store = await getConsentStore();
  } catch {
    throw UNAVAILABLE; // getConsentStore logged the cause.
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

/** The server's proof keys, read once; a bad configuration turns receipts off, loudly. */
function keys(): ProofKey[] {
  try {
    return (proofKeys ??= loadProofKeys());
  } catch (error) {
    logOncePerMinute(`[consent] receipts are off: ${causeOf(error)}`);
    throw UNAVAILABLE;
  }
}

/** Whether this browser proves it owns `id`: 'current', 'rotated' (an older key still accepted) or null. */
function proofOf(request: Request, id: string) {
  return verifyProof(keys(), id, cookieValue(request, PROOF_COOKIE));
}

/** The same, false when the keys cannot be read (receipts are off then). */
function provesSafely(request: Request, id: string): boolean {
  try {
    return proofOf(request, id) !== null;
  } catch {
    return false;
  }
}

function proofCookie(request: Request, id: string): string {
  return proofCookieHeader(issueProof(keys(), id), isSecure(request));
}

/**
 * The consent id in this browser's cookie, whatever else the cookie says (its version may be older
 * or newer than the server's).
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
function receiptOf(record: ConsentRecord, policy: ConsentPolicy, origin: string | null) {
  const policySha256 = policyTextHash(record.pv, record.l, policy);
  if (!policySha256) {
    throw new HttpError(
      400,
      `ポリシーの版 ${record.pv} は公開されていないか、まだ施行されていません。`,
      `Policy version ${record.pv} is not a published version in force or before.`,
    );
  }
  if (!PUBLISHED_FINGERPRINTS.includes(record.rf)) {
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

type NewReceipt = ReturnType<typeof receiptOf>;

/**
 * Stores a receipt for the browser that proves it owns the id, or — for an id nobody has used —
 * claims the id for this browser and issues its proof. Answers the store's outcome and the proof
 * cookie to set (a new claim, or a proof under a rotated key), if any.
 */
async function appendOwned(request: Request, receipt: NewReceipt) {
  const proof = proofOf(request, receipt.consentId);
  if (proof) {
    const outcome = await withStore((store) => store.append(receipt));
    return {outcome, proofCookie: proof === 'rotated' ? proofCookie(request, receipt.consentId) : null};
  }
  const claimed = await withStore((store) => store.claim(receipt));
  if (claimed === 'taken') {
    // The same browser resending what it already stored, before the answer with its proof arrived
    // (it left the page at once): nothing changes and nothing is disclosed that the sender did not
    // send, so it is the idempotent 200 — but never a proof, which only a new claim earns.
    if (await isStoredAlready(receipt)) return {outcome: 'duplicate' as const, proofCookie: null};
    throw NOT_YOURS;
  }
  return {outcome: 'stored' as const, proofCookie: proofCookie(request, receipt.consentId)};
}

/** Whether exactly this receipt (its identity and everything it says) is stored. */
async function isStoredAlready(receipt: NewReceipt): Promise<boolean> {
  const stored = await withStore((store) => store.list(receipt.consentId));
  return stored.some(
    (existing) =>
      existing.recordedAt.getTime() === receipt.recordedAt.getTime() &&
      existing.policyVersion === receipt.policyVersion &&
      existing.method === receipt.method &&
      existing.locale === receipt.locale &&
      existing.policySha256 === receipt.policySha256 &&
      existing.registryFingerprint === receipt.registryFingerprint &&
      existing.origin === receipt.origin &&
      CONSENT_CONTRACT.optional.every((category) => existing.choices[category] === receipt.choices[category]),
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
  const parsed = receiptRequestSchema(now).safeParse(parseJson(body));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, '同意の記録の形が正しくありません。', `Invalid receipt: ${issues}`);
  }
  const {record} = parsed.data;
  if (cookieConsentId(request) !== record.id) throw NOT_YOURS;
  // One reading of the policy in force for the whole request: the receipt's check and the cookie's.
  const policy = currentConsentPolicy(now);
  const receipt = receiptOf(record, policy, choiceOrigin(request));
  const {outcome, proofCookie} = await appendOwned(request, receipt);
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
    setCookies: [
      ...(refresh ? [consentCookieHeader(serializeConsent(record), isSecure(request))] : []),
      ...(proofCookie ? [proofCookie] : []),
    ],
  };
}

/**
 * The banner without JavaScript: the server creates the choice — under the visitor's id when the
 * browser owns it or nobody has used it, under a new id otherwise when the store cannot tell —
 * and sets the cookies. The choice applies whatever the store says; `stored` tells the page
 * whether to say so, and a later page with JavaScript sends the receipt again.
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
  const choose = (id?: string) => createConsent(choices, 'form', policy, form.data.locale, {id, now});
  let record = choose(cookieConsentId(request) ?? undefined);
  const receipt = receiptOf(record, policy, choiceOrigin(request));
  let stored = false;
  let proof: string | null = null;
  try {
    const result = await appendOwned(request, receipt);
    stored = result.outcome === 'stored';
    proof = result.proofCookie;
  } catch (error) {
    if (error === NOT_YOURS) throw error;
    // The store cannot say whose the id is: one this browser cannot prove is replaced by a new one,
    // so that no one else's is touched.
    if (!provesSafely(request, record.id)) record = choose();
  }
  return {
    locale: form.data.locale,
    stored,
    setCookies: [consentCookieHeader(serializeConsent(record), isSecure(request)), ...(proof ? [proof] : [])],
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
    throw new HttpError(404, 'この同意 ID の記録はありません。', 'No receipts for this consent id.');
  return {consentId: id, receipts: receipts.map((r, i) => ({...receiptJson(r), log: proofs[i]!}))};
}

/**
 * Deletes the visitor's receipts — only their own, by their proof — and records that it happened;
 * the answer clears both cookies so that the banner asks again under a new id.
 */
export async function deleteReceipts(request: Request, id: string) {
  if (!proofOf(request, id)) throw NOT_YOURS;
  const deleted = await withStore((store) => store.deleteConsent(id));
  const secure = isSecure(request);
  return {
    body: {consentId: id, deleted},
    setCookies: [consentCookieHeader('', secure, 0), proofCookieHeader('', secure, 0)],
  };
}
