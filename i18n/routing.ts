import {defineRouting} from 'next-intl/routing';

// Japanese is the authoritative text and lives at the unprefixed paths for every browser:
// no Accept-Language detection and no locale cookie (no cookie may be set before consent).
// hreflang alternates come from the page metadata (absolute, on SITE_URL); next-intl's Link
// header would repeat them per request with the request's host, contradicting the canonical URL.
export const routing = defineRouting({
  locales: ['ja', 'en'],
  defaultLocale: 'ja',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

/**
 * Whether a string is one of the site's locales. (next-intl's own hasLocale lives in its main entry,
 * which also holds its client provider: importing it from a server layout ships the i18n runtime,
 * about 13 KB gzip, to every page.)
 */
export function isLocale(value: string | undefined): value is Locale {
  return (routing.locales as readonly string[]).includes(value ?? '');
}

/**
 * A page's path in a locale, as the routing above writes it: Japanese unprefixed, English under
 * /en. (next-intl's getPathname comes with its Link, a client component that would ship next/link
 * and its i18n runtime to every page.)
 */
export function localizedPath(locale: Locale, href: string): string {
  return locale === routing.defaultLocale ? href : `/${locale}${href === '/' ? '' : href}`;
}

/** hreflang alternates of a page: its path in every locale, and Japanese (the original) as x-default. */
export function languageAlternates(href: string): Record<string, string> {
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((l) => [l, localizedPath(l, href)]));
  languages['x-default'] = localizedPath(routing.defaultLocale, href);
  return languages;
}
