import {existsSync, readFileSync} from 'node:fs';
import {brotliDecompressSync, gunzipSync, gzipSync} from 'node:zlib';
import {expect, test} from '@playwright/test';
import {readPolicyHistory} from '@/lib/policy/load';
import {CSP_MANIFEST_FILE, distDir} from '@/lib/security/csp-manifest';
import {embedDataPath} from '@/components/consent/embed-data';
import {EMBED_VERSION} from '@/components/consent/embed-version';
import {gotoHydrated, rawRequest} from './helpers';

// scripts/test.sh keeps `next build`'s output here, so the route table can be checked as printed.
const DIST = distDir();
const BUILD_LOG = `${DIST}/build-output.log`;

test('the build lists the policy routes, archive and comparison included, as statically generated (●)', () => {
  expect(existsSync(BUILD_LOG), `${BUILD_LOG} is written by npm test's build step: run npm test`).toBe(true);
  const log = readFileSync(BUILD_LOG, 'utf8');
  // Next lists each route and, under it, the paths it prerendered (●); the full list is the manifest's.
  const routes = log.split('\n').map((line) => line.replace(/ \(\d+ ms\)$/, ''));
  for (const route of ['privacy/[epoch]', 'privacy/[epoch]/versions', 'privacy/[epoch]/versions/[version]'])
    expect(
      routes.some((line) => line.endsWith(` /[locale]/${route}`)),
      route,
    ).toBe(true);
  expect(log).toMatch(/● \/ja\/privacy\/\d+\.\d+\.\d+/);
  const manifest = JSON.parse(readFileSync(`${DIST}/prerender-manifest.json`, 'utf8')) as {
    routes: Record<string, unknown>;
  };
  // Every epoch of the real record, every version at its address and every comparison, in both
  // languages: whatever versions legal staff have published.
  const versions = readPolicyHistory('content/privacy').versions.map((v) => v.version);
  const expected = ['ja', 'en'].flatMap((locale) =>
    versions.flatMap((epoch) => [
      `/${locale}/privacy/${epoch}`,
      `/${locale}/privacy/${epoch}/versions`,
      ...versions.map((v) => `/${locale}/privacy/${epoch}/versions/${v}`),
      ...versions.slice(1).map((v) => `/${locale}/privacy/${epoch}/versions/${v}/changes`),
    ]),
  );
  expect(Object.keys(manifest.routes)).toEqual(
    expect.arrayContaining([
      ...expected,
      '/ja/e2e-fixtures/privacy/1.0.0/versions/1.1.0/changes',
      '/en/e2e-fixtures/privacy/1.1.0/versions/1.1.0/changes',
    ]),
  );
});

// Byte budgets on the build output (speed itself is measured by npm run bench, never asserted).
test('/privacy is a document: no framework runtime, one small script, within its byte budgets', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/privacy')).text();
  const gzip = async (url: string) => gzipSync(await (await request.get(url)).body()).byteLength;
  // What a browser loads, not what the HTML names: the boot script loads the island after the paint.
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') loaded.push(new URL(r.url()).pathname);
  });
  await gotoHydrated(page, '/privacy');
  const scripts = [...new Set(loaded)];
  // The only script file is the consent island; no Next or React runtime, no data for hydration.
  expect(scripts).toEqual([expect.stringMatching(/^\/assets\/consent\.[0-9a-f]{16}\.js$/)]);
  expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  expect(html).not.toContain('__NEXT_DATA__');
  expect(html).not.toMatch(/_next\//);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const js = (await Promise.all(scripts.map(gzip))).reduce((a, b) => a + b, 0) + gzipSync(inline).byteLength;
  // The CSS is inlined (no render-blocking stylesheet request).
  expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
  const css = gzipSync([...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('')).byteLength;
  // Everything the page runs, the boot script and the island's data included (issue 18's goal: 15 KB).
  expect(js, 'JavaScript, gzip').toBeLessThanOrEqual(15 * 1024);
  expect(css, 'CSS, gzip').toBeLessThanOrEqual(7 * 1024);
  // The text once: no second copy for a framework (the limit, the same HTML without scripts, is ≈ 11 KB).
  expect(gzipSync(html).byteLength, 'HTML with its CSS, gzip').toBeLessThanOrEqual(16 * 1024);
});

test('the embed for another HeyImg page: its code, markup and strings within 15 KB gzip (issue 27)', async ({
  request,
}) => {
  const gzip = async (url: string) => gzipSync(await (await request.get(url)).body()).byteLength;
  const code = await gzip(`/consent/embed/${EMBED_VERSION}/consent.js`);
  for (const locale of ['ja', 'en']) {
    const data = await gzip(embedDataPath(locale));
    expect(code + data, `the embed and its ${locale} data, gzip`).toBeLessThanOrEqual(15 * 1024);
  }
});

