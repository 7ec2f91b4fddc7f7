// Another HeyImg page, for the end-to-end tests (tests/e2e/embed.spec.ts), the bench (bench/embed.ts)
// and for trying the embed by hand: serves tests/fixtures/host-page/ on HOST_PAGE_PORT, with the README's snippet filled in —
// the site's origin (SITE_ORIGIN), the released embed's version and its SRI hash — and the
// Content-Security-Policy the README tells a host page it needs, enforced. Any host name reaches it
// (app.heyimg.test, evil.other.test: Chromium maps them to this machine in the tests).
import {readFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {EMBED_RELEASES, EMBED_VERSION} from '../../components/consent/embed-version';

const port = Number(process.env.HOST_PAGE_PORT ?? 3211);
const site = process.env.SITE_ORIGIN ?? 'http://www.heyimg.test:3210';
const dir = path.join(process.cwd(), 'tests', 'fixtures', 'host-page');
const releases = JSON.parse(readFileSync(EMBED_RELEASES, 'utf8'));

/** What README "Add the consent to another HeyImg page" says a host page's CSP needs. */
export const hostPageCsp = (siteOrigin: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${siteOrigin}`,
    `connect-src 'self' ${siteOrigin}`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

http
  .createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (!/^[a-z]+\.(html|css|js)$/.test(name)) return response.writeHead(404).end();
    let body: string;
    try {
      body = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return response.writeHead(404).end();
    }
    if (name.endsWith('.html'))
      body = body
        .replaceAll('{{SITE}}', site)
        .replaceAll('{{VERSION}}', EMBED_VERSION)
        .replaceAll('{{INTEGRITY}}', releases[EMBED_VERSION]);
    // The same page without the consent, for the bench's side-by-side (bench/embed.ts); or with the
    // snippet loaded `async` (README: what a page gains and gives up with it).
    if (url.searchParams.has('without-embed'))
      body = body.replace(/<script\s+src="[^"]*\/consent\.js"[^>]*><\/script>/, '');
    if (url.searchParams.has('async')) body = body.replace(/<script(\s+src="[^"]*\/consent\.js")/, '<script async$1');
    response.writeHead(200, {
      'content-type': TYPES[path.extname(name)]!,
      'cache-control': 'no-store',
      'content-security-policy': hostPageCsp(site),
    });
    response.end(body);
  })
  .listen(port, () => console.log(`Host page: http://app.heyimg.test:${port}/ (the site: ${site})`));
