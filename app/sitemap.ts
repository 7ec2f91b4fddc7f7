import type {MetadataRoute} from 'next';
import {languageAlternates, localizedPath, routing} from '@/i18n/routing';
import {loadPolicyHistory} from '@/lib/policy/load';
import {SITE_POLICY} from '@/lib/policy/sources';
import {SITE_URL} from '@/lib/site';

/**
 * The policy, its list of versions, every version and every comparison, and the 外部送信 page, in
 * both languages.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const versions = loadPolicyHistory(SITE_POLICY.dir);
  const policyPaths = [
    '',
    '/versions',
    ...versions.map((v) => `/versions/${v.version}`),
    ...versions.slice(1).map((v) => `/versions/${v.version}/changes`),
  ].map((rest) => `${SITE_POLICY.base}${rest}`);
  return [...policyPaths, '/external-transmission'].flatMap((href) => {
    const languages = Object.fromEntries(
      Object.entries(languageAlternates(href)).map(([language, path]) => [language, SITE_URL + path]),
    );
    return routing.locales.map((locale) => ({url: SITE_URL + localizedPath(locale, href), alternates: {languages}}));
  });
}
