import type {Answer} from '../http/answer';
import {NON_PAGE_CSP, withSecurityHeaders} from './headers';

/**
 * What the site answers before any page or route sees a request (lib/server/site-server.ts, the one
 * way in): bounds on what a route would parse, the methods each address takes, and the site's own
 * redirects (which Next would send without the security headers).
 *
 * Why before the routes: Next's route-handler adapter copies every cookie of the request
 * into its cookie stores one by one, at a cost that grows with the square of their number (4,019
 * cookies ≈ 2 s of the one main thread). Only a bound checked before the handler keeps each
 * request's cost flat. Node already caps all headers together at 16 KB (431); the consent routes
 * cap bodies (2 KB), and validate the id, the Origin, the Referer and the content type, each
 * parsed once and linearly.
 */

/** Far more than the site and any tag on its domain set; each is linear to check. */
export const MAX_COOKIES = 64;
export const MAX_COOKIE_BYTES = 8192;

/**
 * Characters no address of the site holds, and which a log line must never receive: C0 and C1
 * controls and DEL (they end or colour a line), the Unicode line and paragraph separators (a log
 * reader that splits on them sees a forged line), and the bidirectional overrides and isolates
 * (they reorder what a reader sees).
 */
const UNSAFE_IN_ADDRESS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Redirects of the site's roots: a locale's root leads to its policy. */
const ROOT_REDIRECTS: Record<string, string> = {'/': '/privacy', '/ja': '/privacy', '/en': '/en/privacy'};

export function plainAnswer(status: number, ja: string, en: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: withSecurityHeaders({
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': NON_PAGE_CSP,
      ...headers,
    }),
    body: `${ja}\n${en}\n`,
  };
}

/**
 * The one builder of a same-site address that the site sends a browser to (every redirect's
 * Location, the no-JS form's way back): a path with exactly one leading slash, whatever was sent.
 * Browsers read `//host`, `/\host` and `\\host` as another host, and drop tabs and newlines before
 * reading, so all of them (and their mixes) collapse to one `/`; what is left can only be a path of
 * this site, which the final check makes sure of.
 */
export function sitePath(path: string): string {
  const location = '/' + path.replace(/[\t\n\r]/g, '').replace(/^[/\\\s]+/, '');
  const base = 'http://site.invalid';
  try {
    return new URL(location, base).origin === base ? location : '/';
  } catch {
    return '/';
  }
}

/** A redirect within the site; its Location is a path (RFC 9110 allows it) built by sitePath. */
export function redirect(path: string, status: 303 | 307 | 308, cacheControl = 'no-store'): Answer {
  return {
    status,
    headers: withSecurityHeaders({
      location: sitePath(path),
      'cache-control': cacheControl,
      'content-security-policy': NON_PAGE_CSP,
    }),
    body: null,
  };
}

/** 431 when the Cookie header holds more cookies or bytes than any visitor of this site has. */
export function checkCookieHeader(cookie: string | null | undefined): Answer | null {
  if (!cookie) return null;
  let count = 1;
  for (let i = cookie.indexOf(';'); i >= 0 && count <= MAX_COOKIES; i = cookie.indexOf(';', i + 1)) count++;
  if (count <= MAX_COOKIES && cookie.length <= MAX_COOKIE_BYTES) return null;
  return plainAnswer(
    431,
    `Cookie が多すぎるか大きすぎます（${MAX_COOKIES} 個・${MAX_COOKIE_BYTES} バイトまで）。このサイトの Cookie を削除してから開き直してください。`,
    `Too many or too large cookies (at most ${MAX_COOKIES} and ${MAX_COOKIE_BYTES} bytes). Clear this site's cookies and reload.`,
  );
}

/**
 * The methods each address takes, declared once: the 405's Allow, and the route handlers' own
 * exports (tests/unit/request-limits.test.ts holds them equal). OPTIONS on the consent API is the
 * CORS preflight of a HeyImg page that embeds the consent.
 */
export function allowedMethods(pathname: string): readonly string[] {
  if (pathname === '/api/consent') return ['POST', 'OPTIONS'];
  if (pathname.startsWith('/api/consent/receipts/')) return ['GET', 'DELETE', 'OPTIONS'];
  return ['GET', 'HEAD'];
}

/**
 * The early answer for a request, or null to let it through: 431 for an oversized Cookie header;
 * 400 for a path that is not valid percent-encoding (`/api/consent/receipts/%zz`, which Next would
 * answer 500) or an address with characters no address holds (which Next's own log lines would
 * print); the site's redirects (roots, trailing slashes, repeated slashes), with the security
 * headers.
 */
export function earlyAnswer(url: {pathname: string; search: string}, cookie: string | null | undefined): Answer | null {
  const tooMany = checkCookieHeader(cookie);
  if (tooMany) return tooMany;
  let path: string;
  let query: string;
  try {
    path = decodeURIComponent(url.pathname);
    query = decodeURIComponent(url.search.replaceAll('+', ' '));
  } catch {
    return plainAnswer(400, 'アドレスの % の使い方が正しくありません。', 'Malformed percent-encoding in the address.');
  }
  if (UNSAFE_IN_ADDRESS.test(path) || UNSAFE_IN_ADDRESS.test(query))
    return plainAnswer(400, 'アドレスに制御文字が含まれています。', 'The address contains control characters.');
  if (url.pathname in ROOT_REDIRECTS) return redirect(ROOT_REDIRECTS[url.pathname]! + url.search, 307);
  // Repeated slashes anywhere, and a trailing one outside the API: one address per page.
  let collapsed = url.pathname.replace(/\/{2,}/g, '/');
  if (!collapsed.startsWith('/api/')) collapsed = collapsed.replace(/(.)\/$/, '$1');
  if (collapsed !== url.pathname) return redirect(collapsed + url.search, 308);
  return null;
}

/**
 * What no page or route may see, answered before any of them: a request target that is not a path
 * (`GET *`, an absolute URL: Next answers them 500 with a stack trace), a method the address does
 * not take (405 with its Allow: TRACE would echo credentials back; a POST to a page would make Next
 * read a body nobody wants), then the early answers above.
 */
export function refuseRequest(method: string, target: string, cookie: string | undefined): Answer | null {
  if (!target.startsWith('/'))
    return plainAnswer(400, 'リクエストの宛先が正しくありません。', 'The request target must be a path.');
  const url = new URL(`http://site.invalid${target}`);
  const allowed = allowedMethods(url.pathname);
  if (!allowed.includes(method))
    return plainAnswer(
      405,
      `このアドレスは ${method} を受け付けません（${allowed.join('・')}）。`,
      `${method} is not allowed here (${allowed.join(', ')}).`,
      {allow: allowed.join(', ')},
    );
  return earlyAnswer(url, cookie);
}
