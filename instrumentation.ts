/**
 * Runs once when the server starts: the consent store is opened there (lib/consent/store/startup.ts),
 * before a page is served. Node.js only; the edge bundle never sees it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    await (await import('./lib/consent/store/startup')).openStoreAtStartup();
  }
}
