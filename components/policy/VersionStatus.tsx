import {useTranslations} from 'next-intl';
import type {Scheduled, VersionStatus as Status} from '@/lib/policy/schedule';
import type {PolicyLinks} from './links';

/** On an archived version: its status as its dates decide it, and the way to the current text. */
export function VersionStatus({status, version, links}: {status: Status; version: Scheduled; links: PolicyLinks}) {
  const t = useTranslations('PolicyVersions');
  const text = useStatusLabel()(status, version);
  const current = status === 'in-force' || status === 'published';
  return (
    <p className={`version-status version-status-${status}`} role="note">
      {text} {current ? null : <a href={links.current}>{t('currentLink')}</a>}
    </p>
  );
}

/**
 * What a status says, for this page and the list of versions: 施行 only where a date says so. The
 * published wording says no date is decided, so a first version whose date has not come yet gets
 * the not-yet-in-force wording instead (docs/legal-review.md #48).
 */
export function useStatusLabel(): (status: Status, version: Scheduled) => string {
  const t = useTranslations('PolicyVersions');
  const labels: Record<Status, string> = {
    'in-force': t('statusInForce'),
    published: t('statusPublished'),
    superseded: t('statusSuperseded'),
    upcoming: t('statusUpcoming'),
    draft: t('statusDraft'),
  };
  return (status, version) => (status === 'published' && version.effectiveDate ? labels.upcoming : labels[status]);
}
