import {describe, expect, it} from 'vitest';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {
  allowedMethods,
  checkCookieHeader,
  earlyAnswer,
  MAX_COOKIE_BYTES,
  MAX_COOKIES,
  redirect,
  refuseRequest,
  sitePath,
} from '@/lib/security/request-limits';

// Issue 19, finding 2 (one Cookie header of 4,019 names stalled the server ~2 s), the smaller items
// of its finding 7, and issue 26 (an open redirect, Unicode line separators in log lines, methods).
const cookies = (n: number) => Array.from({length: n}, (_, i) => `c${i}=1`).join('; ');
const get = (path: string, cookie?: string) => earlyAnswer(new URL(`http://127.0.0.1:3000${path}`), cookie);

describe('the Cookie header is bounded before any route parses it', () => {
  it('answers 431 to 4,000 distinct cookies, and to one oversized cookie', () => {
    const many = get('/api/consent', cookies(4000));
    expect(many?.status).toBe(431);
    expect(many?.body).toMatch(/Too many or too large cookies/);
    expect(checkCookieHeader(`big=${'x'.repeat(MAX_COOKIE_BYTES)}`)?.status).toBe(431);
  });

  it('lets a normal jar through, up to the bound', () => {
    expect(checkCookieHeader(cookies(MAX_COOKIES))).toBeNull();
    expect(checkCookieHeader(cookies(MAX_COOKIES + 1))?.status).toBe(431);
    expect(checkCookieHeader(null)).toBeNull();
    expect(get('/privacy', 'heyimg_consent=%7B%7D')).toBeNull();
  });
});

describe('malformed addresses are the client’s error, never the server’s', () => {
  it.each(['/api/consent/receipts/%', '/api/consent/receipts/%zz', '/privacy?x=%E3'])('%s → 400', (path) => {
    expect(get(path)?.status).toBe(400);
  });

  it.each([
    ['a newline and an escape sequence', '/_next/image?url=%2Fx%0A%1B%5B31mINJECTED&w=64&q=75'],
    ['U+2028 (a line separator to log readers)', '/x%E2%80%A8[consent]%20the%20store%20failed.png'],
    ['U+2029', '/privacy?q=%E2%80%A9'],
    ['NEL (U+0085)', '/x%C2%85y'],
    ['RLO (U+202E)', '/privacy%E2%80%AE'],
    ['an isolate (U+2066)', '/privacy?q=%E2%81%A6'],
  ])('refuses %s, which would reach a log line', (_what, path) => {
    const answer = get(path);
    expect(answer?.status).toBe(400);
    expect(answer?.body).toMatch(/control characters/);
  });
});

describe('no redirect of the site ever leaves its origin', () => {
  // Every shape a browser could read as another host, raw and percent-encoded, in every position the
  // site builds a Location from: the /ja/… prefix, a trailing slash, a root with a query, and the
  // no-JS form's way back (lib/consent/http.ts returnPath, which calls the same sitePath).
  const hostile = [
    '//evil.com/x',
    '///evil.com/x',
    '////evil.com',
    '/\\evil.com/x',
    '\\/evil.com/x',
    '\\\\evil.com',
    '/\\/evil.com',
    '/ /evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '\t//evil.com',
    '/%2F%2Fevil.com',
    '/%2f/evil.com',
    '/%5Cevil.com',
    '/%5C%5Cevil.com',
    '/%09/evil.com',
    '//127.0.0.1:8080/x',
    '//evil.com/login?next=1',
    '/.//evil.com',
    'https://evil.com/',
    'javascript:alert(1)',
  ];
  const base = 'http://heyimg.test';
  const staysHome = (location: string) => new URL(location, `${base}/some/page`).origin === base;

  it.each(hostile)('sitePath(%j) is a path of this site', (path) => {
    const location = sitePath(path);
    expect(location.startsWith('/')).toBe(true);
    expect(location[1]).not.toMatch(/[/\\]/);
    expect(staysHome(location)).toBe(true);
  });

  it.each(hostile)('every redirect the site answers to %j stays on the site', (shape) => {
    for (const target of [`/ja${shape}`, `/ja/privacy${shape}/`, `${shape}/`, `/${shape}`]) {
      let url: URL;
      try {
        url = new URL(`http://site.invalid${target.startsWith('/') ? target : `/${target}`}`);
      } catch {
        continue; // not a request target a client could send
      }
      const answer = earlyAnswer(url, null) ?? redirect(url.pathname.replace(/^\/ja/, '') + url.search, 307);
      if (answer.headers.location !== undefined) expect(staysHome(answer.headers.location), target).toBe(true);
    }
    expect(staysHome(redirect(shape, 303).headers.location!)).toBe(true);
  });

  it('keeps an ordinary path and its query as they are', () => {
    expect(sitePath('/privacy?x=1')).toBe('/privacy?x=1');
    expect(sitePath('/en/privacy/versions/1.0.0')).toBe('/en/privacy/versions/1.0.0');
  });
});

