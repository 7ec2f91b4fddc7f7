import {readdirSync} from 'node:fs';
import net from 'node:net';
import {describe, expect, it, vi} from 'vitest';
import {SECURITY_HEADERS} from '@/lib/security/headers';
import {METADATA_ROUTES} from '@/lib/server/files';
import {siteServer} from '../support/site-server';

// Issue 29: one way in (lib/server/site-server.ts) instead of a patched http.Server.prototype.emit;
// issue 26: what the security probe found at that door (L1, L3, L6, M1, M2).
describe('the one way in', () => {
  it('answers what no route may see before Next, from the first request on', async () => {
    const request = await siteServer();
    expect((await request('GET', '*')).status).toBe(400);
    const trace = await request('TRACE', '/privacy');
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('GET, HEAD');
    for (const {key, value} of SECURITY_HEADERS) expect(trace.headers[key.toLowerCase()]).toBe(value);
    expect((await request('POST', '/privacy', {'content-length': '3'}, 'x=1')).status).toBe(405);
    expect((await request('GET', '/x%E2%80%A8y')).status).toBe(400);
  });

  it('hands a page to the page answerer, the API and files to Next', async () => {
    const request = await siteServer({
      pages: () => ({answer: {status: 200, headers: {'content-type': 'text/plain'}, body: 'a page'}}),
    });
    expect((await request('GET', '/privacy')).body.toString()).toBe('a page');
    // A name that looks like a file is still a page of the site: the localized 404, never Next's own.
    expect((await request('GET', '/privacy.php')).body.toString()).toBe('a page');
    expect((await request('GET', '/wp-login.php')).body.toString()).toBe('a page');
    expect((await request('GET', '/icon.svg')).body.toString()).toBe('reached Next /icon.svg');
    expect((await request('GET', '/api/health')).body.toString()).toBe('reached Next /api/health');
    expect((await request('GET', '/_next/static/x.js')).body.toString()).toBe('reached Next /_next/static/x.js');
  });

  it('gives Next a page it must render at its internal route, with the page’s headers', async () => {
    const request = await siteServer({
      pages: () => ({
        next: {route: '/ja/privacy/1.0.0?x=1', headers: {'content-security-policy': "default-src 'self'"}},
      }),
    });
    const answer = await request('GET', '/privacy?x=1');
    expect(answer.body.toString()).toBe('reached Next /ja/privacy/1.0.0?x=1');
    expect(answer.headers['content-security-policy']).toBe("default-src 'self'");
  });

  it('answers 500 once a page cannot be answered, and says so in the log once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = await siteServer({
      pages: () => {
        throw new Error('copy unreadable');
      },
    });
    for (let i = 0; i < 3; i++) expect((await request('GET', '/privacy')).status).toBe(500);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });

  it('never lets Next’s image or data routes answer (each miss would be a log line)', async () => {
    const request = await siteServer();
    for (const target of ['/_next/image?url=%2Fnope1.png&w=64&q=75', '/_next/data/build/ja/privacy.json']) {
      const answer = await request('GET', target);
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString()).not.toMatch(/reached Next/);
    }
  });

  it('answers CONNECT 405 instead of closing the socket unanswered', async () => {
    const {port} = await siteServer();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 405 /);
  });

  it('leaves out Next’s internal headers from whatever Next writes', async () => {
    const request = await siteServer();
    const server = request.server;
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      res.setHeader('x-nextjs-cache', 'HIT');
      res.setHeader('x-middleware-rewrite', '/ja/privacy/1.0.0');
      res.setHeader('x-kept', '1');
      res.end('ok');
    });
    const answer = await request('GET', '/sitemap.xml');
    expect(answer.headers['x-nextjs-cache']).toBeUndefined();
    expect(answer.headers['x-middleware-rewrite']).toBeUndefined();
    expect(answer.headers['x-kept']).toBe('1');
  });

  it('knows every metadata route of app/ as a file', () => {
    const names = readdirSync('app').filter((name) => /^(robots|sitemap|icon)\./.test(name));
    const routes = names.map((name) =>
      name.startsWith('robots') ? '/robots.txt' : name.startsWith('sitemap') ? '/sitemap.xml' : `/${name}`,
    );
    expect(routes.sort()).toEqual([...METADATA_ROUTES].sort());
  });
});

describe('slow and greedy clients (issue 26, M2)', () => {
  /** Connections that send part of a request head and then nothing. */
  function slowClients(port: number, count: number): Promise<net.Socket[]> {
    return Promise.all(
      Array.from(
        {length: count},
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => {
              socket.write('GET /privacy HTTP/1.1\r\nHost: x\r\n');
              resolve(socket);
            });
            // Read what the server sends (its 408), so that its close is seen.
            socket.resume();
            socket.on('error', () => {});
          }),
      ),
    );
  }
  const closed = (socket: net.Socket) =>
    new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

  it('closes a connection over the per-client cap at once, and serves again when one goes', async () => {
    const request = await siteServer({limits: {maxConnectionsPerClient: 4}});
    const held = await slowClients(request.port, 4);
    const [refused] = await slowClients(request.port, 1);
    await closed(refused!);
    await expect(request('GET', '/privacy')).rejects.toThrow();
    held[0]!.destroy();
    await closed(held[0]!);
    // The server counts the close on its side a moment later.
    await expect
      .poll(() =>
        request('GET', '/privacy').then(
          (a) => a.status,
          () => 0,
        ),
      )
      .toBe(200);
    for (const socket of held) socket.destroy();
  });

  it('drops a client that has not sent its request head by the deadline', async () => {
    const request = await siteServer({limits: {headersTimeoutMs: 500, requestTimeoutMs: 1000}});
    const [slow] = await slowClients(request.port, 1);
    let answer = '';
    slow!.on('data', (chunk) => (answer += chunk));
    await closed(slow!);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
