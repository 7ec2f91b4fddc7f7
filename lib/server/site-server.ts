import http, {type IncomingMessage, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {parse, type UrlWithParsedQuery} from 'node:url';
import {logOncePerMinute, causeOf} from '../consent/log';
import {writeAnswer} from '../http/answer';
import type {PageAnswerer} from '../pages/front-door';
import {plainAnswer, refuseRequest} from '../security/request-limits';
import {limitConnections, timeoutOptions, type ConnectionLimits} from './connections';

/**
 * The one way in: every request of the site reads top to bottom here. Next's documented custom
 * server (scripts/server.ts creates Next and calls this) owns what must happen before Next —
 * the early checks, then the pages, answered from the build's prerendered copies — and hands
 * everything else to Next's request handler: the API, Next's and the site's files, and the pages
 * Next must render (all of them in development).
 */

/** Next's request handler (app.getRequestHandler()), with the documented adjusted-URL argument. */
export type NextHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  parsedUrl?: UrlWithParsedQuery,
) => Promise<void>;

export interface SiteServerOptions {
  next: NextHandler;
  /** How a page is answered (lib/pages/front-door.ts). */
  pages: PageAnswerer;
  /** Whether an address is a file the site or Next serves (lib/server/files.ts), not a page. */
  isFile: (pathname: string) => boolean;
  limits: ConnectionLimits;
}

/**
 * Next's internal headers tell a client how the server works inside and nothing it needs
 * (x-nextjs-cache, x-nextjs-prerender, x-nextjs-stale-time, x-middleware-rewrite — which names an
 * internal route). Every response of the site is one of these, by the server's own option for its
 * response class: what Next writes passes through here without them.
 */
const INTERNAL_HEADER = /^x-(nextjs-[a-z-]+|middleware-rewrite)$/i;

class SiteResponse<Request extends IncomingMessage = IncomingMessage> extends http.ServerResponse<Request> {
  setHeader(name: string, value: number | string | readonly string[]): this {
    return INTERNAL_HEADER.test(name) ? this : super.setHeader(name, value);
  }
}

/** Routes of Next the site has no use for: no images to optimize, no client router to fetch page data. */
const UNUSED_NEXT_ROUTES = /^\/_next\/(image|data)(\/|$)/;

const NOT_FOUND = plainAnswer(404, 'このアドレスにはページもファイルもありません。', 'Not found.');

export function createSiteServer({next, pages, isFile, limits}: SiteServerOptions): http.Server {
  const server = http.createServer({ServerResponse: SiteResponse, ...timeoutOptions(limits)}, (request, response) => {
    const head = request.method === 'HEAD';
    // 1. What no page or route may see: a target that is not a path, a method the address does not
    //    take, a Cookie header over the bounds, malformed or unsafe characters; the site's redirects.
    const refused = refuseRequest(request.method ?? '', request.url ?? '', request.headers.cookie);
    if (refused) return writeAnswer(response, refused, head);
    const url = new URL(`http://site.invalid${request.url}`);
    if (UNUSED_NEXT_ROUTES.test(url.pathname)) return writeAnswer(response, NOT_FOUND, head);

    // 2. The pages: everything that is not the API, Next's files or one of the site's files.
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/_next/') && !isFile(url.pathname)) {
      let outcome;
      try {
        outcome = pages(request, url);
      } catch (error) {
        logOncePerMinute(`[pages] a page could not be answered: ${causeOf(error)}`);
        return writeAnswer(response, plainAnswer(500, 'サーバーで問題が起きました。', 'Internal server error.'), head);
      }
      if ('answer' in outcome) return writeAnswer(response, outcome.answer, head);
      for (const [name, value] of Object.entries(outcome.next.headers)) response.setHeader(name, value);
      return toNext(request, response, outcome.next.route);
    }

    // 3. Next: the API, and Next's and the site's files.
    return toNext(request, response);
  });

  function toNext(request: IncomingMessage, response: ServerResponse, route?: string): void {
    next(request, response, route === undefined ? undefined : parse(route, true)).catch((error: unknown) => {
      logOncePerMinute(`[server] Next failed to answer: ${causeOf(error)}`);
      if (!response.headersSent)
        writeAnswer(response, plainAnswer(500, 'サーバーで問題が起きました。', 'Internal server error.'), false);
      else response.destroy();
    });
  }

  // CONNECT is a proxy's method: no address of the site takes it (Node would close the socket unanswered).
  server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  limitConnections(server, limits);
  return server;
}
