import {useTranslations} from 'next-intl';
import {Fragment} from 'react';
import type {Locale} from '@/i18n/routing';
import {comparePolicies, type BlockChange, type FrontPart, type Segment} from '@/lib/policy/compare';
import type {PolicyVersion} from '@/lib/policy/load';
import type {PolicyLinks} from './links';

/**
 * What a version changed: its title and preamble (with the page's title and description), then
 * article by article. Inserted text is <ins>, deleted text <del>, each with a visually hidden label
 * at both ends, so that a screen reader and a printout (where the labels show) tell them apart
 * without colour.
 */
export function ChangesView({
  locale,
  version,
  previous,
  links,
}: {
  locale: Locale;
  version: PolicyVersion;
  previous: PolicyVersion;
  links: PolicyLinks;
}) {
  const t = useTranslations('PolicyVersions');
  const {front, articles} = comparePolicies(previous.documents[locale], version.documents[locale]);
  const changed = articles.filter((a) => a.status !== 'unchanged');
  const unchanged = articles.filter((a) => a.status === 'unchanged');
  const partLabel: Record<FrontPart, string> = {
    pageTitle: t('partPageTitle'),
    pageDescription: t('partPageDescription'),
    title: t('partTitle'),
    translationNotice: t('partTranslationNotice'),
    preamble: t('partPreamble'),
  };
  const statusLabel = {
    changed: t('statusChanged'),
    added: t('statusAdded'),
    removed: t('statusRemoved'),
    unchanged: t('statusUnchanged'),
  };
  const segments = (parts: Segment[]) =>
    parts.map((part, i) =>
      part.kind === 'same' ? (
        part.text
      ) : part.kind === 'ins' ? (
        <ins key={i}>
          <span className="change-label">[{t('inserted')}] </span>
          {part.text}
          <span className="change-label"> [{t('insertedEnd')}]</span>
        </ins>
      ) : (
        <del key={i}>
          <span className="change-label">[{t('deleted')}] </span>
          {part.text}
          <span className="change-label"> [{t('deletedEnd')}]</span>
        </del>
      ),
    );
  const changedBlocks = (blocks: BlockChange[]) =>
    blocks
      .filter((block) => block.status !== 'unchanged')
      .map((block) => (
        <Fragment key={block.id}>
          {block.part ? <p className="change-status">{partLabel[block.part]}</p> : null}
          <p id={block.id} className={`change-block change-${block.status}`}>
            {block.marker ? <span className="clause-marker">{block.marker}</span> : null}
            {segments(block.segments)}
          </p>
        </Fragment>
      ));
  return (
    <article className="policy policy-changes">
      <header className="policy-header">
        <h1>{t('changesTitle', {version: version.version})}</h1>
        <p>{t('changesIntro', {previous: previous.version, version: version.version})}</p>
        <p className="policy-version-links">
          <a href={links.version(version.version)}>{t('version', {version: version.version})}</a>
          <a href={links.version(previous.version)}>{t('version', {version: previous.version})}</a>
          <a href={links.list}>{t('listLink')}</a>
        </p>
      </header>
      {front.status === 'changed' ? (
        <section id="preamble" className="change change-changed" aria-labelledby="preamble-title">
          <h2 id="preamble-title">{t('frontTitle')}</h2>
          {changedBlocks(front.blocks)}
        </section>
      ) : null}
      {changed.map((article) => (
        <section
          key={article.id}
          id={article.id}
          className={`change change-${article.status}`}
          aria-labelledby={`${article.id}-title`}
        >
          <h2 id={`${article.id}-title`}>{segments(article.heading)}</h2>
          <p className="change-status">{statusLabel[article.status]}</p>
          {changedBlocks(article.blocks)}
        </section>
      ))}
      {front.status === 'unchanged' ? <p className="changes-front-unchanged">{t('frontUnchanged')}</p> : null}
      {unchanged.length > 0 ? (
        <p className="changes-unchanged">
          {t('unchangedArticles', {
            articles: unchanged.map((a) => a.heading.map((s) => s.text).join('')).join(locale === 'ja' ? '、' : ', '),
          })}
        </p>
      ) : null}
    </article>
  );
}
