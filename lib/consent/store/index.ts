import path from 'node:path';
import {causeOf, logOncePerMinute} from '../log';
import type {ConsentStore} from './types';

export type {ConsentStore, Deletion, NewReceipt, Receipt} from './types';

/** Where the embedded store keeps its files: CONSENT_DATA_DIR, or data/consent beside the app. */
export const DEFAULT_DATA_DIR = path.join(process.cwd(), 'data', 'consent');

/** The store's state, for /api/health: what a load balancer and an operator need to know. */
export interface StoreHealth {
  /** ok; opening; degraded (open, but its last write or probe failed); unavailable (cannot open). */
  state: 'ok' | 'opening' | 'degraded' | 'unavailable' | 'not-opened';
  kind: 'embedded' | 'postgres';
  /** The last failure's cause, as text, while it lasts. */
  error?: string;
  /** When the current failure began. */
  since?: string;
  /** When a store that cannot open is tried again (the delay doubles up to a minute). */
  retryAt?: string;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

interface State {
  store: ConsentStore | null;
  opening: Promise<ConsentStore> | null;
  failedOpens: number;
  retryAt: number;
  lastError: unknown;
  health: StoreHealth;
}

/**
 * One store per process, shared through globalThis: the server's startup hook (instrumentation.ts)
 * and the route handlers are separate bundles with separate module instances.
 */
const shared = globalThis as typeof globalThis & {__heyimgConsentStore?: State};
const state = (shared.__heyimgConsentStore ??= {
  store: null,
  opening: null,
  failedOpens: 0,
  retryAt: 0,
  lastError: null,
  health: {state: 'not-opened', kind: process.env.DATABASE_URL ? 'postgres' : 'embedded'},
});
const health = state.health;

function fail(next: 'degraded' | 'unavailable', error: unknown, what: string): void {
  const cause = causeOf(error);
  if (health.state !== next || health.error !== cause) health.since = new Date().toISOString();
  health.state = next;
  health.error = cause;
  logOncePerMinute(`[consent] the ${health.kind} consent store ${what}: ${cause}`);
}

/** The store is unavailable: the next open waits 1 s, 2 s, 4 s … up to a minute. */
function retryLater(error: unknown, what: string): void {
  state.lastError = error;
  state.retryAt = Date.now() + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** state.failedOpens++);
  health.retryAt = new Date(state.retryAt).toISOString();
  fail('unavailable', error, what);
}

function recover(): void {
  if (health.state !== 'ok') {
    health.state = 'ok';
    delete health.error;
    delete health.since;
    delete health.retryAt;
  }
}

/**
 * The process's store: PostgreSQL when DATABASE_URL is set, otherwise the embedded one. Opening
 * applies pending migrations. A failed open is logged with its cause and tried again only after a
 * delay that doubles up to a minute — never once per request.
 */
export function getConsentStore(): Promise<ConsentStore> {
  const lost = state.store?.lost?.();
  if (lost) {
    // The embedded engine ended (killed, out of memory): opened again, after the same delays.
    state.store = null;
    retryLater(lost, 'stopped');
  }
  if (state.store) return Promise.resolve(state.store);
  if (state.opening) return state.opening;
  if (Date.now() < state.retryAt) return Promise.reject(state.lastError);
  health.state = 'opening';
  state.opening = openConfiguredStore().then(
    (store) => {
      state.store = store;
      state.opening = null;
      state.failedOpens = 0;
      recover();
      return store;
    },
    (error: unknown) => {
      state.opening = null;
      retryLater(error, 'cannot open');
      throw error;
    },
  );
  return state.opening;
}

/** What a write to the open store did: a failure makes the store degraded until a write succeeds. */
export function noteWrite(error: unknown | null): void {
  if (error === null) recover();
  else fail('degraded', error, 'failed to write');
}

/**
 * The store's state now, after one read of its schema when it is open (a store can fail after
 * opening) — or one attempt to open it, when its retry delay is over.
 */
export async function storeHealth(): Promise<StoreHealth> {
  try {
    const store = await getConsentStore();
    await store.schema();
    // A read proves reads; a store degraded by failed writes stays so until a write succeeds.
    if (health.state === 'opening' || health.state === 'unavailable') recover();
  } catch (error) {
    if (state.store) fail('degraded', error, 'failed to answer');
  }
  return {...health};
}

/** Closes the store (operator commands, tests). */
export async function closeConsentStore(): Promise<void> {
  const store = state.store;
  state.store = null;
  health.state = 'not-opened';
  await store?.close();
}

async function openConfiguredStore(env: NodeJS.ProcessEnv = process.env): Promise<ConsentStore> {
  if (env.DATABASE_URL) {
    const {openPostgresStore} = await import('./postgres');
    return openPostgresStore(env.DATABASE_URL);
  }
  const {openEmbeddedStore} = await import('./embedded');
  return openEmbeddedStore(env.CONSENT_DATA_DIR || DEFAULT_DATA_DIR);
}
