import type {NextConfig} from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import {NON_PAGE_CSP, SECURITY_HEADERS} from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// `npm run bench` builds the site once with the consent component swapped for nothing, to
// measure what it costs (bench/without-consent/); no other build sets this.
const withoutConsent = process.env.BENCH_WITHOUT_CONSENT === '1';

// npm test builds with the e2e fixture pages (page.e2e.tsx); every other build leaves them out entirely.
const withFixtures = process.env.E2E_FIXTURES === '1';

const config: NextConfig = {
  poweredByHeader: false,
  // The site's redirects (a locale's root → its policy, trailing slashes) are the proxy's
  // (lib/security/request-limits.ts), which sends them with the security headers; Next's own
  // would not.
  skipTrailingSlashRedirect: true,
  // The CSS is small (≈ 6 KB gzip): inlined into each page as <style>, it costs no render-blocking
  // request on a phone; the CSP allows each <style> by its hash (scripts/csp-manifest.ts).
  experimental: {inlineCss: true},
  // npm test and npm run bench build into their own folder, never over the build npm start serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  pageExtensions: withFixtures ? ['tsx', 'ts', 'e2e.tsx'] : ['tsx', 'ts'],
  // Loaded from node_modules at run time: PGlite ships WASM and data files, pg optional native bits.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  ...(withoutConsent && {
    turbopack: {
      resolveAlias: {
        '@/components/consent/Consent': './bench/without-consent/Consent.tsx',
        '@/components/consent/CookieSettingsLink': './bench/without-consent/CookieSettingsLink.tsx',
        '@/lib/consent/boot': './bench/without-consent/boot.ts',
      },
    },
  }),
  async headers() {
    return [
      {source: '/:path*', headers: SECURITY_HEADERS},
      {source: '/api/:path*', headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}]},
      {
        source: '/:file(sitemap\\.xml|robots\\.txt|icon\\.svg)',
        headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}],
      },
      {source: '/.well-known/:path*', headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}]},
    ];
  },
};

export default withNextIntl(config);