describe('the site’s redirects carry the security headers', () => {
  it.each([
    ['/', '/privacy', 307],
    ['/en', '/en/privacy', 307],
    ['/privacy/', '/privacy', 308],
    ['/en/privacy/versions/', '/en/privacy/versions', 308],
    ['//evil.example/', '/evil.example', 308],
    ['//evil.example', '/evil.example', 308],
    ['/ja//evil.com/x', '/ja/evil.com/x', 308],
    ['/privacy/?lang=x', '/privacy?lang=x', 308],
    ['/api//consent', '/api/consent', 308],
  ])('%s → %s (%i)', (from, to, code) => {
    const answer = get(from)!;
    expect(answer.status).toBe(code);
    expect(answer.headers.location).toBe(to);
    for (const {key, value} of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it('leaves everything else to the pages and routes', () => {
    expect(get('/privacy')).toBeNull();
    expect(get('/api/consent/receipts/' + 'a'.repeat(32))).toBeNull();
  });
});

describe('the methods each address takes', () => {
  it.each([
    ['TRACE', '/privacy', 'GET, HEAD'],
    ['POST', '/privacy', 'GET, HEAD'],
    ['OPTIONS', '/privacy', 'GET, HEAD'],
    ['PROPFIND', '/api/consent', 'POST, OPTIONS'],
    ['GET', '/api/consent', 'POST, OPTIONS'],
    ['PUT', '/api/consent/receipts/0123456789abcdef0123456789abcdef', 'GET, DELETE, OPTIONS'],
    ['TRACE', '/api/health?x=1', 'GET, HEAD'],
    ['POST', '/api/health', 'GET, HEAD'],
  ])('%s %s → 405, Allow: %s, with the security headers', (method, target, allow) => {
    const answer = refuseRequest(method, target, undefined)!;
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.body).toMatch(new RegExp(`${method} is not allowed here`));
    for (const {key, value} of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it('answers 400 to a target that is not a path', () => {
    expect(refuseRequest('GET', '*', undefined)?.status).toBe(400);
    expect(refuseRequest('GET', 'http://evil.example/privacy', undefined)?.status).toBe(400);
    expect(refuseRequest('GET', '/privacy', undefined)).toBeNull();
  });

  it('names exactly the methods the consent routes implement', async () => {
    const handlers = async (route: Promise<Record<string, unknown>>) =>
      Object.keys(await route)
        .filter((name) => /^[A-Z]+$/.test(name))
        .sort();
    expect(await handlers(import('@/app/api/consent/route'))).toEqual([...allowedMethods('/api/consent')].sort());
    expect(await handlers(import('@/app/api/consent/receipts/[id]/route'))).toEqual(
      [...allowedMethods('/api/consent/receipts/x')].sort(),
    );
    // HEAD of a GET route is Next's own.
    expect(await handlers(import('@/app/api/health/route'))).toEqual(['GET']);
    expect(allowedMethods('/api/health')).toEqual(['GET', 'HEAD']);
  });
});
