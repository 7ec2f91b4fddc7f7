import {useTranslations} from 'next-intl';
import type {EpochView} from '@/lib/policy/sources';
import {EffectivePeriod} from './EffectivePeriod';
import type {PolicyLinks} from './links';
import {useStatusLabels} from './VersionStatus';

/** /privacy/versions: every version, newest first, with its status and effective period. */
export function VersionList({view, links}: {view: EpochView; links: PolicyLinks}) {
  const t = useTranslations('PolicyVersions');
  const labels = useStatusLabels();
  return (
    <article className="policy policy-versions">
      <h1>{t('listTitle')}</h1>
      <ol reversed className="version-list">
        {view.versions
          .map((version, index) => ({version, next: view.versions[index + 1] ?? null, index}))
          .reverse()
          .map(({version, next, index}) => (
            <li key={version.version} id={`version-${version.version}`}>
              <h2>
                <a href={links.version(version.version)}>{t('version', {version: version.version})}</a>
              </h2>
              <p className={`version-status version-status-${view.status(version)}`}>{labels[view.status(version)]}</p>
              <dl className="policy-dates">
                <EffectivePeriod version={version} next={next} />
              </dl>
              {index > 0 ? (
                <p>
                  <a href={links.changes(version.version)}>{t('changes')}</a>
                </p>
              ) : null}
            </li>
          ))}
      </ol>
    </article>
  );
}
