import {describe, expect, it} from 'vitest';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {
  allowedMethods,
  checkCookieHeader,
  earlyAnswer,
  MAX_COOKIE_BYTES,
  MAX_COOKIES,
} from '@/lib/security/request-limits';
import {guardedServer} from '../support/guarded-server';

// Issue 19, finding 2 (one Cookie header of 4,019 names stalled the server ~2 s) and the smaller
// items of finding 7 that the proxy answers before any route.
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

  it('refuses control characters that would reach a log line (/_next/image?url=)', () => {
    const injected = get('/_next/image?url=%2Fx%0A%1B%5B31mINJECTED&w=64&q=75');
    expect(injected?.status).toBe(400);
    expect(injected?.body).toMatch(/control characters/);
  });
});

describe('the site’s redirects carry the security headers', () => {
  it.each([
    ['/', '/privacy', 307],
    ['/en', '/en/privacy', 307],
    ['/privacy/', '/privacy', 308],
    ['/en/privacy/versions/', '/en/privacy/versions', 308],
    ['//evil.example/', '/evil.example', 308],
    ['/privacy/?lang=x', '/privacy?lang=x', 308],
  ])('%s → %s (%i)', (from, to, code) => {
    const answer = get(from)!;
    expect(answer.status).toBe(code);
    expect(answer.headers.location).toBe(to);
    for (const {key, value} of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it('leaves everything else to the routes', () => {
    expect(get('/privacy')).toBeNull();
    expect(get('/api/consent/receipts/' + 'a'.repeat(32))).toBeNull();
  });
});

describe('what Node’s server answers before Next (guardNodeServer)', () => {
  it.each([
    ['/privacy', 'GET, HEAD'],
    ['/api/consent', 'POST'],
    ['/api/consent/receipts/0123456789abcdef0123456789abcdef', 'GET, DELETE'],
    ['/api/health?x=1', 'GET'],
  ])('TRACE %s → 405, Allow: %s, with the security headers', async (target, allow) => {
    const answer = await (await guardedServer())('TRACE', target);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.body.toString()).toMatch(/TRACE is not allowed/);
    for (const {key, value} of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
  });

  it('answers 400 to a target that is not a path, and lets a GET through', async () => {
    const request = await guardedServer();
    expect((await request('GET', '*')).status).toBe(400);
    const page = await request('GET', '/privacy');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe('reached Next');
  });

  it('names the methods the consent routes name in their own 405', async () => {
    const consent = await import('@/app/api/consent/route');
    const receipts = await import('@/app/api/consent/receipts/[id]/route');
    const health = await import('@/app/api/health/route');
    expect(consent.PUT().headers.get('allow')).toBe(allowedMethods('/api/consent'));
    expect(receipts.PUT().headers.get('allow')).toBe(allowedMethods('/api/consent/receipts/x'));
    const handlers = Object.keys(health).filter((name) => /^[A-Z]+$/.test(name));
    expect(handlers.join(', ')).toBe(allowedMethods('/api/health'));
  });
});
