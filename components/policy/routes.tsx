import type {Metadata} from 'next';
import {notFound} from 'next/navigation';
import {getTranslations, setRequestLocale} from 'next-intl/server';
import {isLocale, languageAlternates, localizedPath, routing, type Locale} from '@/i18n/routing';
import {epochs, epochView, previousVersion, type PolicySource} from '@/lib/policy/sources';
import {OPEN_GRAPH_LOCALE} from '@/lib/site';
import {ChangesView} from './ChangesView';
import {policyLinks} from './links';
import {PolicyView} from './PolicyView';
import {VersionList} from './VersionList';

/**
 * The policy's pages for one source, as route modules use them: app/[locale]/privacy/[epoch]/… for
 * the site, the e2e fixture routes for the fixture history. Every page is prerendered per locale and
 * epoch; the proxy serves the epoch in force (lib/policy/schedule.ts).
 */
type EpochParams = {locale: string; epoch: string};
type VersionParams = EpochParams & {version: string};

async function resolve(source: PolicySource, params: EpochParams) {
  const {locale, epoch} = params;
  if (!isLocale(locale)) notFound();
  const view = epochView(source, epoch);
  if (!view) notFound();
  setRequestLocale(locale);
  return {locale, view, links: policyLinks(source, locale)};
}

/** Canonical and hreflang for a public path of the source (the same page in every language). */
function alternates(source: PolicySource, locale: Locale, rest: string): Metadata['alternates'] {
  const href = `${source.base}${rest}`;
  return {canonical: localizedPath(locale, href), languages: languageAlternates(href)};
}

const epochParams = (source: PolicySource) =>
  routing.locales.flatMap((locale) => epochs(source).map((epoch) => ({locale, epoch})));

export function currentPolicyRoute(source: PolicySource) {
  return {
    generateStaticParams: () => epochParams(source),
    async generateMetadata({params}: {params: Promise<EpochParams>}): Promise<Metadata> {
      const {locale, view} = await resolve(source, await params);
      const fm = view.current.documents[locale].frontmatter!;
      const t = await getTranslations({locale, namespace: 'Metadata'});
      return {
        title: fm.title,
        description: fm.description,
        alternates: alternates(source, locale, ''),
        openGraph: {
          type: 'article',
          siteName: t('siteName'),
          title: fm.title,
          description: fm.description,
          url: localizedPath(locale, source.base),
          locale: OPEN_GRAPH_LOCALE[locale],
          alternateLocale: routing.locales.filter((l) => l !== locale).map((l) => OPEN_GRAPH_LOCALE[l]),
          ...(fm.lastUpdated ? {modifiedTime: fm.lastUpdated} : {}),
        },
      };
    },
    async Page({params}: {params: Promise<EpochParams>}) {
      const {locale, view, links} = await resolve(source, await params);
      return <PolicyView locale={locale} view={view} version={view.current} links={links} archive={false} />;
    },
  };
}

export function versionListRoute(source: PolicySource) {
  return {
    generateStaticParams: () => epochParams(source),
    async generateMetadata({params}: {params: Promise<EpochParams>}): Promise<Metadata> {
      const {locale} = await resolve(source, await params);
      const t = await getTranslations({locale, namespace: 'PolicyVersions'});
      return {title: t('listTitle'), alternates: alternates(source, locale, '/versions')};
    },
    async Page({params}: {params: Promise<EpochParams>}) {
      const {view, links} = await resolve(source, await params);
      return <VersionList view={view} links={links} />;
    },
  };
}

async function resolveVersion(source: PolicySource, params: VersionParams) {
  const resolved = await resolve(source, params);
  const version = resolved.view.versions.find((v) => v.version === params.version);
  if (!version) notFound();
  return {...resolved, version};
}

export function versionRoute(source: PolicySource) {
  return {
    generateStaticParams: () => epochParams(source).flatMap((p) => epochs(source).map((version) => ({...p, version}))),
    async generateMetadata({params}: {params: Promise<VersionParams>}): Promise<Metadata> {
      const {locale, version} = await resolveVersion(source, await params);
      const t = await getTranslations({locale, namespace: 'PolicyVersions'});
      const fm = version.documents[locale].frontmatter!;
      return {
        title: `${fm.title}（${t('version', {version: version.version})}）`,
        description: fm.description,
        alternates: alternates(source, locale, `/versions/${version.version}`),
      };
    },
    async Page({params}: {params: Promise<VersionParams>}) {
      const {locale, view, links, version} = await resolveVersion(source, await params);
      return <PolicyView locale={locale} view={view} version={version} links={links} archive />;
    },
  };
}

export function changesRoute(source: PolicySource) {
  return {
    generateStaticParams: () =>
      epochParams(source).flatMap((p) =>
        epochs(source)
          .slice(1)
          .map((version) => ({...p, version})),
      ),
    async generateMetadata({params}: {params: Promise<VersionParams>}): Promise<Metadata> {
      const {locale, version} = await resolveVersion(source, await params);
      const t = await getTranslations({locale, namespace: 'PolicyVersions'});
      return {
        title: t('changesTitle', {version: version.version}),
        alternates: alternates(source, locale, `/versions/${version.version}/changes`),
      };
    },
    async Page({params}: {params: Promise<VersionParams>}) {
      const {locale, view, links, version} = await resolveVersion(source, await params);
      const previous = previousVersion(view, version);
      if (!previous) notFound();
      return <ChangesView locale={locale} version={version} previous={previous} links={links} />;
    },
  };
}
