/**
 * Runs once when the server starts: Node's HTTP server is guarded (lib/security/request-limits.ts),
 * and the consent store starts opening (lib/consent/store/startup.ts), off the main thread,
 * without holding up the first page. Node.js only; the edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const [{Server}, {guardNodeServer}] = await Promise.all([
      import('node:http'),
      import('./lib/security/request-limits'),
    ]);
    guardNodeServer(Server as never);
    (await import('./lib/consent/store/startup')).openStoreAtStartup();
  }
}
