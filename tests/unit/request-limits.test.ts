import {describe, expect, it} from 'vitest';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {checkCookieHeader, earlyResponse, MAX_COOKIE_BYTES, MAX_COOKIES} from '@/lib/security/request-limits';

// Issue 19, finding 2 (one Cookie header of 4,019 names stalled the server ~2 s) and the smaller
// items of finding 7 that the proxy answers before any route.
const cookies = (n: number) => Array.from({length: n}, (_, i) => `c${i}=1`).join('; ');
const get = (path: string, headers: Record<string, string> = {}) =>
  earlyResponse(new Request(`http://127.0.0.1:3000${path}`, {headers}));

describe('the Cookie header is bounded before any route parses it', () => {
  it('answers 431 to 4,000 distinct cookies, and to one oversized cookie', async () => {
    const many = get('/api/consent', {cookie: cookies(4000)});
    expect(many?.status).toBe(431);
    expect(await many?.text()).toMatch(/Too many or too large cookies/);
    expect(checkCookieHeader(`big=${'x'.repeat(MAX_COOKIE_BYTES)}`)?.status).toBe(431);
  });

  it('lets a normal jar through, up to the bound', () => {
    expect(checkCookieHeader(cookies(MAX_COOKIES))).toBeNull();
    expect(checkCookieHeader(cookies(MAX_COOKIES + 1))?.status).toBe(431);
    expect(checkCookieHeader(null)).toBeNull();
    expect(get('/privacy', {cookie: 'heyimg_consent=%7B%7D'})).toBeNull();
  });
});

describe('malformed addresses are the client’s error, never the server’s', () => {
  it.each(['/api/consent/receipts/%', '/api/consent/receipts/%zz', '/privacy?x=%E3'])('%s → 400', (path) => {
    expect(get(path)?.status).toBe(400);
  });

  it('refuses control characters that would reach a log line (/_next/image?url=)', async () => {
    const injected = get('/_next/image?url=%2Fx%0A%1B%5B31mINJECTED&w=64&q=75');
    expect(injected?.status).toBe(400);
    expect(await injected?.text()).toMatch(/control characters/);
  });
});

describe('the site’s redirects carry the security headers', () => {
  it.each([
    ['/', '/privacy', 307],
    ['/en', '/en/privacy', 307],
    ['/privacy/', '/privacy', 308],
    ['/en/privacy/versions/', '/en/privacy/versions', 308],
    ['//evil.example/', '/evil.example', 308],
  ])('%s → %s (%i)', (from, to, code) => {
    const response = get(from)!;
    expect(response.status).toBe(code);
    expect(response.headers.get('location')).toBe(`http://127.0.0.1:3000${to}`);
    for (const {key, value} of SECURITY_HEADERS) expect(response.headers.get(key)).toBe(value);
  });

  it('leaves everything else to the routes', () => {
    expect(get('/privacy')).toBeNull();
    expect(get('/api/consent/receipts/' + 'a'.repeat(32))).toBeNull();
  });
});
