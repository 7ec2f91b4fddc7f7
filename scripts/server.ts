// npm start (through scripts/serve.sh) and npm run dev: the site's server. Next's documented custom
// server — next({dev}), app.prepare(), then Node's HTTP server with app.getRequestHandler() — with
// the site's own way in before Next (lib/server/site-server.ts). It listens only once everything
// that answers is in place, so no request ever meets a half-started server.
//   tsx scripts/server.ts          production: the build in NEXT_DIST_DIR (or .next), PORT (3000)
//   tsx scripts/server.ts --dev    development: Next compiles pages on request, drafts included
import path from 'node:path';

const dev = process.argv.includes('--dev');
// Next reads NODE_ENV when it is imported: set before.
(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';

// The consent's settings and the store come first, before Next is even loaded: the store's engine
// is spawned at once (a process of its own; a new folder starts as a copy of the build's empty
// store: lib/consent/store/template.ts) and opens while Next loads and prepares, ready about when
// pages are. Pages never wait for it.
const [manifest, store, config] = await Promise.all([
  import('../lib/security/csp-manifest'),
  import('../lib/consent/store/startup'),
  import('../lib/consent/config'),
]);

// A mistake in the consent's settings stops the start, with the reason, rather than refusing every
// embedding page or splitting the cookie.
const build = dev ? null : manifest.cspManifest();
try {
  config.allowedOrigins();
  if (build && (build.consentCookieDomain ?? null) !== config.CONSENT_COOKIE_DOMAIN)
    throw new Error(
      `CONSENT_COOKIE_DOMAIN is ${config.CONSENT_COOKIE_DOMAIN ?? 'unset'} here but ${build.consentCookieDomain ?? 'unset'} in the build: the pages would set one cookie and the server another. Build with the same value, or start with it.`,
    );
} catch (error) {
  console.error(`[server] ${(error as Error).message}`);
  process.exit(2);
}
store.openStoreAtStartup();

const [{default: next}, {createSiteServer}, {pageAnswerer}, {siteFiles}, {connectionLimits}] = await Promise.all([
  import('next'),
  import('../lib/server/site-server'),
  import('../lib/pages/front-door'),
  import('../lib/server/files'),
  import('../lib/server/connections'),
]);

const port = Number(process.env.PORT || 3000);
const app = next({dev, dir: process.cwd(), hostname: 'localhost', port});
await app.prepare();

const server = createSiteServer({
  next: app.getRequestHandler(),
  pages: pageAnswerer(dev ? {production: false} : {production: true, dist: manifest.distDir(), manifest: build}),
  isFile: siteFiles(path.join(process.cwd(), 'public'), !dev),
  limits: connectionLimits(),
});

// HOST binds one address (e.g. 127.0.0.1 behind a local proxy); by default every interface, as next start.
server.listen(port, process.env.HOST || undefined, () => {
  console.log(`HeyImg privacy site (${dev ? 'development' : 'production'}): http://localhost:${port}/privacy`);
});

/**
 * Stopping: no new connections, the open ones finish, then the consent store closes — its engine
 * process and the folder's lock go with it (lib/consent/store/startup.ts) — and Next.
 */
let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: stopping`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  // A client that keeps a request open does not hold the stop for more than a few seconds.
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  force.unref();
  await closed;
  await store.closeStoreAtShutdown();
  await app.close();
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
