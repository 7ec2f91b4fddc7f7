import {localizedPath, type Locale} from '@/i18n/routing';
import {citationOf, COOKIE_CLAUSE} from '@/lib/policy/citations';
import type {PolicySource} from '@/lib/policy/sources';

/** Public addresses of a policy's pages (what lib/pages/plan.ts maps to the epoch's prerendered pages). */
export function policyLinks(source: PolicySource, locale: Locale) {
  const at = (rest: string) => localizedPath(locale, `${source.base}${rest}`);
  return {
    current: at(''),
    list: at('/versions'),
    version: (version: string) => at(`/versions/${version}`),
    changes: (version: string) => at(`/versions/${version}/changes`),
  };
}

export type PolicyLinks = ReturnType<typeof policyLinks>;

/** The site's policy in a language: /privacy, /en/privacy. */
export function policyPath(locale: Locale): string {
  return localizedPath(locale, '/privacy');
}

/**
 * The clause the Cookie banner and the cookie table's note cite, declared once
 * (lib/policy/citations.ts, which the checker holds every version to): its link in a language, and
 * the words that quote it ({clause}, {heading} in their messages).
 */
export function cookieClauseCitation(locale: Locale) {
  return {href: `${policyPath(locale)}#${COOKIE_CLAUSE.anchor}`, words: citationOf(COOKIE_CLAUSE, locale)};
}
