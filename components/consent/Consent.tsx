import {useMessages, useTranslations} from 'next-intl';
import type {Locale} from '@/i18n/routing';
import {optionalCategoriesInUse, sitesOf} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';
import {CONSENT_COOKIE_DOMAIN} from '@/lib/consent/config';
import {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} from '@/lib/consent/server';
import type {IslandConfig} from './island';
import {cookieClauseCitation, policyPath} from '@/components/policy/links';
import {ConsentBanner} from './ConsentBanner';
import {ConsentNotice} from './ConsentNotice';
import {DeclaredTechnologies} from './DeclaredTechnologies';
import {JsonScript} from './json-script';
import {PreferencesDialog} from './PreferencesDialog';

/**
 * What the behaviour module works from, beside the markup: the policy's schedule, the registry's
 * fingerprint, the text hashes and the cookie's domain — the same for this site's pages and for
 * the embed's data (scripts/build-assets.ts).
 */
export function consentIslandConfig(): IslandConfig {
  return {
    schedule: consentSchedule(),
    registry: REGISTRY_FINGERPRINT,
    textHashes: consentTextHashes(),
    cookieDomain: CONSENT_COOKIE_DOMAIN,
  };
}

/**
 * The consent's markup, rendered on the server with its strings and the registry's entries: the
 * banner, the notice and the Cookie settings dialog — into every page of this site, and into the
 * embed's data for every other HeyImg page. Links are paths of this site (the embed makes them
 * absolute).
 */
export function ConsentMarkup({locale}: {locale: Locale}) {
  const tb = useTranslations('ConsentBannerBody');
  const tp = useTranslations('ConsentPreferences');
  const tc = useTranslations('ConsentBanner');
  const cookieClause = cookieClauseCitation(locale);
  const {
    ConsentBanner: bannerStrings,
    ConsentPreferences: preferencesStrings,
    ConsentNotice: noticeStrings,
  } = useMessages();
  // The banner names only the optional categories the registry actually declares something for.
  const optionalInUse = optionalCategoriesInUse(cookieRegistry);
  // Whom the consent speaks for is the registry's scope, on this site's pages and another HeyImg
  // page's alike: which sites it covers is legal staff's decision (docs/legal-review.md).
  const scope = cookieRegistry.scope[locale];
  const body =
    optionalInUse.length === 0
      ? tb('necessaryOnly', {scope})
      : tb('optional', {
          scope,
          categories: optionalInUse.map((c) => c.label[locale]).join(locale === 'ja' ? '・' : ', '),
        });
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
          tp('cookieDetail', {
            provider: cookie.provider,
            duration: cookie.duration[locale],
            sites: sitesOf(cookieRegistry, cookie, locale).join(tp('receiptChoiceSeparator')),
          }),
          ...(cookie.externalTransmission?.recipients ?? []).map((recipient) =>
            tp('recipientDetail', {company: recipient.company, service: recipient.service}),
          ),
        ].join(locale === 'ja' ? '。' : '. '),
      })),
  }));
  return (
    <>
      <ConsentBanner
        locale={locale}
        policyHref={cookieClause.href}
        revisionsHref={`${policy}/changes`}
        cookieTableHref={`${policy}#cookie-table`}
        strings={{...bannerStrings, body, policyLink: tc('policyLink', cookieClause.words)}}
      />
      <ConsentNotice strings={noticeStrings} />
      <PreferencesDialog
        categories={categories}
        strings={{
          ...preferencesStrings,
          description: tp('description', {scope}),
          noCookies: tp('noCookies', {scope}),
        }}
      />
    </>
  );
}

/**
 * The consent UI of every page of this site: its markup, and the data the consent island needs
 * (the island's configuration, what to delete on withdrawal).
 */
export function Consent({locale}: {locale: Locale}) {
  return (
    <>
      <JsonScript data-consent-config="" value={consentIslandConfig()} />
      <DeclaredTechnologies registry={cookieRegistry} />
      <ConsentMarkup locale={locale} />
    </>
  );
}
