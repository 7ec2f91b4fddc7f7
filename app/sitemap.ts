import type {MetadataRoute} from 'next';
import {routing} from '@/i18n/routing';
import {loadPolicy} from '@/lib/policy/load';
import {policyAlternates, policyPath, SITE_URL} from '@/lib/site';

export default function sitemap(): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(Object.entries(policyAlternates()).map(([l, p]) => [l, SITE_URL + p]));
  return routing.locales.map((locale) => ({
    url: SITE_URL + policyPath(locale),
    lastModified: loadPolicy(locale).document.frontmatter!.lastUpdated,
    alternates: {languages},
  }));
}
