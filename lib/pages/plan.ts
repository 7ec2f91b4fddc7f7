import {isLocale, routing} from '../../i18n/routing';
import {epochOn, japanDay, nextSwitch, pageCacheControl} from '../policy/schedule';
import {contentSecurityPolicy} from '../security/csp';
import {matchesPage, type CspManifest, type PageHashes, type PrerenderedPage} from '../security/csp-manifest';
import {withSecurityHeaders} from '../security/headers';

/**
 * What a public URL shows: the one decision behind both senders of pages, the front door in Node's
 * server (lib/pages/front-door.ts) and the proxy (proxy.ts), so they cannot disagree. A policy page
 * is the version in force on the day (prerendered once per epoch), so it switches on its effective
 * date without a rebuild; an unknown path is the localized 404.
 */

/** A mistyped address may stay a 404 in a shared cache for a minute only. */
export const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';

export type PagePlan =
  /** /ja/… → the unprefixed path, 307 (as next-intl's routing did). */
  | {kind: 'redirect'; location: string}
  /** Answer from the build's copy of a prerendered page. */
  | {kind: 'copy'; route: string; page: PrerenderedPage; status: 200 | 404; cacheControl: string}
  /** Leave it to Next, rewritten to the internal route; `hashes` null: no CSP (development). */
  | {kind: 'next'; route: string; status: 200 | 404; cacheControl: string | null; hashes: PageHashes | null};

/**
 * The time pages are chosen for. npm test's server (E2E_FIXTURES=1 at run time) lets a test move it
 * with the x-e2e-now header, to cross an effective date; no other server reads that header.
 */
export function pageClock(e2eNow: string | null | undefined): number {
  const forced = process.env.E2E_FIXTURES === '1' ? Number(e2eNow) : NaN;
  return Number.isFinite(forced) && forced > 0 ? forced : Date.now();
}

/** The locale and the page path of a public URL: /en/privacy → en, /privacy; /privacy → ja, /privacy. */
function localeAndPath(pathname: string): {locale: string; page: string} {
  const [, first, ...rest] = pathname.split('/');
  if (first && isLocale(first)) return {locale: first, page: '/' + rest.join('/')};
  return {locale: routing.defaultLocale, page: pathname};
}

/**
 * A policy page's internal route: its pages are prerendered once per epoch (the version in force),
 * and the epoch of the current day is served. /privacy/changes is what the version in force changed.
 */
function policyRoute(policies: CspManifest['policies'], locale: string, page: string, at: number) {
  for (const policy of policies) {
    if (page !== policy.base && !page.startsWith(`${policy.base}/`)) continue;
    const epoch = epochOn(policy.versions, japanDay(at));
    const rest = page.slice(policy.base.length).replace(/\/$/, '');
    const internal = rest === '/changes' ? `/versions/${policy.versions[epoch.current]!.version}/changes` : rest;
    return {route: `/${locale}${policy.base}/${epoch.name}${internal}`, switchesAt: nextSwitch(policy.versions, at)};
  }
  return null;
}

const NO_HASHES: PageHashes = {scripts: [], styles: []};

/**
 * The plan for a GET or HEAD (`answerable`) or another method of a public page. `manifest` is the
 * build's (null in development, and in a production build without its last step: then no page has
 * hashes, so its inline scripts are blocked, never allowed); `policies` are the manifest's, or
 * development's.
 */
export function pagePlan(
  url: {pathname: string; search: string},
  options: {
    at: number;
    answerable: boolean;
    production: boolean;
    manifest: CspManifest | null;
    policies: CspManifest['policies'];
  },
): PagePlan {
  const {pathname} = url;
  const prefix = `/${routing.defaultLocale}`;
  if (pathname === prefix || pathname.startsWith(`${prefix}/`))
    return {kind: 'redirect', location: (pathname.slice(prefix.length) || '/') + url.search};
  const {locale, page} = localeAndPath(pathname);
  const policy = policyRoute(options.policies, locale, page, options.at);
  const route = policy?.route ?? `/${locale}${page === '/' ? '' : page.replace(/\/$/, '')}`;
  const {manifest} = options;
  if (!options.production) return {kind: 'next', route, status: 200, cacheControl: null, hashes: null};
  // The 404 page's own address is not a page: it answers 404 like any unknown one.
  const notFoundRoute = `/${locale}/page-not-found`;
  const prerendered = route === notFoundRoute ? undefined : manifest?.prerendered[route];
  if (prerendered) {
    // Never Next's year-long default: a shared cache keeps a page for a bounded time, and a policy
    // page no later than the next version's effective date.
    const cacheControl = pageCacheControl(policy?.switchesAt ?? null, options.at);
    return options.answerable
      ? {kind: 'copy', route, page: prerendered, status: 200, cacheControl}
      : {kind: 'next', route, status: 200, cacheControl, hashes: prerendered};
  }
  if (manifest && (policy || route === notFoundRoute || !matchesPage(route, manifest.pages))) {
    const notFound = manifest.prerendered[notFoundRoute];
    return notFound && options.answerable
      ? {kind: 'copy', route: notFoundRoute, page: notFound, status: 404, cacheControl: NOT_FOUND_CACHE_CONTROL}
      : {
          kind: 'next',
          route: notFoundRoute,
          status: 404,
          cacheControl: NOT_FOUND_CACHE_CONTROL,
          hashes: notFound ?? NO_HASHES,
        };
  }
  // A page of the app that is not prerendered: its inline scripts are blocked, visibly, never
  // turned into a 404.
  return {kind: 'next', route, status: 200, cacheControl: null, hashes: NO_HASHES};
}

/** A page's own headers: the security headers, its CSP (hashes of its inline scripts), Cache-Control. */
export function pageHeaders(hashes: PageHashes, cacheControl: string | null, https: boolean): Record<string, string> {
  return withSecurityHeaders({
    ...(cacheControl ? {'cache-control': cacheControl} : {}),
    'content-security-policy': contentSecurityPolicy(hashes, {https}),
  });
}
