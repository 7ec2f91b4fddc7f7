import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Plain links between static pages, by design: next/link's client router would add its code to
    // every page's bundle (measured: about 21 KB gzip) for navigation a static site does not need.
    rules: {'@next/next/no-html-link-for-pages': 'off'},
  },
  {
    ignores: [
      '.next*/**',
      'bench/floor/.next-floor/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
      'bench/results/**',
      'public/assets/**',
      // Built, minified releases of the consent embed (scripts/build-embed.tsx).
      'public/consent/embed/**',
      '.assets/**',
    ],
  },
];

export default config;
