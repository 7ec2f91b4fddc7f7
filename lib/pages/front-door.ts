import type {IncomingMessage, ServerResponse} from 'node:http';
import type {TLSSocket} from 'node:tls';
import {writeAnswer} from '../http/answer';
import type {CspManifest} from '../security/csp-manifest';
import {earlyAnswer, isPageRequest, redirect, type FrontDoor} from '../security/request-limits';
import {pageHeaders, pageClock, pagePlan} from './plan';
import {pageAnswer, readPageCopy, type PageCopy} from './prerendered';

/**
 * The front door: a GET or HEAD of a prerendered page is answered in Node's server, before Next,
 * from the copies the build made (lib/pages/prerendered.ts), already compressed. The pages ship no
 * framework runtime, so nothing of Next is needed to send them, and going through Next costs a
 * third of the throughput or more: its proxy alone about a quarter, and it compresses every answer
 * again (docs/design.md, issue 18). The answer is the proxy's (same plan, same headers, same early
 * checks); everything else — the API, Next's files, other methods, a page the build did not
 * prerender — goes on to Next.
 *
 * Installed at server start (instrumentation.ts); a request that arrives before is answered by the
 * proxy, the same way.
 */
export function frontDoor(dist: string, manifest: CspManifest): FrontDoor {
  // Every copy is read now, at start (tens of KB each): a missing one is reported once and its
  // page is left to Next, which answers it through the proxy.
  const copies = new Map<string, PageCopy>();
  for (const [route, page] of Object.entries(manifest.prerendered)) {
    try {
      copies.set(route, readPageCopy(dist, route, page.etag));
    } catch (error) {
      console.error(`[pages] the copy of ${route} cannot be read; Next answers it instead:`, error);
    }
  }
  return (request: IncomingMessage, response: ServerResponse) => {
    const {method, headers} = request;
    if (method !== 'GET' && method !== 'HEAD') return false;
    // The target is a path (the guard checked): joined, never resolved, so //x/ stays a path.
    const url = new URL(`http://localhost${request.url}`);
    if (!isPageRequest(url.pathname)) return false;
    const head = method === 'HEAD';
    const early = earlyAnswer(url, headers.cookie);
    if (early) {
      writeAnswer(response, early, head);
      return true;
    }
    const plan = pagePlan(url, {
      at: pageClock(headers['x-e2e-now'] as string | undefined),
      answerable: true,
      production: true,
      manifest,
      policies: manifest.policies,
    });
    if (plan.kind === 'redirect') {
      writeAnswer(response, redirect(plan.location, 307), head);
      return true;
    }
    const copy = plan.kind === 'copy' ? copies.get(plan.route) : undefined;
    if (plan.kind !== 'copy' || !copy) return false;
    const https = (request.socket as TLSSocket).encrypted === true || headers['x-forwarded-proto'] === 'https';
    const answer = pageAnswer(
      {method, ifNoneMatch: headers['if-none-match'] ?? null, acceptEncoding: headers['accept-encoding'] ?? null},
      copy,
      plan.status,
      pageHeaders(plan.page, plan.cacheControl, https),
    );
    writeAnswer(response, answer, head);
    return true;
  };
}
