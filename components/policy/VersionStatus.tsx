import {useTranslations} from 'next-intl';
import type {VersionStatus as Status} from '@/lib/policy/schedule';
import type {PolicyLinks} from './links';

/** On an archived version: whether it is in force, and the way to the text that is. */
export function VersionStatus({status, links}: {status: Status; links: PolicyLinks}) {
  const t = useTranslations('PolicyVersions');
  const text = useStatusLabels()[status];
  return (
    <p className={`version-status version-status-${status}`} role="note">
      {text} {status === 'in-force' ? null : <a href={links.current}>{t('currentLink')}</a>}
    </p>
  );
}

/** What each status says, for this page and the list of versions. */
export function useStatusLabels(): Record<Status, string> {
  const t = useTranslations('PolicyVersions');
  return {'in-force': t('statusInForce'), superseded: t('statusSuperseded'), upcoming: t('statusUpcoming')};
}
