import type {IncomingMessage} from 'node:http';
import type {Answer} from '../http/answer';
import {requestIsHttps} from '../http/forwarded';
import {developmentPolicies, type CspManifest} from '../security/csp-manifest';
import {redirect} from '../security/request-limits';
import {pageClock, pageHeaders, pagePlan} from './plan';
import {pageAnswer, readPageCopy, type PageCopy} from './prerendered';

/**
 * How a page is answered, the one function for every public page (lib/server/site-server.ts calls
 * it for every GET and HEAD that is not the API or a file). In production a prerendered page is
 * answered from the copies the build made (lib/pages/prerendered.ts), already compressed: the pages
 * ship no framework runtime, so nothing of Next is needed to send them, and going through Next
 * costs a third of the throughput or more (docs/design.md, issue 18). What Next must render — every
 * page in development, a page the build did not prerender — is handed to it at its internal route
 * (the policy's epoch in force, the localized 404), with the page's headers.
 */
export type PageOutcome = {answer: Answer} | {next: {route: string; headers: Record<string, string>}};

export type PageAnswerer = (request: IncomingMessage, url: URL) => PageOutcome;

/**
 * Production: every copy is read now, at start (tens of KB each); a missing one is reported once
 * and its page is left to Next (so is every page of a build without its manifest, with a CSP that
 * blocks its inline scripts, visibly). Development: Next renders the page, and /privacy is the
 * newest version in content/privacy, read on every request so an editor's draft shows at once.
 */
export function pageAnswerer(
  build: {production: true; dist: string; manifest: CspManifest | null} | {production: false},
): PageAnswerer {
  const manifest = build.production ? build.manifest : null;
  const copies = new Map<string, PageCopy>();
  for (const [route, page] of Object.entries(manifest?.prerendered ?? {})) {
    try {
      copies.set(route, readPageCopy((build as {dist: string}).dist, route, page.etag));
    } catch (error) {
      console.error(`[pages] the copy of ${route} cannot be read; Next renders it instead:`, error);
    }
  }
  return (request, url) => {
    const {headers} = request;
    const plan = pagePlan(url, {
      at: pageClock(headers['x-e2e-now'] as string | undefined),
      answerable: true,
      production: build.production,
      manifest,
      policies: manifest?.policies ?? developmentPolicies(),
    });
    if (plan.kind === 'redirect') return {answer: redirect(plan.location, 307)};
    const https = requestIsHttps(request);
    const copy = plan.kind === 'copy' ? copies.get(plan.route) : undefined;
    if (plan.kind === 'copy' && copy) {
      const page = {
        method: request.method ?? 'GET',
        ifNoneMatch: headers['if-none-match'] ?? null,
        acceptEncoding: headers['accept-encoding'] ?? null,
      };
      return {answer: pageAnswer(page, copy, plan.status, pageHeaders(plan.page, plan.cacheControl, https))};
    }
    const hashes = plan.kind === 'copy' ? plan.page : plan.hashes;
    return {
      next: {
        route: plan.route + url.search,
        headers: hashes ? pageHeaders(hashes, plan.cacheControl, https) : {},
      },
    };
  };
}
