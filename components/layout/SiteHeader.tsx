import {useTranslations} from 'next-intl';
import {routing, type Locale} from '@/i18n/routing';
import {policyPath} from '@/components/policy/links';
import {LanguageSwitchLink} from './LanguageSwitchLink';

export function SiteHeader({locale}: {locale: Locale}) {
  const t = useTranslations('SiteHeader');
  const tl = useTranslations('LanguageSwitch');
  const other = routing.locales.find((l) => l !== locale)!;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="site-header-inner">
        <a className="brand" href={policyPath(locale)} aria-label={t('home')}>
          HeyImg
        </a>
        <nav aria-label={tl('label')}>
          <LanguageSwitchLink href={policyPath(other)} hrefLang={other}>
            {tl('otherLanguage')}
          </LanguageSwitchLink>
        </nav>
      </div>
    </header>
  );
}
