import path from 'node:path';
import type {ConsentStore} from './types';

export type {ConsentStore, NewReceipt, Receipt} from './types';

/** Where the embedded store keeps its files: CONSENT_DATA_DIR, or data/consent beside the app. */
const DEFAULT_DATA_DIR = path.join(process.cwd(), 'data', 'consent');

let opening: Promise<ConsentStore> | null = null;

/**
 * The process's store: PostgreSQL when DATABASE_URL is set, otherwise the embedded one. Opening
 * applies pending migrations. A failed open is retried on the next call (the server may be back).
 */
export function getConsentStore(): Promise<ConsentStore> {
  opening ??= openConfiguredStore().catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

async function openConfiguredStore(env: NodeJS.ProcessEnv = process.env): Promise<ConsentStore> {
  if (env.DATABASE_URL) {
    const {openPostgresStore} = await import('./postgres');
    return openPostgresStore(env.DATABASE_URL);
  }
  const {openEmbeddedStore} = await import('./embedded');
  return openEmbeddedStore(env.CONSENT_DATA_DIR || DEFAULT_DATA_DIR);
}
