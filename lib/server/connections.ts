import type {Server, ServerOptions} from 'node:http';
import type {Socket} from 'node:net';

/**
 * How long a client may take and how many connections it may hold: what Node's server can bound by
 * itself when it faces the Internet directly (a slow-headers attack once held 20,000 file
 * descriptors and shut new visitors out for 47 s under Node's defaults). A reverse proxy in front
 * should bound the same things on its side (README, "Deployment").
 */
export interface ConnectionLimits {
  /** The whole request head must arrive within this (Node's default is 60 s). */
  headersTimeoutMs: number;
  /** The whole request, body included (Node's default is 300 s; the site's bodies are 2 KB at most). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections in all, under the process's file-descriptor limit (0: no cap). */
  maxConnections: number;
  /** Open connections from one address; the next one is closed at once (0: no cap). */
  maxConnectionsPerClient: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
};

/**
 * The limits from the environment, with defaults for a server facing the Internet. Behind a
 * reverse proxy on another host, every connection comes from the proxy's address: raise
 * MAX_CONNECTIONS_PER_CLIENT, or set it to 0 and let the proxy bound each client.
 */
export function connectionLimits(env: NodeJS.ProcessEnv = process.env): ConnectionLimits {
  return {
    headersTimeoutMs: positive(env.HEADERS_TIMEOUT_MS, 10_000),
    requestTimeoutMs: positive(env.REQUEST_TIMEOUT_MS, 30_000),
    keepAliveTimeoutMs: positive(env.KEEP_ALIVE_TIMEOUT_MS, 5_000),
    maxConnections: positive(env.MAX_CONNECTIONS, 10_000),
    maxConnectionsPerClient: positive(env.MAX_CONNECTIONS_PER_CLIENT, 256),
  };
}

/** Node's own timeouts, as options of http.createServer. */
export function timeoutOptions(limits: ConnectionLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node enforces the two timeouts above only when it checks its connections (every 30 s by
    // default): checked every second, a slow client is gone within a second of its deadline.
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
}

/** Caps the connections a server holds, in all and per client address. */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  if (limits.maxConnectionsPerClient === 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? '';
    const count = (open.get(client) ?? 0) + 1;
    if (count > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
  });
}
