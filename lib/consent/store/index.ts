import path from 'node:path';
import {causeOf, logOncePerMinute} from '../log';
import {openEmbeddedStore} from './embedded';
import {storeTemplateDir} from './template';
import type {ConsentStore} from './types';

export type {ConsentStore, Deletion, NewReceipt, Receipt} from './types';

/** Where the embedded store keeps its files: CONSENT_DATA_DIR, or data/consent beside the app. */
export const DEFAULT_DATA_DIR = path.join(process.cwd(), 'data', 'consent');

/**
 * Why receipts are not being stored, as a stable code for the public (a load balancer, a monitor);
 * the cause itself, which may name paths, processes or hosts, goes to the log and to the operator.
 */
export type HealthCode =
  | 'opening'
  | 'in-use' // the embedded folder is held by another process
  | 'cannot-open'
  | 'engine-stopped' // the embedded engine ended or was killed after missing a deadline
  | 'write-failed'
  | 'not-answering' // the store's heartbeat failed
  | 'proof-keys' // receipts are off: the proof keys are missing or malformed
  | 'log-keys'; // receipts are stored, but the consent log cannot be signed: its keys are missing or malformed

type KeyCode = Extract<HealthCode, 'proof-keys' | 'log-keys'>;

/** The store's state, for /api/health: what a load balancer and an operator need to know. */
export interface StoreHealth {
  /**
   * ok; opening; degraded (open, but its last write or heartbeat failed, or receipts are off for
   * their keys); unavailable (cannot open).
   */
  state: 'ok' | 'opening' | 'degraded' | 'unavailable' | 'not-opened';
  kind: 'embedded' | 'postgres';
  code?: HealthCode;
  /** The failure's cause, as text: for the log and the operator only (app/api/health/route.ts). */
  detail?: string;
  /** When the current failure began. */
  since?: string;
  /** When a store that cannot open is tried again (the delay doubles up to a minute). */
  retryAt?: string;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** How often an open store is asked whether it answers, whatever the traffic: health costs nothing. */
const HEARTBEAT_MS = 5_000;
/**
 * How long a receipt waits for a store that is still opening before it is answered 503 (the
 * browser sends it again; the no-JS form says the choice applies in this browser): never seconds.
 */
const OPENING_WAIT_MS = 1_000;

interface State {
  store: ConsentStore | null;
  opening: Promise<ConsentStore> | null;
  failedOpens: number;
  retryAt: number;
  lastError: unknown;
  health: StoreHealth;
  /**
   * What is wrong whatever the store's state, by its code: the proof keys (receipts are off), the
   * log's keys (receipts cannot be proved). Cleared when the keys read again.
   */
  keyProblems: Map<KeyCode, string>;
  heartbeat: NodeJS.Timeout | null;
}

/**
 * One store per process, shared through globalThis: the server (scripts/server.ts) and the route
 * handlers are separate bundles with separate module instances.
 */
const shared = globalThis as typeof globalThis & {__heyimgConsentStore?: State};
const state = (shared.__heyimgConsentStore ??= {
  store: null,
  opening: null,
  failedOpens: 0,
  retryAt: 0,
  lastError: null,
  health: {state: 'not-opened', kind: process.env.DATABASE_URL ? 'postgres' : 'embedded'} as StoreHealth,
  keyProblems: new Map(),
  heartbeat: null,
});
const health = state.health;

function fail(next: 'degraded' | 'unavailable', code: HealthCode, error: unknown, what: string): void {
  const cause = causeOf(error);
  if (health.state !== next || health.detail !== cause) health.since = new Date().toISOString();
  health.state = next;
  health.code = code;
  health.detail = cause;
  logOncePerMinute(`[consent] the ${health.kind} consent store ${what}: ${cause}`);
}

/** The store is unavailable: the next open waits 1 s, 2 s, 4 s … up to a minute. */
function retryLater(code: HealthCode, error: unknown, what: string): void {
  state.lastError = error;
  state.retryAt = Date.now() + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** state.failedOpens++);
  health.retryAt = new Date(state.retryAt).toISOString();
  fail('unavailable', code, error, what);
}

function recover(): void {
  const [problem] = state.keyProblems;
  if (problem) {
    failKeys(problem[0], problem[1]);
    return;
  }
  if (health.state !== 'ok') {
    health.state = 'ok';
    delete health.code;
    delete health.detail;
    delete health.since;
    delete health.retryAt;
  }
}

