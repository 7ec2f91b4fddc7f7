import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * The prerendered pages as the proxy answers them. A page request used to be rewritten to Next's
 * prerendered route, which makes Next resolve the route a second time; answering from memory in
 * the proxy is a third faster (docs/design.md, issue 18). The build step after `next build`
 * (scripts/csp-manifest.ts) copies each page's HTML into the build folder with its ETag, so that
 * at run time nothing reads Next's own output. Compression stays Next's: it drops a proxy
 * response's Content-Encoding (resolve-routes.js), so a copy compressed at build cannot be sent.
 */

/** The folder, inside the build folder, that holds the copies. */
const COPIES_DIR = 'site-pages';

const copyFile = (dist: string, route: string) => path.join(dist, COPIES_DIR, `${route}.html`);

/** At build: writes a page's copy and returns its ETag (a hash of the HTML). */
export function writePageCopy(dist: string, route: string, html: string): string {
  mkdirSync(path.dirname(copyFile(dist, route)), {recursive: true});
  writeFileSync(copyFile(dist, route), html);
  return `"${createHash('sha256').update(html, 'utf8').digest('base64url').slice(0, 22)}"`;
}

export interface PageCopy {
  etag: string;
  html: Uint8Array<ArrayBuffer>;
}

/** At run time: a page's copy, read on its first request and kept (tens of KB). */
export function readPageCopy(dist: string, route: string, etag: string): PageCopy {
  return {etag, html: new Uint8Array(readFileSync(copyFile(dist, route)))};
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The answer to a GET or HEAD of a prerendered page, or 304 when the client already holds it.
 * `headers` are the page's own (security headers, CSP, Cache-Control); ETag and Content-Type are
 * added here. A 404 page keeps its status and is never a 304.
 */
export function pageAnswer(request: Request, copy: PageCopy, status: 200 | 404, headers: Headers): Response {
  headers.set('etag', copy.etag);
  if (status === 200 && notModified(request.headers.get('if-none-match'), copy.etag))
    return new Response(null, {status: 304, headers});
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(request.method === 'HEAD' ? null : copy.html, {status, headers});
}
