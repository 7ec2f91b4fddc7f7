import {useTranslations} from 'next-intl';
import type {VersionStatus as Status} from '@/lib/policy/schedule';
import type {PolicyLinks} from './links';

/** On an archived version: its status as its dates decide it, and the way to the current text. */
export function VersionStatus({status, links}: {status: Status; links: PolicyLinks}) {
  const t = useTranslations('PolicyVersions');
  const text = useStatusLabels()[status];
  const current = status === 'in-force' || status === 'published' || status === 'pending';
  return (
    <p className={`version-status version-status-${status}`} role="note">
      {text} {current ? null : <a href={links.current}>{t('currentLink')}</a>}
    </p>
  );
}

/**
 * What each status says, for this page and the list of versions: 施行 only where a date says so. A
 * first version whose date has not come says what a later one before its date says; the published
 * wording would say no date is decided (docs/legal-review.md #48).
 */
export function useStatusLabels(): Record<Status, string> {
  const t = useTranslations('PolicyVersions');
  return {
    'in-force': t('statusInForce'),
    published: t('statusPublished'),
    pending: t('statusUpcoming'),
    superseded: t('statusSuperseded'),
    upcoming: t('statusUpcoming'),
    draft: t('statusDraft'),
  };
}
