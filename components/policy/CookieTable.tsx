import {useTranslations} from 'next-intl';
import {localizedPath, type Locale} from '@/i18n/routing';
import {type CookieRegistry} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';

/**
 * The cookie registry as the policy publishes it beside Art. 2-ウ: every technology the site sets,
 * and for anything sent to a third party what 外部送信規律 requires (information, recipient, purpose).
 */
export function CookieTable({locale, registry = cookieRegistry}: {locale: Locale; registry?: CookieRegistry}) {
  const t = useTranslations('CookieTable');
  const categoryLabel = (id: string) => registry.categories.find((c) => c.id === id)?.label[locale] ?? id;
  const external = registry.cookies.filter((c) => c.externalTransmission);
  const columns = [t('name'), t('category'), t('provider'), t('purpose'), t('duration')] as const;
  return (
    <div className="cookie-table" id="cookie-table">
      <table>
        <caption>{t('caption', {scope: registry.scope[locale]})}</caption>
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {registry.cookies.map((cookie) => (
            <tr key={cookie.name}>
              <th scope="row" data-label={columns[0]}>
                <code>{cookie.name}</code>
              </th>
              <td data-label={columns[1]}>{categoryLabel(cookie.category)}</td>
              <td data-label={columns[2]}>
                {t('providerWithParty', {
                  provider: cookie.provider,
                  party: t(cookie.party === 'first' ? 'firstParty' : 'thirdParty'),
                })}
              </td>
              <td data-label={columns[3]}>{cookie.purpose[locale]}</td>
              <td data-label={columns[4]}>{cookie.duration[locale]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="cookie-table-external">{t('externalTitle')}</h3>
      {external.length === 0 ? (
        <p>{t('externalNone', {scope: registry.scope[locale]})}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recipient')}</th>
              <th scope="col">{t('information')}</th>
              <th scope="col">{t('externalPurpose')}</th>
            </tr>
          </thead>
          <tbody>
            {external.map(({name, externalTransmission: e}) => (
              <tr key={name}>
                <th scope="row" data-label={t('recipient')}>
                  {e!.recipient.company} / {e!.recipient.service}
                </th>
                <td data-label={t('information')}>{e!.information[locale]}</td>
                <td data-label={t('externalPurpose')}>{e!.purpose[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={localizedPath(locale, '/external-transmission')}>{t('externalLink')}</a>
      </p>
    </div>
  );
}
