import type {IncomingMessage, ServerResponse} from 'node:http';
import {writeAnswer, type Answer} from '../http/answer';
import {NON_PAGE_CSP, withSecurityHeaders} from './headers';

/**
 * What the site answers before any route sees a request: bounds on what a route would parse, and
 * the site's own redirects (which Next would send without the security headers). Checked by the
 * front door for the pages it answers (lib/pages/front-door.ts) and by the proxy (proxy.ts) for
 * everything else its matcher covers: pages Next answers, the API and /_next/image.
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

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Redirects of the site's roots: a locale's root leads to its policy. */
const ROOT_REDIRECTS: Record<string, string> = {'/': '/privacy', '/ja': '/privacy', '/en': '/en/privacy'};

function plain(status: number, ja: string, en: string, headers: Record<string, string> = {}): Answer {
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

/** A redirect within the site; `location` is a path (RFC 9110 allows it; the proxy makes it absolute). */
export function redirect(location: string, status: 307 | 308, cacheControl = 'no-store'): Answer {
  return {
    status,
    headers: withSecurityHeaders({location, 'cache-control': cacheControl, 'content-security-policy': NON_PAGE_CSP}),
    body: null,
  };
}

/** 431 when the Cookie header holds more cookies or bytes than any visitor of this site has. */
export function checkCookieHeader(cookie: string | null | undefined): Answer | null {
  if (!cookie) return null;
  let count = 1;
  for (let i = cookie.indexOf(';'); i >= 0 && count <= MAX_COOKIES; i = cookie.indexOf(';', i + 1)) count++;
  if (count <= MAX_COOKIES && cookie.length <= MAX_COOKIE_BYTES) return null;
  return plain(
    431,
    `Cookie が多すぎるか大きすぎます（${MAX_COOKIES} 個・${MAX_COOKIE_BYTES} バイトまで）。このサイトの Cookie を削除してから開き直してください。`,
    `Too many or too large cookies (at most ${MAX_COOKIES} and ${MAX_COOKIE_BYTES} bytes). Clear this site's cookies and reload.`,
  );
}

/**
 * The early answer for a request, or null to let it through: 431 for an oversized Cookie header;
 * 400 for a path that is not valid percent-encoding (`/api/consent/receipts/%zz`, which Next would
 * answer 500) or a URL with control characters (which Next's image route would write into the
 * log); the site's redirects (roots, trailing slashes), with the security headers.
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
    return plain(400, 'アドレスの % の使い方が正しくありません。', 'Malformed percent-encoding in the address.');
  }
  if (CONTROL.test(path) || CONTROL.test(query))
    return plain(400, 'アドレスに制御文字が含まれています。', 'The address contains control characters.');
  if (url.pathname in ROOT_REDIRECTS) return redirect(ROOT_REDIRECTS[url.pathname]! + url.search, 307);
  if (url.pathname.length > 1 && url.pathname.endsWith('/') && !url.pathname.startsWith('/api/'))
    // One leading slash, whatever was sent: //evil.example/ must not become //evil.example.
    return redirect('/' + url.pathname.replace(/^\/+|\/+$/g, '') + url.search, 308);
  return null;
}

/**
 * Whether a path is a page's (locales, epochs, CSP apply): not the API, not Next's files, not a file
 * of public/ or a metadata route (sitemap.xml, icon.svg). Version numbers (/privacy/versions/1.0.0)
 * have dots too: only a trailing extension of letters marks a file.
 */
export function isPageRequest(pathname: string): boolean {
  return (
    !pathname.startsWith('/api/') &&
    pathname !== '/api' &&
    !pathname.startsWith('/_next/') &&
    !pathname.startsWith('/_vercel/') &&
    !/\.[a-zA-Z]+$/.test(pathname)
  );
}

/** Next's internal headers, which tell a client how the server works inside and nothing it needs. */
const INTERNAL_HEADER = /^x-(nextjs-[a-z-]+|middleware-rewrite)$/i;

/**
 * The methods each address answers, for the 405 to TRACE (which echoes a request back, credentials
 * included, and which Next answers 500 with a stack trace in the log; Node itself refuses TRACK).
 * The consent routes' own 405s say the same (tests/unit/request-limits.test.ts holds them equal).
 */
export function allowedMethods(url: string): string {
  const path = url.split('?')[0]!;
  if (path.startsWith('/api/consent/receipts/')) return 'GET, DELETE';
  if (path === '/api/consent') return 'POST';
  if (path === '/api/health') return 'GET';
  return 'GET, HEAD';
}

/** Answers a request in Node's server, before Next, and says so; false leaves it to Next. */
export type FrontDoor = (request: IncomingMessage, response: ServerResponse) => boolean;

const frontDoorFailures = new Set<string>();

/**
 * The front door's answer, or false. A failure there must not take the server down (an exception
 * in a 'request' listener would): it is logged once per message, and Next answers instead.
 */
function answeredAtFrontDoor(frontDoor: FrontDoor, request: IncomingMessage, response: ServerResponse): boolean {
  try {
    return frontDoor(request, response);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!frontDoorFailures.has(message)) {
      frontDoorFailures.add(message);
      console.error('[pages] the front door failed; Next answers instead:', error);
    }
    if (!response.headersSent) return false;
    response.destroy();
    return true;
  }
}

/**
 * What only Node's HTTP server sees, before Next: a request target that is not a path (`GET *`,
 * an absolute URL), which Next answers with a 500 and a stack trace in the log, is answered 400
 * here, and TRACE 405; the front door, when given, answers what it can (the prerendered pages:
 * lib/pages/front-door.ts); and Next's internal headers (x-nextjs-cache, x-nextjs-prerender,
 * x-nextjs-stale-time, x-middleware-rewrite — which names the internal route) are left out of
 * every response Next writes. Installed once, at server start (instrumentation.ts).
 */
export function guardNodeServer(
  server: {prototype: {emit: (event: string, ...args: unknown[]) => boolean}},
  frontDoor?: FrontDoor,
): void {
  const emit = server.prototype.emit;
  if ((emit as {guarded?: true}).guarded) return;
  const guarded = function (this: unknown, event: string, ...args: unknown[]): boolean {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [request, response] = args as [IncomingMessage, ServerResponse];
    const refuse = (answer: Answer) => {
      writeAnswer(response, answer, request.method === 'HEAD');
      return true;
    };
    if (!request.url?.startsWith('/'))
      return refuse(plain(400, 'リクエストの宛先が正しくありません。', 'The request target must be a path.'));
    if (request.method === 'TRACE')
      return refuse(
        plain(405, 'このアドレスは TRACE を受け付けません。', 'TRACE is not allowed.', {
          allow: allowedMethods(request.url),
        }),
      );
    if (frontDoor && answeredAtFrontDoor(frontDoor, request, response)) return true;
    const setHeader = response.setHeader;
    response.setHeader = function (name, value) {
      return INTERNAL_HEADER.test(name) ? this : setHeader.call(this, name, value);
    };
    return emit.call(this, event, ...args);
  };
  server.prototype.emit = Object.assign(guarded, {guarded: true as const});
}
