import {NextResponse, type NextRequest} from 'next/server';
import createMiddleware from 'next-intl/middleware';
import {routing} from './i18n/routing';
import {contentSecurityPolicy} from './lib/security/csp';
import {cspManifest, matchesPage} from './lib/security/csp-manifest';

const intl = createMiddleware(routing);
const PRODUCTION = process.env.NODE_ENV === 'production';
const warned = new Set<string>();

/** The locale and the page path of a public URL: /en/privacy → en, /privacy; /privacy → ja, /privacy. */
function localeAndPath(pathname: string): {locale: string; page: string} {
  const [, first, ...rest] = pathname.split('/');
  if (first && (routing.locales as readonly string[]).includes(first))
    return {locale: first, page: '/' + rest.join('/')};
  return {locale: routing.defaultLocale, page: pathname};
}

/**
 * next-intl's routing, then what a static site cannot do by itself: every page gets a
 * Content-Security-Policy listing the hashes of exactly the inline scripts the build wrote into it
 * (from the build's CSP manifest), and an unknown path gets the prerendered localized 404 with
 * status 404. A page of the app that is not prerendered gets the CSP without hashes: its inline
 * scripts are blocked, visibly (console errors, the e2e CSP test), never turned into a 404.
 */
export default function proxy(request: NextRequest) {
  const response = intl(request);
  // Redirects (/ja/privacy → /privacy) and development (no build, no manifest) pass through.
  if (!PRODUCTION || (response.status >= 300 && response.status < 400)) return response;
  const manifest = cspManifest();
  const {locale, page} = localeAndPath(request.nextUrl.pathname);
  const route = `/${locale}${page === '/' ? '' : page.replace(/\/$/, '')}`;
  let hashes = manifest?.prerendered[route];
  let result = response;
  if (!hashes && manifest && !matchesPage(route, manifest.pages)) {
    const notFound = `/${locale}/page-not-found`;
    hashes = manifest.prerendered[notFound];
    result = NextResponse.rewrite(new URL(notFound, request.url), {status: 404, headers: response.headers});
  } else if (!hashes && !warned.has(route)) {
    warned.add(route);
    console.error(`[csp] ${route} is not prerendered: it is served with a CSP that blocks its inline scripts.`);
  }
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  result.headers.set('Content-Security-Policy', contentSecurityPolicy(hashes ?? [], {https}));
  return result;
}

export const config = {
  // Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt,
  // icons) never need locale handling; next.config.ts gives them their headers.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
