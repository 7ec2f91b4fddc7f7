import {NextResponse, type NextRequest} from 'next/server';
import createMiddleware from 'next-intl/middleware';
import {isLocale, routing} from './i18n/routing';
import {inForceIndex, japanDay, nextSwitch} from './lib/policy/schedule';
import {contentSecurityPolicy} from './lib/security/csp';
import {earlyResponse, isPageRequest} from './lib/security/request-limits';
import {cspManifest, developmentPolicies, matchesPage, type CspManifest} from './lib/security/csp-manifest';

const intl = createMiddleware(routing);
const PRODUCTION = process.env.NODE_ENV === 'production';
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
    const epoch = policy.versions[inForceIndex(policy.versions, japanDay(at))]!.version;
    const rest = page.slice(policy.base.length).replace(/\/$/, '');
    const internal = rest === '/changes' ? `/versions/${epoch}/changes` : rest;
    return {route: `/${locale}${policy.base}/${epoch}${internal}`, switchesAt: nextSwitch(policy.versions, at)};
  }
  return null;
}

/**
 * next-intl's routing, then what a static site cannot do by itself: every page gets a
 * Content-Security-Policy listing the hashes of exactly the inline scripts the build wrote into it
 * (from the build's manifest); a policy page is served as prerendered for the epoch in force, so it
 * switches to a new version on its effective date without a rebuild; an unknown path gets the
 * prerendered localized 404 with status 404. A page of the app that is not prerendered gets the CSP
 * without hashes: its inline scripts are blocked, visibly, never turned into a 404.
 */
export default function proxy(request: NextRequest) {
  const early = earlyResponse(request);
  if (early) return early;
  if (!isPageRequest(request.nextUrl.pathname)) return NextResponse.next();
  const response = intl(request);
  // Redirects (/ja/privacy → /privacy) pass through.
  if (response.status >= 300 && response.status < 400) return response;
  const {locale, page} = localeAndPath(request.nextUrl.pathname);
  const at = now(request);
  if (!PRODUCTION) {
    // Development: no build, no CSP; the policy pages still need their epoch.
    const policy = policyRoute(developmentPolicies(), locale, page, at);
    return policy ? NextResponse.rewrite(new URL(policy.route, request.url), {headers: response.headers}) : response;
  }
  const manifest = cspManifest();
  const policy = manifest ? policyRoute(manifest.policies, locale, page, at) : null;
  let route = policy?.route ?? `/${locale}${page === '/' ? '' : page.replace(/\/$/, '')}`;
  let hashes = manifest?.prerendered[route];
  let result =
    policy && hashes ? NextResponse.rewrite(new URL(route, request.url), {headers: response.headers}) : response;
  // The 404 page's own address is not a page: it answers 404 like any unknown one.
  const notFound = route === `/${locale}/page-not-found`;
  if (notFound) hashes = undefined;
  if (!hashes && manifest && (policy || notFound || !matchesPage(route, manifest.pages))) {
    route = `/${locale}/page-not-found`;
    hashes = manifest.prerendered[route];
    result = NextResponse.rewrite(new URL(route, request.url), {status: 404, headers: response.headers});
    // A mistyped address must not stay a 404 in a shared cache for the page's year-long lifetime.
    result.headers.set('cache-control', 'public, max-age=0, s-maxage=60');
  } else if (!hashes && !warned.has(route)) {
    warned.add(route);
    console.error(
      `[csp] ${route} is not prerendered: it is served with a CSP that blocks its inline scripts and styles.`,
    );
  }
  if (policy?.switchesAt && hashes) {
    // A shared cache may keep this page only until the next version takes effect.
    const seconds = Math.min(31_536_000, Math.max(1, Math.floor((policy.switchesAt - at) / 1000)));
    result.headers.set('cache-control', `public, max-age=0, s-maxage=${seconds}`);
  }
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  result.headers.set('Content-Security-Policy', contentSecurityPolicy(hashes ?? {scripts: [], styles: []}, {https}));
  return result;
}

export const config = {
  // Pages, and the API and image routes for earlyResponse's bounds only: Next's assets and files
  // with an extension (sitemap.xml, robots.txt, icons) never need locale handling; next.config.ts
  // gives them their headers. Version numbers (/privacy/versions/1.0.0) have dots too: only a
  // trailing extension of letters marks a file.
  matcher: ['/((?!api|_next|_vercel|.*\\.[a-zA-Z]+$).*)', '/api/:path*', '/_next/image'],
};
