import {forwardedHttps} from '../http/forwarded';
import {allowedMethods, sitePath} from '../security/request-limits';
import {SITE_URL} from '../site';
import {allowedOrigins, CONSENT_COOKIE_DOMAIN} from './config';
import {CONSENT_COOKIE, CONSENT_MAX_AGE_SECONDS} from './contract';
import {cookieDomainFor} from './cookie-domain';
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

/** Names of this machine itself: a server reached directly, as in development and the tests. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/**
 * The origins this site is served from: the configured public origin (SITE_URL — what a browser
 * sends behind a reverse proxy that rewrites Host), and the origin the request was made to when
 * that is this machine itself. Any other Host is not trusted (DNS rebinding makes a foreign page's
 * requests carry a Host of its choice), nor is X-Forwarded-Host.
 */
function siteOrigins(request: Request): string[] {
  const url = new URL(request.url);
  // Next builds request.url from the address it listens on; Host is what the browser addressed.
  const host = request.headers.get('host') ?? url.host;
  const own = LOOPBACK.test(host) ? [`${url.protocol}//${host}`] : [];
  return [new URL(SITE_URL).origin, ...own];
}

/**
 * Only this site's pages and the HeyImg pages that embed the consent (CONSENT_ALLOWED_ORIGINS) may
 * record, read or delete a choice: a foreign page must not (login-CSRF for consent). Answers which
 * of the two the request came from.
 */
export function assertAllowedOrigin(request: Request): 'site' | 'embedding' {
  const {headers} = request;
  const origin = headers.get('origin');
  if (headers.get('sec-fetch-site') === 'cross-site')
    throw new HttpError(403, '他のサイトからの送信は受け付けません。', 'Cross-site requests are not accepted.');
  if (origin === 'null')
    throw new HttpError(403, '送信元が不明なリクエストは受け付けません。', 'Opaque origins are not accepted.');
  // Without Origin (an old browser, a same-origin navigation) Sec-Fetch-Site above is the check.
  if (origin === null) return 'site';
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    throw new HttpError(403, '送信元（Origin）が正しくありません。', 'Malformed Origin header.');
  }
  if (siteOrigins(request).includes(parsed)) return 'site';
  if (allowedOrigins().includes(parsed)) return 'embedding';
  throw new HttpError(403, '他のサイトからの送信は受け付けません。', `Origin ${origin} is not this site.`);
}

/**
 * CORS for a HeyImg page that embeds the consent: its Origin, with credentials (the consent cookie
 * and the HttpOnly proof travel with its requests, same-site), and only for a configured origin.
 */
function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin || !allowedOrigins().includes(origin)) return {};
  return {'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin'};
}

/**
 * The origin of the page a choice was made on, for its receipt: the request's Origin (which
 * assertAllowedOrigin has admitted), or null when the browser sent none.
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

/**
 * The API's answers are never stored, and never transformed: no cache or proxy may change a
 * receipt, a proof or a checkpoint — and Next's compression, which honours no-transform, leaves
 * them alone too. Compressing each answer of a few hundred bytes cost more than a fifth of a
 * receipt's time on the server (a gzip stream per answer, in a profile of the receipts bench).
 */
export const NO_STORE = 'no-store, no-transform';

export function errorResponse(error: HttpError, extraHeaders: Record<string, string> = {}): Response {
  return new Response(`${error.ja}\n${error.en}\n`, {
    status: error.status,
    headers: {'content-type': 'text/plain; charset=utf-8', 'cache-control': NO_STORE, ...extraHeaders},
  });
}

/** The host the browser addressed (Next builds request.url from the address it listens on). */
const hostnameOf = (request: Request) =>
  new URL(`http://${request.headers.get('host') ?? new URL(request.url).host}`).hostname;

/**
 * The consent cookie as the server sets it: the same value and attributes as the browser's store
 * writes, its Domain (CONSENT_COOKIE_DOMAIN) included where the request's host lies within it.
 */
function consentCookieHeader(request: Request, value: string, maxAgeSeconds = CONSENT_MAX_AGE_SECONDS): string {
  const domain = cookieDomainFor(hostnameOf(request), CONSENT_COOKIE_DOMAIN);
  return [
    `${CONSENT_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    ...(domain ? [`Domain=${domain}`] : []),
    `Max-Age=${maxAgeSeconds}`,
    'SameSite=Lax',
    ...(isSecure(request) ? ['Secure'] : []),
  ].join('; ');
}

/**
 * The consent cookie's Set-Cookie headers: the cookie itself, and — where it is shared across
 * HeyImg sites — the end of a cookie of this host alone from before the domain was configured,
 * which would otherwise shadow it. With an empty value and no lifetime, both are cleared.
 */
export function consentCookies(request: Request, value: string, maxAgeSeconds = CONSENT_MAX_AGE_SECONDS): string[] {
  const shared = consentCookieHeader(request, value, maxAgeSeconds);
  const hostOnly = consentCookieHeader(request, '', 0).replace(/; Domain=[^;]+/, '');
  return shared.includes('; Domain=') ? [shared, hostOnly] : [shared];
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
 * OPTIONS of a consent route: the methods it takes (lib/security/request-limits.ts declares them),
 * and for an embedding HeyImg page, the CORS preflight's answer.
 */
export function preflight(request: Request): Response {
  const allowed = allowedMethods(new URL(request.url).pathname);
  const cors = corsHeaders(request);
  return new Response(null, {
    status: 204,
    headers: {
      allow: allowed.join(', '),
      'cache-control': NO_STORE,
      ...(cors['access-control-allow-origin']
        ? {
            ...cors,
            'access-control-allow-methods': allowed.filter((method) => method !== 'OPTIONS').join(', '),
            'access-control-allow-headers': 'content-type',
            'access-control-max-age': '600',
          }
        : {}),
    },
  });
}

export function jsonResponse(
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
  setCookies: string[] = [],
): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', 'cache-control': NO_STORE, ...headers},
  });
  for (const cookie of setCookies) response.headers.append('set-cookie', cookie);
  return response;
}

/**
 * Wraps a route handler: an HttpError becomes its status and bilingual message; anything else is
 * logged with its cause and answered 500 without details. Every answer to an embedding HeyImg page
 * carries its CORS headers, errors included, so that the embed can say what went wrong.
 */
export function handleErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) response = errorResponse(error);
      else {
        logOncePerMinute(`[consent] unexpected error: ${causeOf(error)}`);
        response = errorResponse(new HttpError(500, 'サーバーで問題が起きました。', 'Internal server error.'));
      }
    }
    const request = args[0];
    if (request instanceof Request)
      for (const [name, value] of Object.entries(corsHeaders(request))) response.headers.set(name, value);
    return response;
  };
}
