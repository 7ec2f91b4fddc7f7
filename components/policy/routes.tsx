import type {GetStaticPaths, GetStaticProps} from 'next';
import {createTranslator} from 'next-intl';
import {isLocale, routing, type Locale} from '@/i18n/routing';
import {compilePolicy} from '@/lib/policy/render';
import {epochs, epochView, previousVersion, versionNumbers, type PolicySource} from '@/lib/policy/sources';
import {alternates, openGraph} from '@/components/page/head';
import {MESSAGES, staticPage, type StaticPageProps} from '@/components/page/render';
import {ChangesView} from './ChangesView';
import {policyLinks} from './links';
import {PolicyView} from './PolicyView';
import {VersionList} from './VersionList';

/**
 * The policy's pages for one source, as page modules use them: pages/[locale]/privacy/[epoch]/… for
 * the site, the e2e fixture pages for the fixture history. Every page is prerendered per locale and
 * epoch; the page plan serves the epoch in force (lib/pages/plan.ts, lib/policy/schedule.ts).
 */
type EpochParams = {locale: string; epoch: string};
type VersionParams = EpochParams & {version: string};
type Route<P extends EpochParams> = {
  getStaticPaths: GetStaticPaths<P>;
  getStaticProps: GetStaticProps<StaticPageProps, P>;
};

function resolve(source: PolicySource, params: EpochParams | undefined) {
  if (!params || !isLocale(params.locale)) return null;
  const view = epochView(source, params.epoch);
  if (!view) return null;
  const locale: Locale = params.locale;
  return {
    locale,
    view,
    links: policyLinks(source, locale),
    t: createTranslator({locale, messages: MESSAGES[locale], namespace: 'PolicyVersions'}),
  };
}

function resolveVersion(source: PolicySource, params: VersionParams | undefined) {
  const resolved = resolve(source, params);
  const version = resolved?.view.versions.find((v) => v.version === params?.version);
  return resolved && version ? {...resolved, version} : null;
}

const epochParams = (source: PolicySource) =>
  routing.locales.flatMap((locale) => epochs(source).map((epoch) => ({locale, epoch})));

const paths = <P extends EpochParams>(params: P[]) => ({paths: params.map((p) => ({params: p})), fallback: false});

export function currentPolicyRoute(source: PolicySource): Route<EpochParams> {
  return {
    getStaticPaths: () => paths(epochParams(source)),
    async getStaticProps({params}) {
      const page = resolve(source, params);
      if (!page) return {notFound: true};
      const {locale, view, links} = page;
      const document = view.current.documents[locale];
      const fm = document.frontmatter!;
      const siteName = createTranslator({locale, messages: MESSAGES[locale], namespace: 'Metadata'})('siteName');
      const head = {
        title: fm.title,
        description: fm.description,
        ...alternates(locale, source.base),
        openGraph: openGraph(locale, source.base, siteName, fm.lastUpdated ?? undefined),
      };
      const Content = await compilePolicy(document);
      return staticPage(
        locale,
        head,
        <PolicyView
          locale={locale}
          view={view}
          version={view.current}
          links={links}
          archive={false}
          Content={Content}
        />,
      );
    },
  };
}

export function versionListRoute(source: PolicySource): Route<EpochParams> {
  return {
    getStaticPaths: () => paths(epochParams(source)),
    async getStaticProps({params}) {
      const page = resolve(source, params);
      if (!page) return {notFound: true};
      const {locale, view, links, t} = page;
      const head = {title: t('listTitle'), ...alternates(locale, `${source.base}/versions`)};
      return staticPage(locale, head, <VersionList view={view} links={links} />);
    },
  };
}

export function versionRoute(source: PolicySource): Route<VersionParams> {
  return {
    getStaticPaths: () =>
      paths(epochParams(source).flatMap((p) => versionNumbers(source).map((version) => ({...p, version})))),
    async getStaticProps({params}) {
      const page = resolveVersion(source, params);
      if (!page) return {notFound: true};
      const {locale, view, links, version, t} = page;
      const document = version.documents[locale];
      const head = {
        title: t('versionTitle', {title: document.frontmatter!.title, version: version.version}),
        description: document.frontmatter!.description,
        ...alternates(locale, `${source.base}/versions/${version.version}`),
      };
      const Content = await compilePolicy(document);
      return staticPage(
        locale,
        head,
        <PolicyView locale={locale} view={view} version={version} links={links} archive Content={Content} />,
      );
    },
  };
}

export function changesRoute(source: PolicySource): Route<VersionParams> {
  return {
    getStaticPaths: () =>
      paths(
        epochParams(source).flatMap((p) =>
          versionNumbers(source)
            .slice(1)
            .map((version) => ({...p, version})),
        ),
      ),
    async getStaticProps({params}) {
      const page = resolveVersion(source, params);
      const previous = page && previousVersion(page.view, page.version);
      if (!page || !previous) return {notFound: true};
      const {locale, links, version, t} = page;
      const head = {
        title: t('changesTitle', {version: version.version}),
        ...alternates(locale, `${source.base}/versions/${version.version}/changes`),
      };
      return staticPage(
        locale,
        head,
        <ChangesView locale={locale} version={version} previous={previous} links={links} />,
      );
    },
  };
}
