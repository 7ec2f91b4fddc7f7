import {request, type IncomingHttpHeaders} from 'node:http';

/** What a raw request got back: the body as bytes, undecoded (a page may come compressed). */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request exactly as given, over a connection of its own, closed after the answer: what fetch
 * and Playwright's client cannot send (`GET *`, TRACE, a `//x/` path) or show decoded (a gzip body),
 * and no pooled connection to keep a stopping server alive. Used by the unit and e2e tests and the
 * bench.
 */
export function rawRequest(
  server: {host: string; port: number | string},
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request({host: server.host, port: server.port, method, path, headers, agent: false}, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks)}),
      );
    })
      .on('error', reject)
      .end(body);
  });
}
