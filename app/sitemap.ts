import type {MetadataRoute} from 'next';
import {localizedPath, routing} from '@/i18n/routing';
import {loadPolicyHistory} from '@/lib/policy/load';
import {SITE_POLICY} from '@/lib/policy/sources';
import {SITE_URL} from '@/lib/site';

/** The policy, its list of versions, every version and every comparison, in both languages. */
export default function sitemap(): MetadataRoute.Sitemap {
  const versions = loadPolicyHistory(SITE_POLICY.dir);
  const paths = [
    '',
    '/versions',
    ...versions.map((v) => `/versions/${v.version}`),
    ...versions.slice(1).map((v) => `/versions/${v.version}/changes`),
  ];
  return paths.flatMap((rest) => {
    const href = `${SITE_POLICY.base}${rest}`;
    const url = (locale: (typeof routing.locales)[number]) => SITE_URL + localizedPath(locale, href);
    const languages: Record<string, string> = Object.fromEntries(routing.locales.map((l) => [l, url(l)]));
    languages['x-default'] = url(routing.defaultLocale);
    return routing.locales.map((locale) => ({url: url(locale), alternates: {languages}}));
  });
}
