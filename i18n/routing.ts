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
