import type {NextConfig} from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const config: NextConfig = {
  // npm test builds into its own folder (with the e2e fixture pages), leaving `npm start`'s build alone.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  async redirects() {
    // The site is the policy: a locale's root leads to its policy. /ja/privacy → /privacy is
    // next-intl's own redirect for the default locale.
    return [
      {source: '/', destination: '/privacy', permanent: false},
      {source: '/ja', destination: '/privacy', permanent: false},
      {source: '/en', destination: '/en/privacy', permanent: false},
    ];
  },
};

export default withNextIntl(config);
