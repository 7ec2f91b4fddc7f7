import {describe, expect, it} from 'vitest';

// A HeyImg page elsewhere that embeds the consent (issue 27), configured before the modules load.
process.env.CONSENT_ALLOWED_ORIGINS = 'https://app.heyimg.example';
const {assertAllowedOrigin, handleErrors, HttpError, preflight, readBody, returnPath} =
  await import('@/lib/consent/http');
const {parseAllowedOrigins} = await import('@/lib/consent/config');

const request = (headers: Record<string, string>, url = 'http://localhost:3000/api/consent') =>
  new Request(url, {method: 'POST', headers: {host: '127.0.0.1:3000', ...headers}});

describe('the Origin check', () => {
  it('accepts the configured site origin (behind a proxy that rewrites Host) and the server’s own', () => {
    expect(() =>
      assertAllowedOrigin(request({origin: 'https://heyimg.net'}, 'http://10.0.0.5:3000/api/consent')),
    ).not.toThrow();
    expect(() => assertAllowedOrigin(request({origin: 'http://127.0.0.1:3000'}))).not.toThrow();
    expect(() => assertAllowedOrigin(request({}))).not.toThrow();
  });

  it.each([
    ['another site', {origin: 'https://evil.example'}],
    ['the right host on another scheme', {origin: 'http://heyimg.net'}],
    ['the right host on another port', {origin: 'http://127.0.0.1:4000'}],
    ['an opaque origin', {origin: 'null'}],
    ['a cross-site fetch', {'sec-fetch-site': 'cross-site'}],
    ['a forged X-Forwarded-Host', {origin: 'https://evil.example', 'x-forwarded-host': 'evil.example'}],
  ])('refuses %s with 403', (_label, headers) => {
    expect(() => assertAllowedOrigin(request(headers))).toThrow(expect.objectContaining({status: 403}));
  });

  it('refuses a foreign name that reaches this server (DNS rebinding): only loopback names are its own', () => {
    const rebound = request({origin: 'http://evil.example', host: 'evil.example'}, 'http://evil.example/api/consent');
    expect(() => assertAllowedOrigin(rebound)).toThrow(expect.objectContaining({status: 403}));
    const local = request({origin: 'http://localhost:3000', host: 'localhost:3000'}, 'http://localhost:3000/x');
    expect(() => assertAllowedOrigin(local)).not.toThrow();
  });
});

describe('a HeyImg page that embeds the consent', () => {
  const from = (origin: string, url = 'http://localhost:3000/api/consent') =>
    request({origin, 'sec-fetch-site': 'same-site'}, url);

  it('may record, read and delete a choice when its origin is configured, and only then', () => {
    expect(assertAllowedOrigin(from('https://app.heyimg.example'))).toBe('embedding');
    expect(assertAllowedOrigin(request({origin: 'http://127.0.0.1:3000'}))).toBe('site');
    for (const other of ['https://evil.heyimg.example', 'http://app.heyimg.example', 'https://app.heyimg.example:8443'])
      expect(() => assertAllowedOrigin(from(other)), other).toThrow(expect.objectContaining({status: 403}));
  });

  it('gets the CORS preflight’s answer, with credentials, only for a configured origin', () => {
    const allowed = preflight(from('https://app.heyimg.example'));
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      'access-control-allow-origin': 'https://app.heyimg.example',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      vary: 'Origin',
    });
    const refused = preflight(from('https://evil.example'));
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('reads the server’s refusals too: every answer to it carries its CORS headers', async () => {
    const route = handleErrors(async (request: Request) => {
      throw new HttpError(409, '衝突', `Conflict at ${new URL(request.url).pathname}`);
    });
    const answer = await route(from('https://app.heyimg.example'));
    expect(answer.status).toBe(409);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.heyimg.example');
    expect((await route(from('https://evil.example'))).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is configured by origins exactly: anything else stops the server with the reason', () => {
    expect(parseAllowedOrigins(' https://a.heyimg.example , http://localhost:4000 ')).toEqual([
      'https://a.heyimg.example',
      'http://localhost:4000',
    ]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    for (const bad of ['app.heyimg.example', 'https://app.heyimg.example/path', '*', 'https://*.heyimg.example'])
      expect(() => parseAllowedOrigins(bad), bad).toThrow(/is not an origin/);
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
    expect((error as InstanceType<typeof HttpError>).status).toBe(400);
  });
});
