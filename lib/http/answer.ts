import type {ServerResponse} from 'node:http';

/**
 * An answer the site builds itself, whoever sends it: the proxy as a Response (toResponse), or the
 * front door in Node's server, before Next (writeAnswer; lib/pages/front-door.ts). One shape keeps
 * the two transports from drifting apart. Header names are lower case.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | null;
}

export function toResponse({status, headers, body}: Answer): Response {
  return new Response(body, {status, headers});
}

/** HEAD gets GET's headers, Content-Length included, and no body. */
export function writeAnswer(response: ServerResponse, {status, headers, body}: Answer, head: boolean): void {
  response.writeHead(status, headers);
  response.end(head || body === null ? undefined : body);
}
