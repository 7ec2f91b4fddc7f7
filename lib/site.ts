import type {Locale} from '@/i18n/routing';

/** The public origin, for canonical URLs, hreflang alternates, the sitemap and the Origin check. */
export const SITE_URL = (process.env.SITE_URL ?? 'https://heyimg.net').replace(/\/$/, '');

export const OPEN_GRAPH_LOCALE: Record<Locale, string> = {ja: 'ja_JP', en: 'en_US'};
