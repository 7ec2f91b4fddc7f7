import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {pageAnswerer} from '@/lib/pages/front-door';
import {writePageCopy} from '@/lib/pages/prerendered';
import type {CspManifest} from '@/lib/security/csp-manifest';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {MAX_COOKIES} from '@/lib/security/request-limits';
import {siteServer} from '../support/site-server';
import {tempDir} from '../support/temp-dirs';

// Issue 18: the prerendered pages are answered in Node's server, before Next, with the plan and
// headers of lib/pages/plan.ts; issue 29: through the one way in (lib/server/site-server.ts).
const html = (route: string) =>
  `<!DOCTYPE html><html><head><script>boot("${route}")</script></head><body><h1>${route}</h1></body></html>`;

/** A build folder with its manifest: a policy whose 2.0.0 takes effect on 2999-01-01. */
function build() {
  const dist = tempDir('front-door-');
  const routes = ['/ja/privacy/1.0.0', '/en/privacy/1.0.0', '/ja/privacy/2.0.0', '/ja/page-not-found'];
  const prerendered: CspManifest['prerendered'] = {};
  for (const route of routes)
    prerendered[route] = {scripts: [`'sha256-${route}'`], styles: [], etag: writePageCopy(dist, route, html(route))};
  const manifest: CspManifest = {
    prerendered,
    consentCookieDomain: null,
    consentPolicy: {schedule: [], textHashes: {}, registryFingerprint: ''},
    pages: ['/[locale]/privacy/[epoch]', '/[locale]/page-not-found', '/[locale]/not-prerendered'],
    policies: [
      {
        base: '/privacy',
        versions: [
          {version: '1.0.0', effectiveDate: '2020-01-01'},
          {version: '2.0.0', effectiveDate: '2999-01-01'},
        ],
      },
    ],
  };
  return siteServer({pages: pageAnswerer({production: true, dist, manifest})});
}

const decoded = ({headers, body}: {headers: Record<string, unknown>; body: Buffer}) =>
  (headers['content-encoding'] === 'br'
    ? brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? gunzipSync(body)
      : body
  ).toString('utf8');

afterEach(() => vi.unstubAllEnvs());

describe('the front door', () => {
  it('answers a policy page with the version in force, compressed, with its CSP and the security headers', async () => {
    const request = await build();
    const answer = await request('GET', '/privacy', {'accept-encoding': 'gzip, br'});
    expect(answer.status).toBe(200);
    expect(decoded(answer)).toBe(html('/ja/privacy/1.0.0'));
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-length']).toBe(String(answer.body.byteLength));
    expect(answer.headers['content-security-policy']).toContain("script-src 'self' 'sha256-/ja/privacy/1.0.0'");
    expect(answer.headers['cache-control']).toBe('public, max-age=0, s-maxage=600');
    for (const {key, value} of SECURITY_HEADERS) expect(answer.headers[key.toLowerCase()]).toBe(value);
    expect(decoded(await request('GET', '/en/privacy'))).toBe(html('/en/privacy/1.0.0'));
  });

  it('switches to the next version on its effective date (the clock npm test may move)', async () => {
    vi.stubEnv('E2E_FIXTURES', '1');
    const request = await build();
    const day = (date: string) => ({'x-e2e-now': String(Date.parse(`${date}T00:00:00+09:00`))});
    expect(decoded(await request('GET', '/privacy', day('2998-12-31')))).toBe(html('/ja/privacy/1.0.0'));
    expect(decoded(await request('GET', '/privacy', day('2999-01-01')))).toBe(html('/ja/privacy/2.0.0'));
    // A shared cache never keeps the old version past the switch.
    const justBefore = Date.parse('2999-01-01T00:00:00+09:00') - 30_000;
    const cached = await request('GET', '/privacy', {'x-e2e-now': String(justBefore)});
    expect(cached.headers['cache-control']).toBe('public, max-age=0, s-maxage=30');
  });

  it('answers 304 to a client that holds the page, and HEAD with the headers of GET', async () => {
    const request = await build();
    const first = await request('GET', '/privacy', {'accept-encoding': 'gzip'});
    const again = await request('GET', '/privacy', {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    const head = await request('HEAD', '/privacy', {'accept-encoding': 'gzip'});
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.headers.etag).toBe(first.headers.etag);
  });

  it('answers an unknown address, and the 404 page’s own, with the 404 page and status 404', async () => {
    const request = await build();
    for (const target of ['/nope', '/privacy/nope', '/page-not-found']) {
      const answer = await request('GET', target);
      expect(answer.status, target).toBe(404);
      expect(decoded(answer), target).toBe(html('/ja/page-not-found'));
      expect(answer.headers['cache-control'], target).toBe('public, max-age=0, s-maxage=60');
    }
  });

  it('redirects /ja/… to the unprefixed path, roots to their policy, trailing and repeated slashes', async () => {
    const request = await build();
    for (const [target, status, location] of [
      ['/ja/privacy?x=1', 307, '/privacy?x=1'],
      ['/', 307, '/privacy'],
      ['/en', 307, '/en/privacy'],
      ['/privacy/', 308, '/privacy'],
      ['//evil.example/', 308, '/evil.example'],
      ['/ja//evil.com/x', 308, '/ja/evil.com/x'],
      ['/ja/\\evil.com/x', 308, '/ja/evil.com/x'],
      ['/ja/evil.com/x', 307, '/evil.com/x'],
    ] as const) {
      const answer = await request('GET', target);
      expect(answer.status, target).toBe(status);
      expect(answer.headers.location, target).toBe(location);
      expect(answer.headers['x-frame-options'], target).toBe('DENY');
    }
  });

  it('refuses too many cookies and broken percent-encoding', async () => {
    const request = await build();
    const cookie = Array.from({length: MAX_COOKIES + 1}, (_, i) => `c${i}=1`).join('; ');
    expect((await request('GET', '/privacy', {cookie})).status).toBe(431);
    expect((await request('GET', '/privacy?x=%E3')).status).toBe(400);
  });

  it('leaves to Next what is not a prerendered page: the API, files, a page of the app not prerendered', async () => {
    const request = await build();
    for (const [target, reached] of [
      ['/api/health', '/api/health'],
      ['/icon.svg', '/icon.svg'],
      ['/_next/static/x.js', '/_next/static/x.js'],
      ['/not-prerendered', '/ja/not-prerendered'],
    ] as const) {
      const answer = await request('GET', target);
      expect(answer.body.toString(), target).toBe(`reached Next ${reached}`);
    }
  });
});
