import {NextResponse, type NextRequest} from 'next/server';
import {isLocale, routing} from './i18n/routing';
import {currentIndex, japanDay, nextSwitch, pageCacheControl} from './lib/policy/schedule';
import {contentSecurityPolicy} from './lib/security/csp';
import {NON_PAGE_CSP, withSecurityHeaders} from './lib/security/headers';
import {earlyResponse, isPageRequest} from './lib/security/request-limits';
import {pageAnswer, readPageCopy, type PageCopy} from './lib/pages/prerendered';
import {
  cspManifest,
  developmentPolicies,
  distDir,
  matchesPage,
  type CspManifest,
  type PageHashes,
  type PrerenderedPage,
} from './lib/security/csp-manifest';

const PRODUCTION = process.env.NODE_ENV === 'production';
const NO_HASHES: PageHashes = {scripts: [], styles: []};
const warned = new Set<string>();

/** The locale and the page path of a public URL: /en/privacy → en, /privacy; /privacy → ja, /privacy. */
function localeAndPath(pathname: string): {locale: string; page: string} {
  const [, first, ...rest] = pathname.split('/');
  if (first && isLocale(first)) return {locale: first, page: '/' + rest.join('/')};
  return {locale: routing.defaultLocale, page: pathname};
}

/**
 * The time pages are chosen for. npm test's server (E2E_FIXTURES=1 at run time) lets a test move it
 * with the x-e2e-now header, to cross an effective date; no other server reads that header.
 */
function now(request: NextRequest): number {
  const forced = process.env.E2E_FIXTURES === '1' ? Number(request.headers.get('x-e2e-now')) : NaN;
  return Number.isFinite(forced) && forced > 0 ? forced : Date.now();
}

/**
 * A policy page's internal route: its pages are prerendered once per epoch (the version in force),
 * and the epoch of the current day is served. /privacy/changes is what the version in force changed.
 */
function policyRoute(policies: CspManifest['policies'], locale: string, page: string, at: number) {
  for (const policy of policies) {
    if (page !== policy.base && !page.startsWith(`${policy.base}/`)) continue;
    const epoch = policy.versions[currentIndex(policy.versions, japanDay(at))]!.version;
    const rest = page.slice(policy.base.length).replace(/\/$/, '');
    const internal = rest === '/changes' ? `/versions/${epoch}/changes` : rest;
    return {route: `/${locale}${policy.base}/${epoch}${internal}`, switchesAt: nextSwitch(policy.versions, at)};
  }
  return null;
}

/**
 * Japanese lives at the unprefixed paths: /ja/… redirects there (307, as next-intl's routing did;
 * i18n/routing.ts says why there is no detection and no locale cookie).
 */
function defaultLocaleRedirect(request: NextRequest): Response | null {
  const {pathname} = request.nextUrl;
  const prefix = `/${routing.defaultLocale}`;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return null;
  const url = request.nextUrl.clone();
  url.pathname = pathname.slice(prefix.length) || '/';
  // Like every answer of the site, a redirect carries the security headers.
  const headers = withSecurityHeaders({location: url.href, 'content-security-policy': NON_PAGE_CSP});
  return new Response(null, {status: 307, headers});
}

const copies = new Map<string, PageCopy>();

/** A prerendered page's copy (lib/pages/prerendered.ts), read on its first request and kept. */
function pageCopy(route: string, page: PrerenderedPage): PageCopy {
  let copy = copies.get(route);
  if (!copy) copies.set(route, (copy = readPageCopy(distDir(), route, page.etag)));
  return copy;
}

/**
 * The page a public URL shows, and what a static site cannot do by itself: every page gets a
 * Content-Security-Policy listing the hashes of exactly the inline scripts the build wrote into it
 * (from the build's manifest); a policy page is served as prerendered for the epoch in force, so it
 * switches to a new version on its effective date without a rebuild; an unknown path gets the
 * prerendered localized 404 with status 404. A prerendered page is answered here, from the copy the
 * build made (a rewrite would make Next resolve the route a second time). A page
 * of the app that is not prerendered is rewritten to Next with the CSP without hashes: its inline
 * scripts are blocked, visibly, never turned into a 404.
 */
