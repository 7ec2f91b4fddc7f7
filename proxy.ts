import {NextResponse, type NextRequest} from 'next/server';
import {toResponse} from './lib/http/answer';
import {pageClock, pageHeaders, pagePlan} from './lib/pages/plan';
import {pageAnswer, readPageCopy, type PageCopy} from './lib/pages/prerendered';
import {cspManifest, developmentPolicies, distDir} from './lib/security/csp-manifest';
import {earlyAnswer, isPageRequest, redirect} from './lib/security/request-limits';

const PRODUCTION = process.env.NODE_ENV === 'production';
const warned = new Set<string>();
const copies = new Map<string, PageCopy>();

/**
 * A public page that reached Next: in production, what the front door (lib/pages/front-door.ts)
 * did not answer — a request that came before it was installed at start, another method than GET
 * or HEAD, a page the build did not prerender — and every page in development. Same plan, same
 * headers as the front door's (lib/pages/plan.ts). A prerendered page is answered from the build's
 * copy (a rewrite would make Next resolve the route a second time, and send Next's year-long
 * Cache-Control); the rest is rewritten to Next with the page's CSP.
 */
function pageResponse(request: NextRequest): Response {
  const manifest = PRODUCTION ? cspManifest() : null;
  const answerable = request.method === 'GET' || request.method === 'HEAD';
  const plan = pagePlan(request.nextUrl, {
    at: pageClock(request.headers.get('x-e2e-now')),
    answerable,
    production: PRODUCTION,
    manifest,
    // Development has no build manifest: the policy pages still need their epoch.
    policies: manifest?.policies ?? developmentPolicies(),
  });
  // Absolute, as Next requires of a proxy's redirect; it sends a same-origin one as a path.
  if (plan.kind === 'redirect') return toResponse(redirect(new URL(plan.location, request.url).href, 307));
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (plan.kind === 'copy') {
    let copy = copies.get(plan.route);
    if (!copy) copies.set(plan.route, (copy = readPageCopy(distDir(), plan.route, plan.page.etag)));
    const headers = pageHeaders(plan.page, plan.cacheControl, https);
    // Next compresses what the proxy sends, and drops a Content-Encoding of its own: the HTML as it is.
    const page = {method: request.method, ifNoneMatch: request.headers.get('if-none-match'), acceptEncoding: null};
    return toResponse(pageAnswer(page, copy, plan.status, headers));
  }
  const result = NextResponse.rewrite(new URL(plan.route, request.url), {status: plan.status});
  if (plan.hashes) {
    if (manifest && plan.status === 200 && !manifest.prerendered[plan.route] && !warned.has(plan.route)) {
      warned.add(plan.route);
      console.error(
        `[csp] ${plan.route} is not prerendered: it is served with a CSP that blocks its inline scripts and styles.`,
      );
    }
    for (const [name, value] of Object.entries(pageHeaders(plan.hashes, plan.cacheControl, https)))
      result.headers.set(name, value);
  }
  return result;
}

/** Every request the matcher below lets through: bounds and redirects first, then public pages. */
export default function proxy(request: NextRequest) {
  const early = earlyAnswer(request.nextUrl, request.headers.get('cookie'));
  if (early) {
    const location = early.headers.location;
    if (location) early.headers.location = new URL(location, request.url).href;
    return toResponse(early);
  }
  if (!isPageRequest(request.nextUrl.pathname)) return NextResponse.next();
  return pageResponse(request);
}

export const config = {
  // Pages, and the API and image routes for earlyAnswer's bounds only: Next's assets and files
  // with an extension (sitemap.xml, robots.txt, icons) never need locale handling; next.config.ts
  // gives them their headers. Version numbers (/privacy/versions/1.0.0) have dots too: only a
  // trailing extension of letters marks a file.
  matcher: ['/((?!api|_next|_vercel|.*\\.[a-zA-Z]+$).*)', '/api/:path*', '/_next/image'],
};
