import {useTranslations} from 'next-intl';
import type {EpochView} from '@/lib/policy/sources';
import type {PolicyLinks} from './links';
import {PolicyDate} from './PolicyDate';

/**
 * 改定履歴, newest first: each version links to its own page and, after the first, to what it
 * changed. A date or summary legal staff have not set is shown as unset, never invented.
 */
export function RevisionHistory({view, links}: {view: EpochView; links: PolicyLinks}) {
  const t = useTranslations('RevisionHistory');
  const tv = useTranslations('PolicyVersions');
  const entries = view.versions.map((version, index) => ({version, index})).reverse();
  return (
    <section className="revisions" id="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('title')}</h2>
      <ol reversed>
        {entries.map(({version, index}) => (
          <li key={version.version}>
            <p className="revision-head">
              {version.revision.date ? (
                <PolicyDate date={version.revision.date} />
              ) : (
                <span className="date-unset">{t('dateUnset')}</span>
              )}{' '}
              <a className="revision-version" href={links.version(version.version)}>
                {tv('version', {version: version.version})}
              </a>
              {version.revision.reconsent && index > 0 ? <span className="badge">{t('reconsent')}</span> : null}
            </p>
            {version.revision.summary ? <p>{version.revision.summary}</p> : null}
            <p className="revision-changes">
              {index === 0 ? t('firstVersion') : <a href={links.changes(version.version)}>{tv('changes')}</a>}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
