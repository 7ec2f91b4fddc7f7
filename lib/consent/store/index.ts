import path from 'node:path';
import type {ConsentStore} from './types';

export type {ConsentStore, Deletion, NewReceipt, Receipt} from './types';

/** Where the embedded store keeps its files: CONSENT_DATA_DIR, or data/consent beside the app. */
const DEFAULT_DATA_DIR = path.join(process.cwd(), 'data', 'consent');

/**
 * One store per process, shared through globalThis: the server's startup hook (instrumentation.ts)
 * and the route handlers are separate bundles with separate module instances.
 */
const shared = globalThis as typeof globalThis & {
  __heyimgConsentStore?: {opening: Promise<ConsentStore> | null; health: StoreHealth; lastLogged: string};
};

/** The store's state, for /api/health: what a load balancer and an operator need to know. */
export interface StoreHealth {
  state: 'ok' | 'opening' | 'unavailable' | 'not-opened';
  kind: 'embedded' | 'postgres';
  /** The last failure's cause, when it failed. */
  error?: string;
}

const state = (shared.__heyimgConsentStore ??= {
  opening: null,
  health: {state: 'not-opened', kind: process.env.DATABASE_URL ? 'postgres' : 'embedded'},
  lastLogged: '',
});
const health = state.health;

/** Logs a failure once per distinct cause (a store that stays down does not flood the log). */
function logFailure(error: unknown): void {
  const cause = error instanceof Error ? error.message : String(error);
  health.state = 'unavailable';
  health.error = cause;
  if (cause === state.lastLogged) return;
  state.lastLogged = cause;
  console.error(`[consent] the ${health.kind} consent store is unavailable: ${cause}`);
}

/**
 * The process's store: PostgreSQL when DATABASE_URL is set, otherwise the embedded one. Opening
 * applies pending migrations. A failed open is logged with its cause and retried on the next call
 * (the server may be back).
 */
export function getConsentStore(): Promise<ConsentStore> {
  if (!state.opening) {
    health.state = 'opening';
    state.opening = openConfiguredStore().then(
      (store) => {
        health.state = 'ok';
        delete health.error;
        state.lastLogged = '';
        return store;
      },
      (error: unknown) => {
        state.opening = null;
        logFailure(error);
        throw error;
      },
    );
  }
  return state.opening;
}

/** The store's state now; with `probe`, a query is made first (a store can fail after opening). */
export async function storeHealth(probe = true): Promise<StoreHealth> {
  if (probe) {
    try {
      await (await getConsentStore()).schema();
      health.state = 'ok';
      delete health.error;
    } catch (error) {
      logFailure(error);
    }
  }
  return {...health};
}

async function openConfiguredStore(env: NodeJS.ProcessEnv = process.env): Promise<ConsentStore> {
  if (env.DATABASE_URL) {
    const {openPostgresStore} = await import('./postgres');
    return openPostgresStore(env.DATABASE_URL);
  }
  const {openEmbeddedStore} = await import('./embedded');
  return openEmbeddedStore(env.CONSENT_DATA_DIR || DEFAULT_DATA_DIR);
}
