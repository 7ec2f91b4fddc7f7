import {forwardedHttps} from '../http/forwarded';
import {allowedMethods, sitePath} from '../security/request-limits';
import {SITE_URL} from '../site';
import {CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS} from './contract';
import {causeOf, logOncePerMinute} from './log';
import {RECEIPT_ORIGIN_PATTERN} from './schema';

/**
 * HTTP for the consent routes, kept apart from Next so it is unit-testable: request checks, the
 * cookie header, responses, and `handleErrors`, the one wrapper that turns errors into responses.
 */

export const MAX_BODY_BYTES = 2048;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * The origins this site is served from: the configured public origin (SITE_URL — what a browser
 * sends behind a reverse proxy that rewrites Host) and the origin the request itself was made to
 * (a server reached directly, as in development and the tests). X-Forwarded-Host is not trusted.
 */
function siteOrigins(request: Request): string[] {
  const url = new URL(request.url);
  // Next builds request.url from the address it listens on; Host is what the browser addressed.
  const host = request.headers.get('host') ?? url.host;
  return [new URL(SITE_URL).origin, `${url.protocol}//${host}`];
}

/** A foreign page must not record a choice for our visitors (login-CSRF for consent). */
export function assertSameOrigin(request: Request): void {
  const {headers} = request;
  const origin = headers.get('origin');
  if (headers.get('sec-fetch-site') === 'cross-site')
    throw new HttpError(403, '他のサイトからの送信は受け付けません。', 'Cross-site requests are not accepted.');
  if (origin === 'null')
    throw new HttpError(403, '送信元が不明なリクエストは受け付けません。', 'Opaque origins are not accepted.');
  // Without Origin (an old browser, a same-origin navigation) Sec-Fetch-Site above is the check.
  if (origin === null) return;
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    throw new HttpError(403, '送信元（Origin）が正しくありません。', 'Malformed Origin header.');
  }
  if (!siteOrigins(request).includes(parsed))
    throw new HttpError(403, '他のサイトからの送信は受け付けません。', `Origin ${origin} is not this site.`);
}

/**
 * The origin of the page a choice was made on, for its receipt: the request's Origin (which
 * assertSameOrigin has admitted), or null when the browser sent none.
 */
export function choiceOrigin(request: Request): string | null {
  const origin = request.headers.get('origin');
  if (!origin) return null;
  try {
    const parsed = new URL(origin).origin;
    return new RegExp(RECEIPT_ORIGIN_PATTERN).test(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function assertContentType(headers: Headers, allowed: string[]): string {
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `この形式（${type || 'なし'}）のデータは受け付けません。`,
      `Unsupported content type ${type || '(none)'}; expected ${allowed.join(' or ')}.`,
    );
  }
  return type;
}

/** Reads at most `limit` bytes, rejecting larger bodies early, whatever Content-Length claims. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new HttpError(413, 'データが大きすぎます。', `Request body exceeds ${limit} bytes.`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that goes away mid-body is a bad request, not a server error.
    const {done, value} = await reader.read().catch(() => {
      throw new HttpError(400, '送信が途中で切れました。', 'The request body ended early.');
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', {fatal: false}).decode(Buffer.concat(chunks));
}

/**
 * Where to send a no-JS visitor back to: the page they posted from, if it is one of this site's
 * pages — a path, never another host (//evil.example) and never the API.
 */
export function returnPath(request: Request, fallback: string): string {
  const referer = request.headers.get('referer');
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    if (!siteOrigins(request).includes(url.origin)) return fallback;
    const path = sitePath(url.pathname + url.search);
    return path.startsWith('/api/') ? fallback : path;
  } catch {
    return fallback;
  }
}

export function errorResponse(error: HttpError, extraHeaders: Record<string, string> = {}): Response {
  return new Response(`${error.ja}\n${error.en}\n`, {
    status: error.status,
    headers: {'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders},
  });
}

/** The consent cookie as the server sets it: the same value and attributes as js-cookie writes. */
export function consentCookieHeader(value: string, secure: boolean, maxAgeSeconds = CONSENT_MAX_AGE_SECONDS): string {
  return [
    `${CONSENT_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function isSecure(request: Request): boolean {
  return (
    new URL(request.url).protocol === 'https:' ||
    forwardedHttps(request.headers.get('x-forwarded-proto'), request.headers.get('forwarded'))
  );
}

export function cookieValue(request: Request, name: string): string | undefined {
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
 * OPTIONS of a consent route: the methods it takes (lib/security/request-limits.ts declares them).
 */
export function preflight(request: Request): Response {
  const allow = allowedMethods(new URL(request.url).pathname).join(', ');
  return new Response(null, {status: 204, headers: {allow, 'cache-control': 'no-store'}});
}

export function jsonResponse(
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
  setCookies: string[] = [],
): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers},
  });
  for (const cookie of setCookies) response.headers.append('set-cookie', cookie);
  return response;
}

/**
 * Wraps a route handler: an HttpError becomes its status and bilingual message; anything else is
 * logged with its cause and answered 500 without details.
 */
export function handleErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      logOncePerMinute(`[consent] unexpected error: ${causeOf(error)}`);
      return errorResponse(new HttpError(500, 'サーバーで問題が起きました。', 'Internal server error.'));
    }
  };
}
