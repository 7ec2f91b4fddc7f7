import type {Metadata} from 'next';
import {notFound} from 'next/navigation';
import {getTranslations, setRequestLocale} from 'next-intl/server';
import {isLocale, languageAlternates, localizedPath, routing} from '@/i18n/routing';
import type {CookieRegistry} from '@/lib/consent/registry';
import {ExternalTransmissions} from './ExternalTransmissions';

/**
 * 「外部送信について」 as a route: the site's at /external-transmission, npm test's fixture
 * registry at /e2e-fixtures/external-transmission. Prerendered per locale from the registry.
 */
export function externalTransmissionRoute(registry: CookieRegistry, href: string) {
  type Params = {params: Promise<{locale: string}>};
  const localeOf = async ({params}: Params) => {
    const {locale} = await params;
    if (!isLocale(locale)) notFound();
    setRequestLocale(locale);
    return locale;
  };
  return {
    generateStaticParams: () => routing.locales.map((locale) => ({locale})),
    async generateMetadata(props: Params): Promise<Metadata> {
      const locale = await localeOf(props);
      const t = await getTranslations({locale, namespace: 'ExternalTransmission'});
      const alternates = {canonical: localizedPath(locale, href), languages: languageAlternates(href)};
      return {title: t('title'), description: t('metaDescription'), alternates};
    },
    async Page(props: Params) {
      const locale = await localeOf(props);
      const t = await getTranslations('ExternalTransmission');
      return (
        <article className="policy external-transmission">
          <h1>{t('title')}</h1>
          <ExternalTransmissions registry={registry} locale={locale} />
        </article>
      );
    },
  };
}
