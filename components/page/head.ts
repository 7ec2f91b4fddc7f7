import {languageAlternates, localizedPath, routing, type Locale} from '@/i18n/routing';
import {OPEN_GRAPH_LOCALE} from '@/lib/site';

/** A page's <head>, as data: getStaticProps decides it, the document renders it (PageHead.tsx). */
export interface PageHead {
  title: string;
  description?: string;
  /** Absolute paths of this page in every language, hreflang → path; canonical is the page's own. */
  canonical?: string;
  languages?: Record<string, string>;
  openGraph?: {
    siteName: string;
    url: string;
    locale: string;
    alternateLocales: string[];
    modifiedTime?: string;
  };
  noindex?: boolean;
}

/** Canonical and hreflang of a public path (the same page in every language). */
export function alternates(locale: Locale, href: string): Pick<PageHead, 'canonical' | 'languages'> {
  return {canonical: localizedPath(locale, href), languages: languageAlternates(href)};
}

/** Open Graph for an article page in a language. */
export function openGraph(locale: Locale, href: string, siteName: string, modifiedTime?: string) {
  return {
    siteName,
    url: localizedPath(locale, href),
    locale: OPEN_GRAPH_LOCALE[locale],
    alternateLocales: routing.locales.filter((l) => l !== locale).map((l) => OPEN_GRAPH_LOCALE[l]),
    ...(modifiedTime ? {modifiedTime} : {}),
  };
}
