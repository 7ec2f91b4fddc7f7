import {getPathname} from '@/i18n/navigation';
import {CONSENT_COOKIE, CONSENT_MAX_AGE_DAYS} from '@/lib/consent/categories';
import {ALL_DENIED, ALL_GRANTED, consentStatus, createConsent, serializeConsent} from '@/lib/consent/record';
import {assertContentType, assertSameOrigin, errorResponse, HttpError, readBody, returnPath} from '@/lib/consent/request';
import {consentFormSchema} from '@/lib/consent/schema';
import {currentConsentPolicy} from '@/lib/consent/server';

export const dynamic = 'force-dynamic';

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(/;\s*/)) {
    if (part.startsWith(`${name}=`)) {
      try {
        return decodeURIComponent(part.slice(name.length + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The banner's form without JavaScript: validate, set the same cookie the browser code sets, and
 * go back to the page (303). Other methods get 405 with an Allow header.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request.headers);
    assertContentType(request.headers, ['application/x-www-form-urlencoded']);
    const fields = new URLSearchParams(await readBody(request));
    const keys = [...fields.keys()];
    if (new Set(keys).size !== keys.length) throw new HttpError(400, '同じ項目が重複しています。', 'Duplicate form fields.');
    const form = consentFormSchema.safeParse(Object.fromEntries(fields));
    if (!form.success) {
      throw new HttpError(400, '送信内容が正しくありません。「同意する」か「拒否する」を選んでください。', `Invalid consent form: ${form.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ')}`);
    }
    const policy = currentConsentPolicy();
    const earlier = consentStatus(cookieValue(request, CONSENT_COOKIE), policy, Date.now()).record;
    const record = createConsent(form.data.choice === 'accept' ? ALL_GRANTED : ALL_DENIED, 'form', policy, {id: earlier?.id});
    const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    const cookie = [
      `${CONSENT_COOKIE}=${encodeURIComponent(serializeConsent(record))}`,
      'Path=/',
      `Max-Age=${CONSENT_MAX_AGE_DAYS * 24 * 60 * 60}`,
      'SameSite=Lax',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
    const fallback = getPathname({locale: form.data.locale, href: '/privacy'});
    return new Response(null, {
      status: 303,
      headers: {location: `${returnPath(request.headers, fallback)}#consent-saved`, 'set-cookie': cookie, 'cache-control': 'no-store'},
    });
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

function methodNotAllowed(): Response {
  return errorResponse(new HttpError(405, 'このアドレスは POST だけを受け付けます。', 'Only POST is allowed here.'), {allow: 'POST'});
}

export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