function pageResponse(request: NextRequest): Response {
  const redirect = defaultLocaleRedirect(request);
  if (redirect) return redirect;
  const {locale, page} = localeAndPath(request.nextUrl.pathname);
  const at = now(request);
  const manifest = PRODUCTION ? cspManifest() : null;
  // Development has no build manifest: the policy pages still need their epoch.
  const policy = policyRoute(manifest?.policies ?? developmentPolicies(), locale, page, at);
  const route = policy?.route ?? `/${locale}${page === '/' ? '' : page.replace(/\/$/, '')}`;
  if (!PRODUCTION) return NextResponse.rewrite(new URL(route, request.url));
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  // Without a manifest (a build without its last step) no page has hashes: its inline scripts are
  // blocked, never allowed.
  const csp = (hashes: PageHashes | undefined) => contentSecurityPolicy(hashes ?? NO_HASHES, {https});
  const headers = (hashes: PageHashes, cacheControl: string) =>
    withSecurityHeaders({'cache-control': cacheControl, 'content-security-policy': csp(hashes)});
  // The 404 page's own address is not a page: it answers 404 like any unknown one.
  const notFoundPage = `/${locale}/page-not-found`;
  const prerendered = route === notFoundPage ? undefined : manifest?.prerendered[route];
  const answerable = request.method === 'GET' || request.method === 'HEAD';
  if (prerendered && answerable) {
    // Never Next's year-long default: a shared cache keeps a page for a bounded time, and a policy
    // page no later than the next version's effective date.
    const cacheControl = pageCacheControl(policy?.switchesAt ?? null, at);
    return pageAnswer(request, pageCopy(route, prerendered), 200, headers(prerendered, cacheControl));
  }
  if (manifest && !prerendered && (policy || route === notFoundPage || !matchesPage(route, manifest.pages))) {
    const notFound = manifest.prerendered[notFoundPage];
    // A mistyped address may stay a 404 in a shared cache for a minute only.
    const cacheControl = 'public, max-age=0, s-maxage=60';
    if (notFound && answerable)
      return pageAnswer(request, pageCopy(notFoundPage, notFound), 404, headers(notFound, cacheControl));
    const result = NextResponse.rewrite(new URL(notFoundPage, request.url), {status: 404});
    result.headers.set('cache-control', cacheControl);
    result.headers.set('content-security-policy', csp(notFound));
    return result;
  }
  if (manifest && !prerendered && !warned.has(route)) {
    warned.add(route);
    console.error(
      `[csp] ${route} is not prerendered: it is served with a CSP that blocks its inline scripts and styles.`,
    );
  }
  // Another method than GET or HEAD on a page is Next's to answer.
  const result = NextResponse.rewrite(new URL(route, request.url));
  result.headers.set('content-security-policy', csp(prerendered));
  return result;
}

/** Every request the matcher below lets through: bounds and redirects first, then public pages. */
export default function proxy(request: NextRequest) {
  const early = earlyResponse(request);
  if (early) return early;
  if (!isPageRequest(request.nextUrl.pathname)) return NextResponse.next();
  return pageResponse(request);
}

export const config = {
  // Pages, and the API and image routes for earlyResponse's bounds only: Next's assets and files
  // with an extension (sitemap.xml, robots.txt, icons) never need locale handling; next.config.ts
  // gives them their headers. Version numbers (/privacy/versions/1.0.0) have dots too: only a
  // trailing extension of letters marks a file.
  matcher: ['/((?!api|_next|_vercel|.*\\.[a-zA-Z]+$).*)', '/api/:path*', '/_next/image'],
};
