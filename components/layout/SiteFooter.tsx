import {getLocale, getTranslations} from 'next-intl/server';
import {CookieSettingsLink} from '@/components/consent/CookieSettingsLink';
import {policyPath} from '@/components/policy/links';
import {getPathname} from '@/i18n/navigation';

export async function SiteFooter() {
  const t = await getTranslations('SiteFooter');
  const locale = await getLocale();
  return (
    <footer className="site-footer">
      <nav aria-label={t('label')}>
        <ul>
          <li>
            <a href={policyPath(locale)}>{t('privacyPolicy')}</a>
          </li>
          <li>
            <a href={getPathname({locale, href: '/external-transmission'})}>{t('externalTransmission')}</a>
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
