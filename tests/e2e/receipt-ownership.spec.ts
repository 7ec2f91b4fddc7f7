import {expect, test} from '@playwright/test';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import {banner, consentCookie, setConsentCookie} from './consent-helpers';
import {gotoHydrated, rawRequest} from './helpers';

// Issue 19: what an attacker and a chaos tester found, each answered by the running server.

test('a receipt answers only to its own browser: a forged cookie gets an id of its own, a bare id 403', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: '拒否する'}).click();
  const {record} = (await consentCookie(context))!;
  // The proof is an HttpOnly cookie, sent only to the consent API: page scripts cannot read it.
  await expect
    .poll(async () => (await context.cookies()).find((c) => c.name === PROOF_COOKIE))
    .toMatchObject({httpOnly: true, sameSite: 'Strict', path: '/api/consent'});
  expect(await page.evaluate(() => document.cookie)).not.toContain('heyimg_consent_proof');
  const receipts = `/api/consent/receipts/${record.id}`;
  await expect.poll(async () => (await context.request.get(receipts)).status()).toBe(200);

  // An attacker who knows the id writes a cookie of their own holding it.
  const attacker = await browser.newContext({baseURL});
  const forged = JSON.stringify({...record, ts: Date.now(), c: {analytics: true, advertising: true}});
  await setConsentCookie(attacker, baseURL!, forged);
  const origin = {origin: baseURL!};
  // Its choice is kept, as any browser's whose proof is gone — under a new id, never the victim's.
  const post = await attacker.request.post('/api/consent', {
    headers: {...origin, 'content-type': 'application/json'},
    data: {record: JSON.parse(forged)},
  });
  expect(post.status()).toBe(201);
  expect(await post.json()).toMatchObject({status: 'renewed', previousConsentId: record.id});
  expect((await post.json()).consentId).not.toBe(record.id);
  const form = await attacker.request.post('/api/consent', {
    headers: origin,
    form: {choice: 'accept', locale: 'ja'},
    maxRedirects: 0,
  });
  expect(form.status()).toBe(303);
  expect(form.headers().location).toMatch(/#consent-(renewed|saved)$/);
  expect((await attacker.request.delete(receipts, {headers: origin})).status()).toBe(403);
  expect((await attacker.request.get(receipts)).status()).toBe(403);
  await attacker.close();
  const stranger = await browser.newContext({baseURL});
  expect((await stranger.request.get(receipts)).status()).toBe(403);
  await stranger.close();

  // The owner's record is untouched: one receipt, declined.
  const mine = (await (await context.request.get(receipts)).json()) as {receipts: {choices: object}[]};
  expect(mine.receipts.map((r) => r.choices)).toEqual([{analytics: false, advertising: false}]);
});

test('4,000 cookies are refused with 431 before any route parses them', async ({request}) => {
  const cookie = Array.from({length: 4000}, (_, i) => `c${i}=1`).join('; ');
  for (const path of ['/api/consent', '/api/health', '/privacy']) {
    const response = await request.get(path, {headers: {cookie}, maxRedirects: 0});
    expect(response.status(), path).toBe(431);
  }
});

test('malformed addresses are answered 4xx, never 500', async ({request}) => {
  for (const path of [
    '/api/consent/receipts/%',
    '/api/consent/receipts/%zz',
    '/_next/image?url=%2Fx%0A%1B%5B31mX&w=64&q=75',
  ])
    expect((await request.get(path)).status(), path).toBe(400);
  const raw = async (method: string, path: string) => {
    const {status, headers} = await rawRequest(path, {}, method);
    return {status, allow: headers.allow};
  };
  expect((await raw('GET', '*')).status).toBe(400);
  // TRACE echoes a request back: refused, and Next never sees it (it answered 500).
  expect(await raw('TRACE', '/privacy')).toEqual({status: 405, allow: 'GET, HEAD'});
  expect(await raw('TRACE', '/api/consent')).toEqual({status: 405, allow: 'POST, OPTIONS'});
});

test('redirects carry the security headers, and no response names Next’s internals', async ({request}) => {
  for (const [from, to] of [
    ['/', '/privacy'],
    ['/privacy/', '/privacy'],
    ['/en', '/en/privacy'],
  ] as const) {
    const response = await request.get(from, {maxRedirects: 0});
    expect(response.status(), from).toBeGreaterThanOrEqual(300);
    expect(response.headers().location, from).toBe(to);
    for (const {key, value} of SECURITY_HEADERS)
      expect(response.headers()[key.toLowerCase()], `${from} ${key}`).toBe(value);
  }
  for (const path of ['/privacy', '/en/privacy', '/api/health', '/nowhere', '/sitemap.xml', '/robots.txt']) {
    const names = Object.keys((await request.get(path)).headers());
    expect(
      names.filter((name) => /^x-(nextjs|middleware)-/.test(name)),
      path,
    ).toEqual([]);
  }
});

test('no redirect of the site leaves it, however the address is written (issue 26, H1)', async () => {
  const site = new URL(`http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`);
  for (const start of [
    '/ja//evil.com/x',
    '/ja/\\evil.com/x',
    '/ja///evil.com',
    '/ja//127.0.0.1:8080/x',
    '/ja//evil.com/login?next=1',
    '/ja/%2F%2Fevil.com',
    '/ja/%5Cevil.com',
    '//evil.example',
    '/\\evil.example/',
    '/privacy//evil.com/',
  ]) {
    // Follow the chain the way a browser would, hop by hop, as far as it goes.
    let target = start;
    for (let hop = 0; hop < 5; hop++) {
      const {status, headers} = await rawRequest(target, {});
      if (status < 300 || status >= 400) break;
      const next = new URL(headers.location as string, site.origin + target);
      expect(next.origin, `${start} → ${headers.location}`).toBe(site.origin);
      target = next.pathname + next.search;
    }
  }
});

test('the 404 page’s own address is a 404, kept by a shared cache for a minute at most', async ({request}) => {
  for (const path of ['/page-not-found', '/en/page-not-found']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['cache-control'], path).toBe('public, max-age=0, s-maxage=60');
  }
});
