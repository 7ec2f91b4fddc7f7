import './consent.css';
import {getTranslations} from 'next-intl/server';
import type {Locale} from '@/i18n/routing';
import {cookieRegistry} from '@/lib/consent/registry';
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
  const categories = cookieRegistry.categories.map((category) => ({
    id: category.id,
    label: category.label[locale],
    description: category.description[locale],
    cookies: cookieRegistry.cookies
      .filter((cookie) => cookie.category === category.id)
      .map((cookie) => ({name: cookie.name, provider: cookie.provider, purpose: cookie.purpose[locale], duration: cookie.duration[locale]})),
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
          body: t('body'),
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
          duration: tp('duration'),
          noCookies: tp('noCookies'),
          provider: tp('provider'),
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
