import {getTranslations} from 'next-intl/server';
import type {Revision} from '@/lib/policy/frontmatter';
import type {RevisionChanges} from '@/lib/policy/load';
import {PolicyDate} from './PolicyDate';

/** 改定履歴, newest first (a date or summary legal staff have not set is shown as unset, not invented), with the articles each revision changed where the earlier text is kept. */
export async function RevisionHistory({revisions, changes}: {revisions: Revision[]; changes: RevisionChanges[]}) {
  const t = await getTranslations('RevisionHistory');
  const tt = await getTranslations('TableOfContents');
  const describe = (revision: Revision, index: number) => {
    if (index === 0) return t('firstVersion');
    const changed = changes.find((c) => c.version === revision.version)?.changedArticles;
    if (!changed) return t('unknownChanges');
    if (changed.length === 0) return t('noArticleChanges');
    return t('changedArticles', {articles: changed.map((number) => tt('articleNumber', {number})).join(', ')});
  };
  return (
    <section className="revisions" id="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('title')}</h2>
      <ol reversed>
        {revisions
          .map((revision, index) => ({revision, index}))
          .reverse()
          .map(({revision, index}) => (
            <li key={revision.version}>
              <p className="revision-head">
                {revision.date ? (
                  <PolicyDate date={revision.date} />
                ) : (
                  <span className="date-unset">{t('dateUnset')}</span>
                )}{' '}
                <span className="revision-version">
                  {t('version')} {revision.version}
                </span>
                {revision.reconsent && index > 0 ? <span className="badge">{t('reconsent')}</span> : null}
              </p>
              {revision.summary ? <p>{revision.summary}</p> : null}
              <p className="revision-changes">{describe(revision, index)}</p>
            </li>
          ))}
      </ol>
    </section>
  );
}
