import {defineRouting} from 'next-intl/routing';

// Japanese is the authoritative text and lives at the unprefixed paths for every browser:
// no Accept-Language detection and no locale cookie (no cookie may be set before consent).
export const routing = defineRouting({
  locales: ['ja', 'en'],
  defaultLocale: 'ja',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
