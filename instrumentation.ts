/**
 * Runs once when the server starts: Node's HTTP server is guarded (lib/security/request-limits.ts)
 * and, in a production build, given the front door that answers the prerendered pages
 * (lib/pages/front-door.ts); the consent store starts opening (lib/consent/store/startup.ts), off
 * the main thread, without holding up the first page. Node.js only; the edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const [{Server}, {guardNodeServer}, {frontDoor}, {cspManifest, distDir}] = await Promise.all([
      import('node:http'),
      import('./lib/security/request-limits'),
      import('./lib/pages/front-door'),
      import('./lib/security/csp-manifest'),
    ]);
    const manifest = process.env.NODE_ENV === 'production' ? cspManifest() : null;
    guardNodeServer(Server as never, manifest ? frontDoor(distDir(), manifest) : undefined);
    (await import('./lib/consent/store/startup')).openStoreAtStartup();
  }
}