test('every <time> on every page holds a date, and says which (the W3C checker’s rule)', async ({request}) => {
  const manifest = JSON.parse(readFileSync(`${DIST}/${CSP_MANIFEST_FILE}`, 'utf8'));
  const pages = ['/privacy', '/en/privacy', '/privacy/versions', '/e2e-fixtures/privacy', '/external-transmission'];
  expect(Object.keys(manifest.prerendered).length).toBeGreaterThan(pages.length);
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    for (const [element, datetime, text] of html.matchAll(/<time(?:\s+datetime="([^"]*)")?[^>]*>([^<]*)<\/time>/gi)) {
      expect(datetime, `${path}: ${element}`).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(text!.trim(), `${path}: ${element}`).not.toBe('');
    }
    expect(html, `${path}: a <time> with something other than text in it`).not.toMatch(/<time[^>]*\/>/);
  }
});

// The front door answers a prerendered page in Node's server, before Next, from copies compressed
// at build (lib/pages/front-door.ts): what a browser and a cache rely on must hold as it did when
// Next served it.
test('a page is the same HTML in every coding, 304 when unchanged, and HEAD has GET’s headers and no body', async () => {
  for (const path of ['/privacy', '/en/privacy', '/privacy/versions', '/external-transmission', '/nowhere']) {
    const plain = await rawRequest(path, {});
    const gzip = await rawRequest(path, {'accept-encoding': 'gzip'});
    const br = await rawRequest(path, {'accept-encoding': 'gzip, deflate, br, zstd'});
    expect(plain.status, path).toBe(path === '/nowhere' ? 404 : 200);
    expect([gzip.status, br.status], path).toEqual([plain.status, plain.status]);
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    expect(gzip.headers['content-encoding'], path).toBe('gzip');
    expect(br.headers['content-encoding'], path).toBe('br');
    expect(gunzipSync(gzip.body).toString('utf8'), path).toBe(plain.body.toString('utf8'));
    expect(brotliDecompressSync(br.body).toString('utf8'), path).toBe(plain.body.toString('utf8'));
    for (const answer of [plain, gzip, br]) {
      expect(answer.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(answer.headers['content-length'], path).toBe(String(answer.body.byteLength));
    }
    expect(plain.body.toString('utf8'), path).toMatch(/^<!DOCTYPE html>/i);
    expect(plain.headers['content-type'], path).toBe('text/html; charset=utf-8');
    expect(plain.headers['content-security-policy'], path).toMatch(/script-src 'self' 'sha256-/);
    const etag = String(br.headers.etag);
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    expect(new Set([plain, gzip, br].map((answer) => answer.headers.etag)).size, path).toBe(3);
    const again = await rawRequest(path, {'accept-encoding': 'gzip, deflate, br, zstd', 'if-none-match': etag});
    const head = await rawRequest(path, {'accept-encoding': 'gzip, deflate, br, zstd'}, 'HEAD');
    expect(head.status, path).toBe(plain.status);
    expect(head.body.byteLength, path).toBe(0);
    expect(head.headers.etag, path).toBe(etag);
    expect(head.headers['content-length'], path).toBe(br.headers['content-length']);
    if (path === '/nowhere') {
      expect(again.status, path).toBe(404);
      continue;
    }
    expect(again.status, path).toBe(304);
    expect(again.body.byteLength, path).toBe(0);
    expect(again.headers['cache-control'], path).toBe(plain.headers['cache-control']);
  }
});

test('the CSP hashes come from the build’s manifest, and a page’s CSP lists exactly its inline scripts', async ({
  request,
}) => {
  const manifest = JSON.parse(readFileSync(`${DIST}/${CSP_MANIFEST_FILE}`, 'utf8')) as {
    prerendered: Record<string, {scripts: string[]; styles: string[]}>;
    pages: string[];
  };
  expect(manifest.pages).toEqual(expect.arrayContaining(['/[locale]/privacy/[epoch]', '/[locale]/page-not-found']));
  for (const [path, route] of [
    ['/privacy', '/ja/privacy/1.0.0'],
    ['/en/privacy', '/en/privacy/1.0.0'],
    ['/privacy/versions/1.0.0', '/ja/privacy/1.0.0/versions/1.0.0'],
  ] as const) {
    const response = await request.get(path);
    const scriptSrc = /script-src ([^;]+)/.exec(response.headers()['content-security-policy'] ?? '')![1]!;
    const hashes = scriptSrc.split(' ').filter((source) => source.startsWith("'sha256-"));
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.sort()).toEqual([...manifest.prerendered[route]!.scripts].sort());
    // The CSS is inlined (no render-blocking request); its <style> element is allowed by hash.
    const styleSrc = /style-src ([^;]+)/.exec(response.headers()['content-security-policy'] ?? '')![1]!;
    expect(
      styleSrc
        .split(' ')
        .filter((s) => s.startsWith("'sha256-"))
        .sort(),
    ).toEqual([...manifest.prerendered[route]!.styles].sort());
    expect(manifest.prerendered[route]!.styles.length).toBeGreaterThan(0);
  }
});
