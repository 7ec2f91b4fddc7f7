import {readFileSync} from 'node:fs';
import path from 'node:path';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {chooseCoding, pageAnswer, readPageCopy, writePageCopy, type PageRequest} from '@/lib/pages/prerendered';
import {tempDir} from '../support/temp-dirs';

// The front door and the proxy answer prerendered pages from the copies the build made (issue 18).
const HTML = `<!DOCTYPE html><html lang="ja"><body><h1>プライバシーポリシー</h1>${'<p>本文</p>'.repeat(200)}</body></html>`;

function built() {
  const dist = tempDir('pages-');
  const etag = writePageCopy(dist, '/ja/privacy/1.0.0', HTML);
  return {dist, etag, copy: readPageCopy(dist, '/ja/privacy/1.0.0', etag)};
}

const request = (headers: Partial<PageRequest> = {}): PageRequest => ({
  method: 'GET',
  ifNoneMatch: null,
  acceptEncoding: null,
  ...headers,
});

const pageHeaders = () => ({'cache-control': 'public, max-age=0, s-maxage=600'});
const text = (body: Uint8Array | string | null) => Buffer.from(body ?? '').toString('utf8');

describe('the copy written at build', () => {
  it('is the HTML byte for byte, and compressed once in brotli and gzip', () => {
    const {dist, copy} = built();
    const file = path.join(dist, 'site-pages/ja/privacy/1.0.0.html');
    expect(readFileSync(file, 'utf8')).toBe(HTML);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString('utf8')).toBe(HTML);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString('utf8')).toBe(HTML);
    expect(text(copy.bodies.identity)).toBe(HTML);
    expect(copy.bodies.br.byteLength).toBeLessThan(copy.bodies.gzip.byteLength);
    expect(copy.bodies.gzip.byteLength).toBeLessThan(copy.bodies.identity.byteLength);
  });

  it('has an ETag that follows the HTML', () => {
    const {dist, etag} = built();
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(writePageCopy(dist, '/x', HTML)).toBe(etag);
    expect(writePageCopy(dist, '/y', HTML.replace('本文', '本分'))).not.toBe(etag);
  });
});

describe('the coding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['*', 'br'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
    [null, 'identity'],
  ])('Accept-Encoding %j → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });

  it('weighs only the first entries of a header of 1,100 codings (issue 26, L10)', () => {
    const codings = Array.from({length: 1100}, (_, i) => `x-coding-${i};q=0.${i % 9}`);
    expect(chooseCoding(['gzip', ...codings, 'br'].join(', '))).toBe('gzip');
    expect(chooseCoding([...codings, 'br'].join(', '))).toBe('identity');
    expect(chooseCoding('x'.repeat(20_000))).toBe('identity');
  });
});

describe('the answer', () => {
  it('sends the page in the coding the client takes, with its headers, type, length and ETag', () => {
    const {copy, etag} = built();
    for (const [acceptEncoding, coding, decode] of [
      ['br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      [null, undefined, (body: Buffer) => body],
    ] as const) {
      const answer = pageAnswer(request({acceptEncoding}), copy, 200, pageHeaders());
      expect(answer.status).toBe(200);
      expect(answer.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=0, s-maxage=600',
        vary: 'Accept-Encoding',
        'content-length': String((answer.body as Uint8Array).byteLength),
      });
      expect(answer.headers['content-encoding']).toBe(coding);
      expect(decode(Buffer.from(answer.body as Uint8Array)).toString('utf8')).toBe(HTML);
      // Each representation has its own strong ETag, derived from the HTML's.
      expect(answer.headers.etag).toBe(coding ? `${etag.slice(0, -1)}-${coding}"` : etag);
    }
  });

  it.each([
    [(etag: string) => etag],
    [(etag: string) => `W/${etag}`],
    [(etag: string) => `"other", ${etag}`],
    [() => '*'],
  ])('answers 304 with no body to a client that holds the page (If-None-Match %#)', (ifNoneMatch) => {
    const {copy} = built();
    const first = pageAnswer(request({acceptEncoding: 'gzip'}), copy, 200, pageHeaders());
    const again = pageAnswer(
      request({acceptEncoding: 'gzip', ifNoneMatch: ifNoneMatch(first.headers.etag!)}),
      copy,
      200,
      pageHeaders(),
    );
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
  });

  it('sends the page again when the client holds another version or another coding of it', () => {
    const {copy, etag} = built();
    expect(pageAnswer(request({ifNoneMatch: '"older"'}), copy, 200, pageHeaders()).status).toBe(200);
    expect(pageAnswer(request({ifNoneMatch: etag, acceptEncoding: 'br'}), copy, 200, pageHeaders()).status).toBe(200);
  });

  it('sends HEAD the headers of GET, Content-Length included, and no body', () => {
    const {copy} = built();
    const get = pageAnswer(request({acceptEncoding: 'br'}), copy, 200, pageHeaders());
    const head = pageAnswer(request({method: 'HEAD', acceptEncoding: 'br'}), copy, 200, pageHeaders());
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers).toEqual(get.headers);
  });

  it('keeps a 404 page its status and never answers it 304', () => {
    const {copy} = built();
    const missing = pageAnswer(request({ifNoneMatch: '*'}), copy, 404, pageHeaders());
    expect(missing.status).toBe(404);
    expect(text(missing.body)).toBe(HTML);
  });
});
