import {defineConfig, devices} from '@playwright/test';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from './tests/support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** Another HeyImg page that embeds the consent (tests/support/host-page-server.ts). */
const HOST_PAGE_PORT = PORT + 1;
// The consent cookie is shared by every *.heyimg.test site (Chromium maps them to this machine:
// tests/support/chromium.ts); npm test builds with the same domain (scripts/test.sh).
process.env.CONSENT_COOKIE_DOMAIN ??= 'heyimg.test';
// npm test builds into its own folder (scripts/test.sh); the server and the tests read the same one.
process.env.NEXT_DIST_DIR ??= '.next-test';
// Consent follows the fixture history in npm test's build (scripts/test.sh): the server must too.
process.env.CONSENT_POLICY_DIR ??= 'tests/fixtures/policy-history';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', {open: 'never'}]],
  use: {
    // next-intl's rewrite needs the server bound without -H 127.0.0.1 (vercel/next.js#94745).
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // Debian's chromium; Playwright never downloads a browser here.
      use: {...devices['Desktop Chrome'], launchOptions: {executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS}},
    },
  ],
  webServer: [
    {
      command: 'node --import tsx scripts/server.ts',
      // Ready when the consent store is (it opens in the background; pages are served before).
      url: `http://127.0.0.1:${PORT}/api/health`,
      // Never reuse: a server left running could be serving an older build.
      reuseExistingServer: false,
      timeout: 180_000,
      // The embedded consent store lives inside the build folder, so every test build starts empty.
      env: {
        PORT: String(PORT),
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
        CONSENT_POLICY_DIR: process.env.CONSENT_POLICY_DIR,
        E2E_FIXTURES: '1',
        CONSENT_DATA_DIR: `${process.env.NEXT_DIST_DIR}/e2e-consent-data`,
        CONSENT_COOKIE_DOMAIN: process.env.CONSENT_COOKIE_DOMAIN,
        // The site itself under its sibling name, and the host page: the origins that may record a choice.
        CONSENT_ALLOWED_ORIGINS: `http://www.heyimg.test:${PORT},http://app.heyimg.test:${HOST_PAGE_PORT}`,
      },
    },
    {
      command: 'node --import tsx tests/support/host-page-server.ts',
      url: `http://127.0.0.1:${HOST_PAGE_PORT}/`,
      reuseExistingServer: false,
      env: {HOST_PAGE_PORT: String(HOST_PAGE_PORT), SITE_ORIGIN: `http://www.heyimg.test:${PORT}`},
    },
  ],
});
