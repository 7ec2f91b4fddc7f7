import {useLocale, useTranslations} from 'next-intl';
import {CookieSettingsLink} from '@/components/consent/CookieSettingsLink';
import {policyPath} from '@/components/policy/links';
import {isLocale, localizedPath, routing} from '@/i18n/routing';

export function SiteFooter() {
  const t = useTranslations('SiteFooter');
  const requested = useLocale();
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return (
    <footer className="site-footer">
      <nav aria-label={t('label')}>
        <ul>
          <li>
            <a href={policyPath(locale)}>{t('privacyPolicy')}</a>
          </li>
          <li>
            <a href={localizedPath(locale, '/external-transmission')}>{t('externalTransmission')}</a>
          </li>
          <li>
            <CookieSettingsLink label={t('cookieSettings')} />
          </li>
        </ul>
      </nav>
      <p>{t('copyright')}</p>
    </footer>
  );
}
