import type http from 'node:http';
import type {AddressInfo} from 'node:net';
import {format} from 'node:url';
import {afterAll} from 'vitest';
import type {PageAnswerer} from '@/lib/pages/front-door';
import {connectionLimits, type ConnectionLimits} from '@/lib/server/connections';
import {createSiteServer} from '@/lib/server/site-server';
import {rawRequest} from './raw-request';

const servers: http.Server[] = [];
afterAll(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A page answerer that hands every page to Next at its own address. */
const toNext: PageAnswerer = (_request, url) => ({next: {route: url.pathname + url.search, headers: {}}});

/**
 * The site's server (lib/server/site-server.ts) on a port of its own, with Next replaced by a
 * handler that answers `reached Next <the URL it was given>`. Returns a raw client for it
 * (tests/support/raw-request.ts) and the server.
 */
export async function siteServer(
  options: {pages?: PageAnswerer; isFile?: (pathname: string) => boolean; limits?: Partial<ConnectionLimits>} = {},
) {
  const server = createSiteServer({
    // As Next does with an adjusted URL: it answers that one.
    next: async (request, response, parsedUrl) => {
      response.end(`reached Next ${parsedUrl ? format(parsedUrl) : request.url}`);
    },
    pages: options.pages ?? toNext,
    isFile: options.isFile ?? ((pathname) => pathname === '/icon.svg'),
    limits: {...connectionLimits({} as NodeJS.ProcessEnv), ...options.limits},
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  const request = (method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
    rawRequest({host: '127.0.0.1', port}, method, target, headers, body);
  return Object.assign(request, {server, port});
}
