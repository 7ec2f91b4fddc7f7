import {getPathname} from '@/i18n/navigation';
import type {Locale} from '@/i18n/routing';

/** The public origin, for canonical URLs, hreflang alternates and the sitemap. */
export const SITE_URL = (process.env.SITE_URL ?? 'https://heyimg.net').replace(/\/$/, '');

export function policyPath(locale: Locale): string {
  return getPathname({locale, href: '/privacy'});
}

export const OPEN_GRAPH_LOCALE: Record<Locale, string> = {ja: 'ja_JP', en: 'en_US'};
