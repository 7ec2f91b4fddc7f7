import {describe, expect, it} from 'vitest';
import {assertSameOrigin, HttpError, readBody, returnPath} from '@/lib/consent/http';

const request = (headers: Record<string, string>, url = 'http://localhost:3000/api/consent') =>
  new Request(url, {method: 'POST', headers: {host: '127.0.0.1:3000', ...headers}});

describe('the Origin check', () => {
  it('accepts the configured site origin (behind a proxy that rewrites Host) and the server’s own', () => {
    expect(() =>
      assertSameOrigin(request({origin: 'https://heyimg.net'}, 'http://10.0.0.5:3000/api/consent')),
    ).not.toThrow();
    expect(() => assertSameOrigin(request({origin: 'http://127.0.0.1:3000'}))).not.toThrow();
    expect(() => assertSameOrigin(request({}))).not.toThrow();
  });

  it.each([
    ['another site', {origin: 'https://evil.example'}],
    ['the right host on another scheme', {origin: 'http://heyimg.net'}],
    ['the right host on another port', {origin: 'http://127.0.0.1:4000'}],
    ['an opaque origin', {origin: 'null'}],
    ['a cross-site fetch', {'sec-fetch-site': 'cross-site'}],
    ['a forged X-Forwarded-Host', {origin: 'https://evil.example', 'x-forwarded-host': 'evil.example'}],
  ])('refuses %s with 403', (_label, headers) => {
    expect(() => assertSameOrigin(request(headers))).toThrow(expect.objectContaining({status: 403}));
  });
});

describe('the no-JavaScript return path', () => {
  const back = (referer: string) => returnPath(request({referer}), '/privacy');

  it('goes back to the site’s own page', () => {
    expect(back('http://127.0.0.1:3000/en/privacy/versions/1.0.0?x=1')).toBe('/en/privacy/versions/1.0.0?x=1');
    expect(back('https://heyimg.net/privacy')).toBe('/privacy');
  });

  it('reads a path of the site that starts like another host as that path, never as a host', () => {
    expect(back('http://127.0.0.1:3000//evil.example/x')).toBe('/evil.example/x');
    expect(back('http://127.0.0.1:3000/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it.each(['https://evil.example/privacy', 'http://127.0.0.1:3000/api/consent', 'not a url'])(
    'never anywhere else: %s',
    (referer) => {
      expect(back(referer)).toBe('/privacy');
    },
  );
});

describe('the request body', () => {
  it('answers 400, not a stack trace, when the client drops the body', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"rec'));
        controller.error(new Error('aborted'));
      },
    });
    const dropped = new Request('http://127.0.0.1:3000/api/consent', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const error = await readBody(dropped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
  });
});
