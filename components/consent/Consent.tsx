import {useMessages, useTranslations} from 'next-intl';
import type {Locale} from '@/i18n/routing';
import {optionalCategoriesInUse} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';
import {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} from '@/lib/consent/server';
import {cookieClauseCitation, policyPath} from '@/components/policy/links';
import {ConsentBanner} from './ConsentBanner';
import {DeclaredTechnologies} from './DeclaredTechnologies';
import {JsonScript} from './json-script';
import {PreferencesDialog} from './PreferencesDialog';

/**
 * The consent UI of every page: the banner and the preferences dialog, rendered on the server with
 * their strings and the registry's entries, and the data the consent island needs (the policy's
 * schedule, the registry's fingerprint, the text hashes, what to delete on withdrawal).
 */
export function Consent({locale}: {locale: Locale}) {
  const tb = useTranslations('ConsentBannerBody');
  const tp = useTranslations('ConsentPreferences');
  const tc = useTranslations('ConsentBanner');
  const cookieClause = cookieClauseCitation(locale);
  const {ConsentBanner: bannerStrings, ConsentPreferences: preferencesStrings} = useMessages();
  // The banner names only the optional categories the registry actually declares something for.
  const optionalInUse = optionalCategoriesInUse(cookieRegistry);
  const body =
    optionalInUse.length === 0
      ? tb('necessaryOnly')
      : tb('optional', {categories: optionalInUse.map((c) => c.label[locale]).join(locale === 'ja' ? '・' : ', ')});
  const policy = policyPath(locale);
  const categories = cookieRegistry.categories.map((category) => ({
    id: category.id,
    label: category.label[locale],
    description: category.description[locale],
    cookies: cookieRegistry.cookies
      .filter((cookie) => cookie.category === category.id)
      .map((cookie) => ({
        name: cookie.name,
        purpose: cookie.purpose[locale],
        detail: [
          tp('cookieDetail', {provider: cookie.provider, duration: cookie.duration[locale]}),
          ...(cookie.externalTransmission?.recipients ?? []).map((recipient) =>
            tp('recipientDetail', {company: recipient.company, service: recipient.service}),
          ),
        ].join(locale === 'ja' ? '。' : '. '),
      })),
  }));
  return (
    <>
      <JsonScript
        data-consent-config=""
        value={{schedule: consentSchedule(), registry: REGISTRY_FINGERPRINT, textHashes: consentTextHashes()}}
      />
      <DeclaredTechnologies registry={cookieRegistry} />
      <ConsentBanner
        locale={locale}
        policyHref={cookieClause.href}
        revisionsHref={`${policy}/changes`}
        cookieTableHref={`${policy}#cookie-table`}
        strings={{...bannerStrings, body, policyLink: tc('policyLink', cookieClause.words)}}
      />
      <PreferencesDialog categories={categories} strings={preferencesStrings} />
    </>
  );
}
