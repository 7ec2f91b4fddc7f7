// Japanese is the authoritative text and lives at the unprefixed paths for every browser:
// no Accept-Language detection and no locale cookie (no cookie may be set before consent);
// proxy.ts redirects /ja/… there. hreflang alternates are in each page's <head> (absolute, on
// SITE_URL), never a Link header with the request's host.
export const routing = {locales: ['ja', 'en'], defaultLocale: 'ja'} as const;

export type Locale = (typeof routing.locales)[number];

/** Whether a string is one of the site's locales . */
export function isLocale(value: string | undefined): value is Locale {
  return (routing.locales as readonly string[]).includes(value ?? '');
}

/** A page's path in a locale, as the routing above writes it: Japanese unprefixed, English under /en. */
export function localizedPath(locale: Locale, href: string): string {
  return locale === routing.defaultLocale ? href : `/${locale}${href === '/' ? '' : href}`;
}

/** hreflang alternates of a page: its path in every locale, and Japanese (the original) as x-default. */
export function languageAlternates(href: string): Record<string, string> {
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((l) => [l, localizedPath(l, href)]));
  languages['x-default'] = localizedPath(routing.defaultLocale, href);
  return languages;
}
