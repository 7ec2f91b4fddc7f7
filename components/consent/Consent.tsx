import './consent.css';
import {getMessages, getTranslations} from 'next-intl/server';
import type {Locale} from '@/i18n/routing';
import {optionalCategoriesInUse} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';
import {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} from '@/lib/consent/server';
import {policyPath} from '@/components/policy/links';
import {ConsentBanner} from './ConsentBanner';
import {ConsentRoot} from './ConsentRoot';
import {PreferencesDialog} from './PreferencesDialog';

/**
 * The consent UI of every page: the store's root, the banner and the preferences dialog. Strings and
 * registry entries are resolved here, on the server; the client leaves get plain props.
 */
export async function Consent({locale}: {locale: Locale}) {
  const tb = await getTranslations('ConsentBannerBody');
  const tp = await getTranslations('ConsentPreferences');
  const {ConsentBanner: bannerStrings, ConsentPreferences: preferencesStrings} = await getMessages();
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
      <ConsentRoot
        schedule={consentSchedule()}
        registry={REGISTRY_FINGERPRINT}
        declared={cookieRegistry.cookies.map(({name, kind, category}) => ({name, kind, category}))}
      />
      <ConsentBanner
        locale={locale}
        policyHref={`${policy}#article-2-1-u`}
        revisionsHref={`${policy}/changes`}
        strings={{...bannerStrings, body}}
      />
      <PreferencesDialog categories={categories} strings={preferencesStrings} textHashes={consentTextHashes()} />
    </>
  );
}
