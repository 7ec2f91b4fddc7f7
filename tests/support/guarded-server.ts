import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll} from 'vitest';
import {guardNodeServer, type FrontDoor} from '@/lib/security/request-limits';
import {rawRequest} from './raw-request';

const servers: http.Server[] = [];
afterAll(() => {
  for (const server of servers.splice(0)) server.close();
});

/**
 * A Node server of its own with the guard (and the front door, when given) installed the way
 * instrumentation.ts installs them; Next stands behind it as a handler answering 'reached Next'.
 * Returns a raw client for it (tests/support/raw-request.ts).
 */
export async function guardedServer(frontDoor?: FrontDoor) {
  class Server extends http.Server {}
  guardNodeServer(Server as never, frontDoor);
  const server = new Server((_request, response) => response.end('reached Next'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return (method: string, target: string, headers: Record<string, string> = {}) =>
    rawRequest({host: '127.0.0.1', port}, method, target, headers);
}
