import {useTranslations} from 'next-intl';
import type {Locale} from '@/i18n/routing';
import type {CookieRegistry} from '@/lib/consent/registry';

/** A stable anchor per technology: its declared name, made safe for an id. */
export const transmissionAnchor = (name: string) => `transmission-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * 外部送信 (電気通信事業法 第27条の12): one entry per technology that sends visitor data to a third
 * party — recipient, information, the site's purpose and the recipient's, the recipient's privacy
 * policy, and how to stop it. With nothing declared, says so for this website and what would be here.
 */
export function ExternalTransmissions({registry, locale}: {registry: CookieRegistry; locale: Locale}) {
  const t = useTranslations('ExternalTransmission');
  const scope = registry.scope[locale];
  const entries = registry.cookies.filter((c) => c.externalTransmission);
  if (entries.length === 0) {
    return (
      <>
        <p className="external-none">{t('none', {scope})}</p>
        <p>{t('noneWhat')}</p>
      </>
    );
  }
  const label = (id: string) => registry.categories.find((c) => c.id === id)!.label[locale];
  return entries.map(({name, category, externalTransmission: e}) => (
    <section
      key={name}
      id={transmissionAnchor(name)}
      className="transmission"
      aria-labelledby={`${transmissionAnchor(name)}-title`}
    >
      <h2 id={`${transmissionAnchor(name)}-title`}>
        {e!.recipient.company}（{e!.recipient.service}）
      </h2>
      <dl>
        <div>
          <dt>{t('recipient')}</dt>
          <dd>
            {e!.recipient.company} / {e!.recipient.service} (<code>{name}</code>)
          </dd>
        </div>
        <div>
          <dt>{t('information')}</dt>
          <dd>{e!.information[locale]}</dd>
        </div>
        <div>
          <dt>{t('purpose')}</dt>
          <dd>{e!.purpose[locale]}</dd>
        </div>
        <div>
          <dt>{t('recipientPurpose')}</dt>
          <dd>{e!.recipientPurpose[locale]}</dd>
        </div>
        <div>
          <dt>{t('privacyPolicy')}</dt>
          <dd>
            <a href={e!.privacyPolicy} rel="noopener noreferrer">
              {e!.privacyPolicy}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('optOut')}</dt>
          <dd>
            {category === 'necessary' ? null : <p>{t('optOutSettings', {category: label(category)})}</p>}
            {e!.optOut ? (
              <p>
                <a href={e!.optOut} rel="noopener noreferrer">
                  {t('optOutUrl')}
                </a>
              </p>
            ) : null}
          </dd>
        </div>
      </dl>
    </section>
  ));
}
