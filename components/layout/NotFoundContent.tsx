import {useTranslations} from 'next-intl';
import {policyPath} from '@/components/policy/links';
import type {Locale} from '@/i18n/routing';

export function NotFoundContent({locale}: {locale: Locale}) {
  const t = useTranslations('NotFound');
  return (
    <div className="not-found">
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <p>
        <a href={policyPath(locale)}>{t('backLink')}</a>
      </p>
    </div>
  );
}
