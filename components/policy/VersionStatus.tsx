import {getTranslations} from 'next-intl/server';
import type {VersionStatus as Status} from '@/lib/policy/schedule';
import type {PolicyLinks} from './links';

/** On an archived version: whether it is in force, and the way to the text that is. */
export async function VersionStatus({status, links}: {status: Status; links: PolicyLinks}) {
  const t = await getTranslations('PolicyVersions');
  const text = (await statusLabels())[status];
  return (
    <p className={`version-status version-status-${status}`} role="note">
      {text} {status === 'in-force' ? null : <a href={links.current}>{t('currentLink')}</a>}
    </p>
  );
}

/** What each status says, for this page and the list of versions. */
export async function statusLabels(): Promise<Record<Status, string>> {
  const t = await getTranslations('PolicyVersions');
  return {'in-force': t('statusInForce'), superseded: t('statusSuperseded'), upcoming: t('statusUpcoming')};
}
