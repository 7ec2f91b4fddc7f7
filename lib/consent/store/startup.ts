import {getConsentStore} from '.';

/**
 * Opens (and migrates) the consent store when the server starts, so that no page request ever waits
 * on it. A second server on the same embedded store stops here with one line naming the folder and
 * the other process; any other failure is logged (by getConsentStore) and the site keeps serving —
 * choices still apply in the browser, and /api/health reports the store unavailable.
 */
export async function openStoreAtStartup(): Promise<void> {
  try {
    await getConsentStore();
  } catch (error) {
    if (!process.env.DATABASE_URL && /使用中|in use by process/.test(String(error))) process.exit(1);
  }
}
