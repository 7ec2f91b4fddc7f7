import type {GetStaticPaths, GetStaticProps} from 'next';
import {createTranslator, useTranslations} from 'next-intl';
import {isLocale, type Locale} from '@/i18n/routing';
import type {CookieRegistry} from '@/lib/consent/registry';
import {alternates} from '@/components/page/head';
import {localePaths, MESSAGES, staticPage, type StaticPageProps} from '@/components/page/render';
import {ExternalTransmissions} from './ExternalTransmissions';

/**
 * 「外部送信について」 as a page: the site's at /external-transmission, npm test's fixture
 * registry at /e2e-fixtures/external-transmission. Prerendered per locale from the registry.
 */
export function externalTransmissionRoute(
  registry: CookieRegistry,
  href: string,
): {
  getStaticPaths: GetStaticPaths<{locale: string}>;
  getStaticProps: GetStaticProps<StaticPageProps, {locale: string}>;
} {
  return {
    getStaticPaths: localePaths,
    async getStaticProps({params}) {
      if (!params || !isLocale(params.locale)) return {notFound: true};
      const locale = params.locale;
      const t = createTranslator({locale, messages: MESSAGES[locale], namespace: 'ExternalTransmission'});
      const head = {title: t('title'), description: t('metaDescription'), ...alternates(locale, href)};
      return staticPage(locale, head, <ExternalTransmissionPage registry={registry} locale={locale} />);
    },
  };
}

function ExternalTransmissionPage({registry, locale}: {registry: CookieRegistry; locale: Locale}) {
  const t = useTranslations('ExternalTransmission');
  return (
    <article className="policy external-transmission">
      <h1>{t('title')}</h1>
      <ExternalTransmissions registry={registry} locale={locale} />
    </article>
  );
}
