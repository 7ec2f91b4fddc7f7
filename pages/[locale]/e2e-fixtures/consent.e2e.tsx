import type {GetStaticPaths, GetStaticProps} from 'next';
import {DeclaredTechnologies} from '@/components/consent/DeclaredTechnologies';
import {GatedScript} from '@/components/consent/GatedScript';
import {fixtureRegistry} from '@/components/e2e-fixtures/registry';
import {localePaths, staticPage, type StaticPageProps} from '@/components/page/render';
import {CookieTable} from '@/components/policy/CookieTable';
import {isLocale} from '@/i18n/routing';
export {default} from '@/components/page/StaticPage';

// A page for the end-to-end tests only: *.e2e.tsx is a page only when the build runs with E2E_FIXTURES=1
// (npm test does); every other build does not contain it at all. It exercises what the site's own code
// would use — declared technologies and gated tags, a src one and an inline one — with a registry
// fixture instead of invented entries in the real registry.
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};

export const getStaticPaths: GetStaticPaths = localePaths;

export const getStaticProps: GetStaticProps<StaticPageProps, {locale: string}> = ({params}) => {
  if (!params || !isLocale(params.locale)) return {notFound: true};
  const locale = params.locale;
  return staticPage(
    locale,
    {title: 'Consent fixture', noindex: true},
    <>
      <h1>Consent fixture</h1>
      <DeclaredTechnologies registry={fixtureRegistry} />
      <GatedScript registry={fixtureRegistry} name="fixture_analytics_tag" />
      <p data-testid="advertising-gate">advertising: off</p>
      <GatedScript registry={fixtureRegistry} name="fixture_ads_tag">
        {"document.querySelector('[data-testid=advertising-gate]').textContent = 'advertising: on';"}
      </GatedScript>
      <CookieTable locale={locale} registry={fixtureRegistry} />
    </>,
  );
};
