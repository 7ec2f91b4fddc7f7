import {useTranslations} from 'next-intl';
import type {EpochView} from '@/lib/policy/sources';
import type {PolicyLinks} from './links';
import {PolicyDate} from './PolicyDate';

/**
 * On /privacy: a published version that is not yet in force, announced with its date (Art. 9-2). What
 * holds until then follows the current version's own date: in force, or only published.
 */
export function UpcomingNotice({view, links}: {view: EpochView; links: PolicyLinks}) {
  const t = useTranslations('PolicyVersions');
  const message = view.status(view.current) === 'in-force' ? 'upcoming' : 'upcomingFromPublished';
  return view.upcoming.map((version) => (
    <aside className="upcoming-notice" key={version.version} aria-label={t('version', {version: version.version})}>
      <p>{t.rich(message, {version: version.version, date: () => <PolicyDate date={version.effectiveDate!} />})}</p>
      <p>
        <a href={links.version(version.version)}>{t('upcomingRead')}</a>{' '}
        <a href={links.changes(version.version)}>{t('upcomingChanges')}</a>
      </p>
    </aside>
  ));
}
