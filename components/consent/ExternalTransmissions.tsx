import {useTranslations} from 'next-intl';
import type {Locale} from '@/i18n/routing';
import {sitesOf, type CookieRegistry} from '@/lib/consent/registry';

/** A stable anchor per technology: its declared name, made safe for an id. */
export const transmissionAnchor = (name: string) => `transmission-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * 外部送信: one section per technology that has a visitor's device send data elsewhere — the site's
 * purpose, then each recipient with the information it receives, its own purpose, its privacy policy
 * and how to stop the transmission. With nothing declared it says only that, and nothing about what
 * would follow.
 */
export function ExternalTransmissions({registry, locale}: {registry: CookieRegistry; locale: Locale}) {
  const t = useTranslations('ExternalTransmission');
  const scope = registry.scope[locale];
  const entries = registry.cookies.filter((c) => c.externalTransmission);
  if (entries.length === 0) return <p className="external-none">{t('none', {scope})}</p>;
  const label = (id: string) => registry.categories.find((c) => c.id === id)!.label[locale];
  const usedOn = new Map(entries.map((c) => [c.name, sitesOf(registry, c, locale).join(t('sitesSeparator'))]));
  return (
    <>
      <p>{t('intro', {scope})}</p>
      {entries.map(({name, category, externalTransmission: e}) => (
        <section
          key={name}
          id={transmissionAnchor(name)}
          className="transmission"
          aria-labelledby={`${transmissionAnchor(name)}-title`}
        >
          <h2 id={`${transmissionAnchor(name)}-title`}>
            <code>{name}</code>
          </h2>
          <dl>
            <div>
              <dt>{t('purpose')}</dt>
              <dd>{e!.purpose[locale]}</dd>
            </div>
            <div>
              <dt>{t('sites')}</dt>
              <dd>{usedOn.get(name)}</dd>
            </div>
          </dl>
          {e!.recipients.map((recipient) => (
            <section key={`${recipient.company}:${recipient.service}`} className="transmission-recipient">
              <h3>{t('recipientName', {company: recipient.company, service: recipient.service})}</h3>
              <dl>
                <div>
                  <dt>{t('recipient')}</dt>
                  <dd>{t('recipientName', {company: recipient.company, service: recipient.service})}</dd>
                </div>
                <div>
                  <dt>{t('information')}</dt>
                  <dd>{recipient.information[locale]}</dd>
                </div>
                <div>
                  <dt>{t('recipientPurpose')}</dt>
                  <dd>{recipient.recipientPurpose[locale]}</dd>
                </div>
                <div>
                  <dt>{t('privacyPolicy')}</dt>
                  <dd>
                    <a href={recipient.privacyPolicy} rel="noopener noreferrer">
                      {recipient.privacyPolicy}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt>{t('optOut')}</dt>
                  <dd>
                    {category === 'necessary' ? null : <p>{t('optOutSettings', {category: label(category)})}</p>}
                    {recipient.optOut ? (
                      <p>
                        <a href={recipient.optOut} rel="noopener noreferrer">
                          {t('optOutUrl')}
                        </a>
                      </p>
                    ) : null}
                  </dd>
                </div>
              </dl>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
