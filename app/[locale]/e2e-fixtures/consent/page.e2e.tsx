import {setRequestLocale} from 'next-intl/server';
import {ConsentGate} from '@/components/consent/ConsentGate';
import {GatedScript} from '@/components/consent/GatedScript';
import {CookieTable} from '@/components/policy/CookieTable';
import {routing, type Locale} from '@/i18n/routing';
import {FixtureDeclarations} from './FixtureDeclarations';
import {fixtureRegistry} from './registry';

// A page for the end-to-end tests only: page.e2e.tsx is a page only when the build runs with E2E_FIXTURES=1
// (npm test does); every other build does not contain it at all. It exercises the consent API the site's own
// code would use, with a registry fixture instead of invented entries in the real registry.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({locale}));
}

export default async function ConsentFixturePage({params}: {params: Promise<{locale: Locale}>}) {
  const {locale} = await params;
  setRequestLocale(locale);
  return (
    <>
      <h1>Consent fixture</h1>
      <FixtureDeclarations
        declared={fixtureRegistry.cookies.map(({name, kind, category}) => ({name, kind, category}))}
      />
      <GatedScript category="analytics" id="fixture-analytics" src="/e2e-fixtures/analytics.js" />
      <ConsentGate category="advertising" fallback={<p data-testid="advertising-gate">advertising: off</p>}>
        <p data-testid="advertising-gate">advertising: on</p>
      </ConsentGate>
      <CookieTable locale={locale} registry={fixtureRegistry} />
    </>
  );
}
