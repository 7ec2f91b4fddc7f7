import {useTranslations} from 'next-intl';
import {localizedPath, type Locale} from '@/i18n/routing';
import {sitesOf, type CookieRegistry} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';
import {cookieClauseCitation} from './links';

/**
 * The cookie registry as the site shows it after the policy's text — labelled as the site's display,
 * not a clause of the policy (where it goes is legal staff's decision, docs/legal-review.md): every
 * technology the site sets and, for anything sent elsewhere, each recipient, what is sent and why.
 */
export function CookieTable({locale, registry = cookieRegistry}: {locale: Locale; registry?: CookieRegistry}) {
  const t = useTranslations('CookieTable');
  const categoryLabel = (id: string) => registry.categories.find((c) => c.id === id)?.label[locale] ?? id;
  const external = registry.cookies.filter((c) => c.externalTransmission);
  const columns = [t('name'), t('category'), t('provider'), t('purpose'), t('duration'), t('sites')] as const;
  return (
    <section className="cookie-table" id="cookie-table" aria-labelledby="cookie-table-title">
      <h2 id="cookie-table-title">{t('title')}</h2>
      <p className="cookie-table-note" role="note">
        {t('note', cookieClauseCitation(locale).words)}
      </p>
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
              <td data-label={columns[5]}>{sitesOf(registry, cookie, locale).join(t('sitesSeparator'))}</td>
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
            {external.flatMap(({name, externalTransmission: e}) =>
              e!.recipients.map((recipient) => (
                <tr key={`${name}:${recipient.company}:${recipient.service}`}>
                  <th scope="row" data-label={t('recipient')}>
                    {t('recipientName', {company: recipient.company, service: recipient.service})}
                  </th>
                  <td data-label={t('information')}>{recipient.information[locale]}</td>
                  <td data-label={t('externalPurpose')}>{e!.purpose[locale]}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <p>
        {/* The details sentence only when there are details: nothing is sent today. */}
        <a href={localizedPath(locale, '/external-transmission')}>
          {external.length === 0 ? t('externalPage') : t('externalLink')}
        </a>
      </p>
    </section>
  );
}
