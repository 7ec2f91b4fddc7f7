import type {NextConfig} from 'next';
import {NON_PAGE_CSP, SECURITY_HEADERS} from './lib/security/headers';

// npm test builds with the e2e fixture pages (*.e2e.tsx); every other build leaves them out entirely.
const withFixtures = process.env.E2E_FIXTURES === '1';

const IMMUTABLE = 'public, max-age=31536000, immutable';

const config: NextConfig = {
  poweredByHeader: false,
  // The site's redirects (a locale's root → its policy, trailing slashes) are its own way in's
  // (lib/security/request-limits.ts, from lib/server/site-server.ts), which sends them with the
  // security headers; Next's own would not.
  skipTrailingSlashRedirect: true,
  experimental: {
    // Pages are answered before Next (lib/pages/front-door.ts): loading every page's bundle at start
    // only competes with the first visitors — the first page came 60–100 ms later with it, and the
    // first consent after a start waited behind it. Each route is loaded by its first request.
    preloadEntriesOnStart: false,
  },
  // npm test and npm run bench build into their own folder, never over the build npm start serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Public pages are pages/**/*.page.tsx (Pages Router, prerendered with no framework runtime); route
  // handlers and metadata routes are app/**/*.ts. A fixture page (*.e2e.tsx) matches neither.
  pageExtensions: withFixtures ? ['page.tsx', 'ts', 'e2e.tsx'] : ['page.tsx', 'ts'],
  // Loaded from node_modules at run time: PGlite ships WASM and data files, pg optional native bits.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  async headers() {
    return [
      {source: '/:path*', headers: SECURITY_HEADERS},
      {source: '/api/:path*', headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}]},
      {
        source: '/:file(sitemap\\.xml|robots\\.txt|icon\\.svg)',
        headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}],
      },
      {source: '/.well-known/:path*', headers: [{key: 'Content-Security-Policy', value: NON_PAGE_CSP}]},
      // The consent island's name changes with its content (scripts/build-assets.ts).
      {source: '/assets/:file(consent\\.[0-9a-f]+\\.js)', headers: [{key: 'Cache-Control', value: IMMUTABLE}]},
      // The consent embed, for every HeyImg page: a released version never changes (SRI); its data
      // follows the registry and the policy, so a page sees a change within minutes. Any origin
      // may read both (a host page's <script crossorigin> and fetch); receipts are the API's, which
      // allows only the configured origins.
      {
        source: '/consent/embed/:version(\\d+\\.\\d+\\.\\d+)/consent.js',
        headers: [
          {key: 'Cache-Control', value: IMMUTABLE},
          {key: 'Access-Control-Allow-Origin', value: '*'},
          {key: 'Content-Security-Policy', value: NON_PAGE_CSP},
        ],
      },
      {
        source: '/consent/embed/v1/:file(data\\.[a-z]{2}\\.json|policy\\.json)',
        headers: [
          {key: 'Cache-Control', value: 'public, max-age=300, s-maxage=600'},
          {key: 'Access-Control-Allow-Origin', value: '*'},
          {key: 'Content-Security-Policy', value: NON_PAGE_CSP},
        ],
      },
    ];
  },
};

export default config;
