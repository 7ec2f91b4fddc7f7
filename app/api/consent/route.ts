import {getPathname} from '@/i18n/navigation';
import {CONSENT_COOKIE, CONSENT_MAX_AGE_DAYS} from '@/lib/consent/categories';
import {
  ALL_DENIED,
  ALL_GRANTED,
  consentStatus,
  createConsent,
  serializeConsent,
  type ConsentRecord,
} from '@/lib/consent/record';
import {
  assertContentType,
  assertSameOrigin,
  consentCookieHeader,
  cookieValue,
  errorResponse,
  HttpError,
  isSecure,
  jsonResponse,
  methodNotAllowed,
  readBody,
  returnPath,
} from '@/lib/consent/request';
import {consentFormSchema, receiptRequestSchema} from '@/lib/consent/schema';
import {currentConsentPolicy} from '@/lib/consent/server';
import {getConsentStore} from '@/lib/consent/store';

export const dynamic = 'force-dynamic';

const MAX_AGE_SECONDS = CONSENT_MAX_AGE_DAYS * 24 * 60 * 60;

function receiptOf(record: ConsentRecord, locale: string) {
  return {
    consentId: record.id,
    recordedAt: new Date(record.ts),
    policyVersion: record.pv,
    choices: record.c,
    method: record.m,
    locale,
  };
}

/**
 * POST /api/consent records a choice.
 * - application/json, from the browser code: a receipt of the choice it recorded. Stored
 *   append-only and idempotently; answered with the cookie set by the server (so it lasts its full
 *   180 days where script-written cookies are capped), or 503 when the store is down — the browser
 *   keeps the receipt and sends it again.
 * - application/x-www-form-urlencoded, the banner without JavaScript: sets the cookie, stores a
 *   receipt if it can, and goes back to the page (303).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request.headers);
    const type = assertContentType(request.headers, ['application/json', 'application/x-www-form-urlencoded']);
    const body = await readBody(request);
    return type === 'application/json' ? await postReceipt(request, body) : await postForm(request, body);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

async function postReceipt(request: Request, body: string): Promise<Response> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'JSON として読めません。', 'Malformed JSON.');
  }
  const parsed = receiptRequestSchema(Date.now()).safeParse(json);
  if (!parsed.success) {
    throw new HttpError(
      400,
      '同意の記録の形が正しくありません。',
      `Invalid receipt: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
    );
  }
  const {record, locale} = parsed.data;
  let outcome: 'stored' | 'duplicate';
  try {
    outcome = await (await getConsentStore()).append(receiptOf(record, locale));
  } catch {
    return jsonResponse(
      {
        error:
          '同意の記録を今は保存できません。選択はこのブラウザで有効です。後でもう一度送ります。 / The consent log is unavailable; your choice applies in this browser and will be sent again.',
      },
      503,
      {'retry-after': '30'},
    );
  }
  // Refresh the cookie from the server only for the newest choice, never over a later one.
  const current = consentStatus(cookieValue(request, CONSENT_COOKIE), currentConsentPolicy(), Date.now()).record;
  const headers: Record<string, string> = {};
  if (!current || current.ts <= record.ts)
    headers['set-cookie'] = consentCookieHeader(serializeConsent(record), isSecure(request), MAX_AGE_SECONDS);
  return jsonResponse(
    {status: outcome, consentId: record.id, recordedAt: new Date(record.ts).toISOString()},
    outcome === 'stored' ? 201 : 200,
    headers,
  );
}

async function postForm(request: Request, body: string): Promise<Response> {
  const fields = new URLSearchParams(body);
  const keys = [...fields.keys()];
  if (new Set(keys).size !== keys.length)
    throw new HttpError(400, '同じ項目が重複しています。', 'Duplicate form fields.');
  const form = consentFormSchema.safeParse(Object.fromEntries(fields));
  if (!form.success) {
    throw new HttpError(
      400,
      '送信内容が正しくありません。「同意する」か「拒否する」を選んでください。',
      `Invalid consent form: ${form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ')}`,
    );
  }
  const policy = currentConsentPolicy();
  const earlier = consentStatus(cookieValue(request, CONSENT_COOKIE), policy, Date.now()).record;
  const record = createConsent(form.data.choice === 'accept' ? ALL_GRANTED : ALL_DENIED, 'form', policy, {
    id: earlier?.id,
  });
  // The choice applies whatever the store says; with JavaScript, a later page sends the receipt again.
  await getConsentStore()
    .then((store) => store.append(receiptOf(record, form.data.locale)))
    .catch(() => undefined);
  const fallback = getPathname({locale: form.data.locale, href: '/privacy'});
  return new Response(null, {
    status: 303,
    headers: {
      location: `${returnPath(request.headers, fallback)}#consent-saved`,
      'set-cookie': consentCookieHeader(serializeConsent(record), isSecure(request), MAX_AGE_SECONDS),
      'cache-control': 'no-store',
    },
  });
}

export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
