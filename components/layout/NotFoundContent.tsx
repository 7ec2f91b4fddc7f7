import {getTranslations} from 'next-intl/server';
import {policyPath} from '@/components/policy/links';
import type {Locale} from '@/i18n/routing';

export async function NotFoundContent({locale}: {locale: Locale}) {
  const t = await getTranslations({locale, namespace: 'NotFound'});
  return (
    <div className="not-found">
      <title>{t('title')}</title>
      <meta name="robots" content="noindex" />
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <p>
        <a href={policyPath(locale)}>{t('backLink')}</a>
      </p>
    </div>
  );
}
