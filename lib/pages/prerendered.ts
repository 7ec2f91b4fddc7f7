import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import Negotiator from 'negotiator';
import type {Answer} from '../http/answer';

/**
 * The prerendered pages as the site answers them. The build step after `next build`
 * (scripts/csp-manifest.ts) copies each page's HTML into the build folder, compressed once at the
 * highest levels (brotli and gzip), with its ETag, so that at run time nothing reads Next's own
 * output and no request pays for compression (docs/design.md, issue 18).
 */

/** The folder, inside the build folder, that holds the copies. */
const COPIES_DIR = 'site-pages';

/** The content codings of a copy, in the order the site prefers them. */
const CODINGS = ['br', 'gzip', 'identity'] as const;
type Coding = (typeof CODINGS)[number];

const SUFFIX: Record<Coding, string> = {br: '.br', gzip: '.gz', identity: ''};

const copyFile = (dist: string, route: string, coding: Coding) =>
  path.join(dist, COPIES_DIR, `${route}.html${SUFFIX[coding]}`);

/** At build: writes a page's copy in each coding and returns its ETag (a hash of the HTML). */
export function writePageCopy(dist: string, route: string, html: string): string {
  const identity = Buffer.from(html, 'utf8');
  mkdirSync(path.dirname(copyFile(dist, route, 'identity')), {recursive: true});
  writeFileSync(copyFile(dist, route, 'identity'), identity);
  writeFileSync(copyFile(dist, route, 'gzip'), gzipSync(identity, {level: 9}));
  writeFileSync(
    copyFile(dist, route, 'br'),
    brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
  );
  return `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
}

export interface PageCopy {
  /** The ETag of the HTML; each coding's own is derived from it (etagOf). */
  etag: string;
  bodies: Record<Coding, Uint8Array<ArrayBuffer>>;
}

/** At run time: a page's copy in every coding (tens of KB), read once. */
export function readPageCopy(dist: string, route: string, etag: string): PageCopy {
  const read = (coding: Coding) => new Uint8Array(readFileSync(copyFile(dist, route, coding)));
  return {etag, bodies: {br: read('br'), gzip: read('gzip'), identity: read('identity')}};
}

/**
 * A strong ETag belongs to one representation (RFC 9110 §8.8.3): the compressed ones get their own.
 * Each stays a quoted string of the same characters as the HTML's.
 */
const etagOf = (etag: string, coding: Coding) => (coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding}"`);

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * A browser's Accept-Encoding is a few dozen bytes; one of 12 KB (1,100 codings) made each page
 * cost three times as much to negotiate. Only its first entries, up to a comma, are weighed.
 */
const MAX_ACCEPT_ENCODING = 256;
function boundedList(header: string | null): string | undefined {
  if (header === null) return undefined;
  if (header.length <= MAX_ACCEPT_ENCODING) return header;
  const cut = header.lastIndexOf(',', MAX_ACCEPT_ENCODING);
  return cut > 0 ? header.slice(0, cut) : '';
}

/**
 * The coding to send for an Accept-Encoding header (negotiator weighs q-values and `*` as RFC 9110
 * §12.5.3 says); identity when the client accepts nothing the site has, rather than a 406.
 */
export function chooseCoding(acceptEncoding: string | null): Coding {
  const negotiator = new Negotiator({headers: {'accept-encoding': boundedList(acceptEncoding)}});
  // negotiator 1.x breaks ties of q by the site's preference; @types/negotiator (0.6) predates that.
  const encoding = negotiator.encoding as (available: string[], options: {preferred: string[]}) => string | undefined;
  const chosen = encoding.call(negotiator, [...CODINGS], {preferred: [...CODINGS]});
  return CODINGS.find((coding) => coding === chosen) ?? 'identity';
}

export interface PageRequest {
  method: string;
  ifNoneMatch: string | null;
  /** null when the sender compresses by itself (the proxy: Next drops its Content-Encoding). */
  acceptEncoding: string | null;
}

/**
 * The answer to a GET or HEAD of a prerendered page, or 304 when the client already holds it.
 * `headers` are the page's own (security headers, CSP, Cache-Control); ETag, Vary and the
 * content headers are added here. A 404 page keeps its status and is never a 304.
 */
export function pageAnswer(
  request: PageRequest,
  copy: PageCopy,
  status: 200 | 404,
  headers: Record<string, string>,
): Answer {
  const coding = chooseCoding(request.acceptEncoding);
  const etag = etagOf(copy.etag, coding);
  const common = {...headers, etag, vary: 'Accept-Encoding'};
  if (status === 200 && notModified(request.ifNoneMatch, etag)) return {status: 304, headers: common, body: null};
  const body = copy.bodies[coding];
  return {
    status,
    headers: {
      ...common,
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(body.byteLength),
      ...(coding === 'identity' ? {} : {'content-encoding': coding}),
    },
    body: request.method === 'HEAD' ? null : body,
  };
}
