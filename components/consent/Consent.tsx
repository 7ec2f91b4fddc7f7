import './consent.css';
import {getTranslations} from 'next-intl/server';
import type {Locale} from '@/i18n/routing';
import {cookieRegistry, optionalCategoriesInUse} from '@/lib/consent/registry';
import {currentConsentPolicy} from '@/lib/consent/server';
import {policyPath} from '@/lib/site';
import {ConsentBanner} from './ConsentBanner';
import {PreferencesDialog} from './PreferencesDialog';

/** Resolves every string and registry entry on the server; the client leaves get plain props. */
export async function Consent({locale}: {locale: Locale}) {
  const t = await getTranslations('ConsentBanner');
  const tp = await getTranslations('ConsentPreferences');
  const config = {
    policy: currentConsentPolicy(),
    declared: cookieRegistry.cookies.map(({name, kind, category}) => ({name, kind, category})),
  };
  const policy = policyPath(locale);
  // The banner names only the optional categories the registry actually declares something for.
  const optionalInUse = optionalCategoriesInUse(cookieRegistry);
  const body =
    optionalInUse.length === 0
      ? t('bodyNecessaryOnly')
      : t('bodyOptional', {categories: optionalInUse.map((c) => c.label[locale]).join(locale === 'ja' ? '・' : ', ')});
  const categories = cookieRegistry.categories.map((category) => ({
    id: category.id,
    label: category.label[locale],
    description: category.description[locale],
    cookies: cookieRegistry.cookies
      .filter((cookie) => cookie.category === category.id)
      .map((cookie) => ({
        name: cookie.name,
        purpose: cookie.purpose[locale],
        detail: tp('cookieDetail', {provider: cookie.provider, duration: cookie.duration[locale]}),
      })),
  }));
  return (
    <>
      <ConsentBanner
        locale={locale}
        config={config}
        policyHref={`${policy}#article-2-1-u`}
        revisionsHref={`${policy}#revisions`}
        strings={{
          accept: t('accept'),
          body,
          decline: t('decline'),
          policyLink: t('policyLink'),
          reconsent: t('reconsent'),
          revisionsLink: t('revisionsLink'),
          saved: t('saved'),
          settings: t('settings'),
          title: t('title'),
        }}
      />
      <PreferencesDialog
        categories={categories}
        strings={{
          acceptAll: tp('acceptAll'),
          alwaysOn: tp('alwaysOn'),
          close: tp('close'),
          cookiesUsed: tp('cookiesUsed'),
          declineAll: tp('declineAll'),
          description: tp('description'),
          noCookies: tp('noCookies'),
          receiptChoices: tp('receiptChoices'),
          receiptConsentId: tp('receiptConsentId'),
          receiptDelete: tp('receiptDelete'),
          receiptDeleteFailed: tp('receiptDeleteFailed'),
          receiptDeleted: tp('receiptDeleted'),
          receiptDenied: tp('receiptDenied'),
          receiptDownload: tp('receiptDownload'),
          receiptGranted: tp('receiptGranted'),
          receiptPolicyVersion: tp('receiptPolicyVersion'),
          receiptRecordedAt: tp('receiptRecordedAt'),
          receiptTitle: tp('receiptTitle'),
          save: tp('save'),
          title: tp('title'),
        }}
      />
    </>
  );
}
