import {getPathname} from '@/i18n/navigation';
import {routing, type Locale} from '@/i18n/routing';

/** The public origin, for canonical URLs, hreflang alternates and the sitemap. */
export const SITE_URL = (process.env.SITE_URL ?? 'https://heyimg.net').replace(/\/$/, '');

export function policyPath(locale: Locale): string {
  return getPathname({locale, href: '/privacy'});
}

/** hreflang alternates for the policy: every locale, and Japanese (the original) as x-default. */
export function policyAlternates(): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of routing.locales) languages[locale] = policyPath(locale);
  languages['x-default'] = policyPath(routing.defaultLocale);
  return languages;
}

export const OPEN_GRAPH_LOCALE: Record<Locale, string> = {ja: 'ja_JP', en: 'en_US'};
