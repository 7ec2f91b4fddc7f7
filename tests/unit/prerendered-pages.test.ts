import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {pageAnswer, readPageCopy, writePageCopy} from '@/lib/pages/prerendered';
import {tempDir} from '../support/temp-dirs';

// The proxy answers prerendered pages from the copies the build made (issue 18's throughput).
const HTML = `<!DOCTYPE html><html lang="ja"><body><h1>プライバシーポリシー</h1>${'<p>本文</p>'.repeat(20)}</body></html>`;

function built() {
  const dist = tempDir('pages-');
  const etag = writePageCopy(dist, '/ja/privacy/1.0.0', HTML);
  return {dist, etag, copy: readPageCopy(dist, '/ja/privacy/1.0.0', etag)};
}

const request = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('http://localhost/privacy', {method, headers});

const pageHeaders = () => new Headers({'cache-control': 'public, max-age=0, s-maxage=600'});

describe('the copy written at build', () => {
  it('is the HTML byte for byte, with an ETag that follows the HTML', () => {
    const {dist, etag, copy} = built();
    expect(readFileSync(path.join(dist, 'site-pages/ja/privacy/1.0.0.html'), 'utf8')).toBe(HTML);
    expect(Buffer.from(copy.html).toString('utf8')).toBe(HTML);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(writePageCopy(dist, '/x', HTML)).toBe(etag);
    expect(writePageCopy(dist, '/y', HTML.replace('本文', '本分'))).not.toBe(etag);
  });
});

describe('the answer', () => {
  it('sends the page with its headers, its type and its ETag', async () => {
    const {copy, etag} = built();
    const answer = pageAnswer(request(), copy, 200, pageHeaders());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=600');
    expect(answer.headers.get('etag')).toBe(etag);
    expect(await answer.text()).toBe(HTML);
  });

  it.each([
    [(etag: string) => etag],
    [(etag: string) => `W/${etag}`],
    [(etag: string) => `"other", ${etag}`],
    [() => '*'],
  ])('answers 304 with no body to a client that holds the page (If-None-Match %#)', (ifNoneMatch) => {
    const {copy, etag} = built();
    const again = pageAnswer(request({'if-none-match': ifNoneMatch(etag)}), copy, 200, pageHeaders());
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('sends the page again when the client holds another version of it', () => {
    const {copy} = built();
    expect(pageAnswer(request({'if-none-match': '"older"'}), copy, 200, pageHeaders()).status).toBe(200);
  });

  it('sends HEAD the headers of GET and no body; a 404 page keeps its status and is never a 304', async () => {
    const {copy} = built();
    const head = pageAnswer(request({}, 'HEAD'), copy, 200, pageHeaders());
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const missing = pageAnswer(request({'if-none-match': '*'}), copy, 404, pageHeaders());
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(HTML);
  });
});