/** The store's engine ended (killed, stuck past its deadline, out of memory): opened again after the same delays. */
function engineLost(): boolean {
  const lost = state.store?.lost?.();
  if (!lost) return false;
  state.store = null;
  retryLater('engine-stopped', lost, 'stopped');
  return true;
}

/**
 * The process's store: PostgreSQL when DATABASE_URL is set, otherwise the embedded one. Opening
 * applies pending migrations. A failed open is logged with its cause and tried again only after a
 * delay that doubles up to a minute — never once per request. `waitMs` bounds how long a caller
 * waits for a store that is opening (a receipt never waits seconds); without it, as long as it takes.
 */
export function getConsentStore(options: {waitMs?: number} = {}): Promise<ConsentStore> {
  engineLost();
  if (state.store) return Promise.resolve(state.store);
  if (!state.opening) {
    if (Date.now() < state.retryAt) return Promise.reject(state.lastError);
    health.state = 'opening';
    health.code = 'opening';
    state.opening = openConfiguredStore().then(
      (store) => {
        state.store = store;
        state.opening = null;
        state.failedOpens = 0;
        recover();
        startHeartbeat();
        return store;
      },
      (error: unknown) => {
        state.opening = null;
        retryLater(/in use|使用中/.test(causeOf(error)) ? 'in-use' : 'cannot-open', error, 'cannot open');
        throw error;
      },
    );
  }
  if (options.waitMs === undefined) return state.opening;
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the consent store is still opening')), options.waitMs);
  });
  return Promise.race([state.opening, tooLong]).finally(() => clearTimeout(timer));
}

/** Receipts wait this long at most for a store that is opening. */
export const receiptStore = () => getConsentStore({waitMs: OPENING_WAIT_MS});

/** What a write to the open store did: a failure makes the store degraded until a write succeeds. */
export function noteWrite(error: unknown | null): void {
  if (engineLost()) return;
  if (error === null) recover();
  else fail('degraded', 'write-failed', error, 'failed to write');
}

/**
 * Keys that cannot be read, whatever the store's state (null: read again): without the proof keys
 * every receipt would be refused; without the log's, receipts are stored but nobody can check them
 * against a signed checkpoint. Health says so, with the keys' own code.
 */
export function noteKeys(code: KeyCode, cause: string | null): void {
  if (cause) {
    state.keyProblems.set(code, cause);
    failKeys(code, cause);
  } else if (state.keyProblems.delete(code) && health.code === code) recover();
}

/** What the store cannot do while a kind of key cannot be read. */
const WITHOUT_KEYS: Record<KeyCode, string> = {'proof-keys': 'cannot take receipts', 'log-keys': 'cannot sign its log'};

function failKeys(code: KeyCode, cause: string): void {
  fail('degraded', code, cause, WITHOUT_KEYS[code]);
}

/**
 * Every few seconds, whatever the traffic, an open store is asked one trivial question: a store
 * that fails after opening (a server gone, an engine stuck) is seen without a single receipt,
 * and /api/health answers from this state at no cost to the store.
 */
function startHeartbeat(): void {
  if (state.heartbeat) return;
  state.heartbeat = setInterval(() => {
    const store = state.store;
    if (engineLost() || !store) {
      if (!state.opening && Date.now() >= state.retryAt) getConsentStore().catch(() => {});
      return;
    }
    store.ping().then(
      () => {
        if (health.code === 'not-answering') recover();
      },
      (error: unknown) => {
        if (!engineLost()) fail('degraded', 'not-answering', error, 'failed to answer');
      },
    );
  }, HEARTBEAT_MS);
  state.heartbeat.unref();
}

/** The store's state now, from what the store already keeps: no query, never a wait. */
export function storeHealth(): StoreHealth {
  engineLost();
  return {...health};
}

/** Closes the store (the server's stop, operator commands, tests). */
export async function closeConsentStore(): Promise<void> {
  if (state.heartbeat) clearInterval(state.heartbeat);
  state.heartbeat = null;
  const store = state.store ?? (await state.opening?.catch(() => null));
  state.store = null;
  health.state = 'not-opened';
  await store?.close();
}

async function openConfiguredStore(env: NodeJS.ProcessEnv = process.env): Promise<ConsentStore> {
  if (env.DATABASE_URL) {
    const {openPostgresStore} = await import('./postgres');
    return openPostgresStore(env.DATABASE_URL);
  }
  return openEmbeddedStore(env.CONSENT_DATA_DIR || DEFAULT_DATA_DIR, {template: storeTemplateDir()});
}
