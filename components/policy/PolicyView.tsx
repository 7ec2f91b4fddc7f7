import {useTranslations} from 'next-intl';
import type {Locale} from '@/i18n/routing';
import type {PolicyVersion} from '@/lib/policy/load';
import type {PolicyContent} from '@/lib/policy/render';
import type {EpochView} from '@/lib/policy/sources';
import {CookieTable} from './CookieTable';
import {EffectivePeriod} from './EffectivePeriod';
import {Glossary} from './Glossary';
import type {PolicyLinks} from './links';
import {RevisionHistory} from './RevisionHistory';
import {TableOfContents} from './TableOfContents';
import {TranslationNotice} from './TranslationNotice';
import {UpcomingNotice} from './UpcomingNotice';
import {VersionStatus} from './VersionStatus';

/**
 * One version of the policy as a page: on /privacy the version in force (with any upcoming version
 * announced), on /privacy/versions/<v> that version with its status. Same anchors, TOC and print
 * style either way. The cookie table is today's: a superseded version's page leaves it out, as it
 * would read as the list of that version's time. The fingerprint is the SHA-256 of the version's
 * source file (frontmatter and markup included), and says so: no reader can compute it from the page.
 */
export function PolicyView({
  locale,
  view,
  version,
  links,
  archive,
  Content,
}: {
  locale: Locale;
  view: EpochView;
  version: PolicyVersion;
  links: PolicyLinks;
  archive: boolean;
  /** The version's text, compiled from its checked tree (lib/policy/render.tsx). */
  Content: PolicyContent;
}) {
  const t = useTranslations('PolicyVersions');
  const tp = useTranslations('PolicyDates');
  const document = version.documents[locale];
  const next = view.versions[view.versions.indexOf(version) + 1] ?? null;
  return (
    <article className="policy">
      <header className="policy-header">
        <h1>{document.title}</h1>
        {archive ? <VersionStatus status={view.status(version)} links={links} /> : null}
        {!archive ? <UpcomingNotice view={view} links={links} /> : null}
        <dl className="policy-dates">
          <div>
            <dt>{tp('version')}</dt>
            <dd>{version.version}</dd>
          </div>
          <EffectivePeriod version={version} next={next} />
        </dl>
        <p className="policy-version-links">
          {archive ? null : <a href={links.version(version.version)}>{t('archiveLink')}</a>}
          <a href={links.list}>{t('listLink')}</a>
        </p>
      </header>
      <TableOfContents articles={document.articles} />
      <div className="policy-body">
        <Content components={{TranslationNotice}} />
      </div>
      {archive && view.status(version) === 'superseded' ? null : <CookieTable locale={locale} />}
      <Glossary terms={document.terms} articles={document.articles} />
      <RevisionHistory view={view} links={links} />
      {archive ? (
        <p className="policy-fingerprint">
          {t('sha256', {file: `${locale}.mdx`})}
          <code>{version.sha256[locale]}</code>
        </p>
      ) : null}
    </article>
  );
}
