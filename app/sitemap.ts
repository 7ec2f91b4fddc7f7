import type {MetadataRoute} from 'next';
import {routing, type Locale} from '@/i18n/routing';
import {loadPolicy} from '@/lib/policy/load';
import {policyAlternates, policyPath, SITE_URL} from '@/lib/site';

const lastUpdated = (locale: Locale) => loadPolicy(locale).document.frontmatter!.lastUpdated;

export default function sitemap(): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(Object.entries(policyAlternates()).map(([l, p]) => [l, SITE_URL + p]));
  return routing.locales.map((locale) => ({
    url: SITE_URL + policyPath(locale),
    // Only a date legal staff set; without one the sitemap states none.
    ...(lastUpdated(locale) ? {lastModified: lastUpdated(locale)} : {}),
    alternates: {languages},
  }));
}
