import {NextResponse, type NextRequest} from 'next/server';
import createMiddleware from 'next-intl/middleware';
import {routing} from './i18n/routing';
import {contentSecurityPolicy} from './lib/security/csp';
import {routeScriptHashes} from './lib/security/route-hashes';

const intl = createMiddleware(routing);
const PRODUCTION = process.env.NODE_ENV === 'production';

/** The locale and the page path of a public URL: /en/privacy → en, /privacy; /privacy → ja, /privacy. */
function localeAndPath(pathname: string): {locale: string; page: string} {
  const [, first, ...rest] = pathname.split('/');
  if (first && (routing.locales as readonly string[]).includes(first))
    return {locale: first, page: '/' + rest.join('/')};
  return {locale: routing.defaultLocale, page: pathname};
}

/**
 * next-intl's routing, then two things a static site cannot do by itself: an unknown path gets the
 * localized 404 page (prerendered, with status 404), and every page gets a Content-Security-Policy
 * listing the hashes of exactly the inline scripts the build wrote into it.
 */
export default function proxy(request: NextRequest) {
  const response = intl(request);
  // Redirects (/ja/privacy → /privacy) and development (no prerendered pages) pass through.
  if (!PRODUCTION || (response.status >= 300 && response.status < 400)) return response;
  const {locale, page} = localeAndPath(request.nextUrl.pathname);
  let route = `/${locale}${page === '/' ? '' : page.replace(/\/$/, '')}`;
  let hashes = routeScriptHashes(route);
  let result = response;
  if (!hashes) {
    route = `/${locale}/page-not-found`;
    hashes = routeScriptHashes(route) ?? [];
    result = NextResponse.rewrite(new URL(route, request.url), {status: 404, headers: response.headers});
  }
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  result.headers.set('Content-Security-Policy', contentSecurityPolicy(hashes, {https}));
  return result;
}

export const config = {
  // Pages only: API routes, Next's assets and files with an extension (sitemap.xml, robots.txt,
  // icons) never need locale handling; next.config.ts gives them their headers.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
