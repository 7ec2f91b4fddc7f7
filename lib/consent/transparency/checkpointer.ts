import {SITE_URL} from '../../site';
import {causeOf, logOncePerMinute} from '../log';
import {getConsentStore, noteKeys} from '../store';
import type {ConsentStore, Receipt} from '../store/types';
import {loadLogKeys, publishedKey, type LogKey} from './keys';
import type {StoredCheckpoint} from './log';

/**
 * The server's side of the log: signed checkpoints, produced off the receipt path — by a timer,
 * at most every EVERY_ENTRIES entries or EVERY_MS when the log grew, on demand for a visitor's
 * download, and on shutdown (closeLog) — and what the site publishes: its public keys, the latest
 * checkpoint, consistency proofs, and each receipt's inclusion proof. State is process-wide
 * (globalThis): the startup hook and the route handlers are separate bundles.
 */

/** Which log a checkpoint is of: this site's consent log. */
export const LOG_ORIGIN = `${new URL(SITE_URL).host}/consent-log`;
export const EVERY_ENTRIES = 1000;
export const EVERY_MS = 60_000;
/** How often the timer reads the log's size (one one-row query). */
const POLL_MS = 5_000;

interface State {
  timer: ReturnType<typeof setInterval> | null;
  keys: LogKey[] | null;
  /** The latest signed checkpoint's size, and when this process last signed or saw one. */
  signedSize: number;
  signedAt: number;
  /** Checkpoints are signed one at a time in a process. */
  queue: Promise<unknown>;
}
const shared = globalThis as typeof globalThis & {__heyimgConsentCheckpoints?: State};
const state = (shared.__heyimgConsentCheckpoints ??= {
  timer: null,
  keys: null,
  signedSize: 0,
  signedAt: Date.now(),
  queue: Promise.resolve(),
});

/** The log's keys, read once; a bad or missing configuration throws (the caller says it, once a minute). */
export function logKeys(): LogKey[] {
  return (state.keys ??= loadLogKeys());
}

async function sign(store: ConsentStore): Promise<StoredCheckpoint | null> {
  let key: LogKey;
  try {
    key = logKeys()[0]!;
  } catch (error) {
    logOncePerMinute(`[consent] the consent log is not signed: ${causeOf(error)}`);
    return null;
  }
  if ((await store.log.size()) === 0) return null;
  try {
    const checkpoint = await store.log.checkpoint(key, LOG_ORIGIN);
    state.signedSize = checkpoint.size;
    state.signedAt = Date.now();
    return checkpoint;
  } catch (error) {
    logOncePerMinute(
      `[consent] no checkpoint of the consent log was signed: ${causeOf(error)} (npm run consent:verify names the first problem)`,
    );
    return null;
  }
}

/** Signs a checkpoint of the log as it is now, if it grew; null when it cannot be signed (logged). */
export function flushCheckpoint(): Promise<StoredCheckpoint | null> {
  const run = state.queue.then(async () => {
    try {
      return await sign(await getConsentStore());
    } catch {
      return null; // getConsentStore logged why the store is not open
    }
  });
  state.queue = run;
  return run;
}

/** The timer's check: a checkpoint when EVERY_ENTRIES were added, or any after EVERY_MS. */
export async function checkpointIfDue(now = Date.now()): Promise<StoredCheckpoint | null> {
  try {
    const size = await (await getConsentStore()).log.size();
    const grown = size - state.signedSize;
    if (grown >= EVERY_ENTRIES || (grown > 0 && now - state.signedAt >= EVERY_MS)) return await flushCheckpoint();
  } catch {
    // The store is not open: getConsentStore said why; the next tick tries again.
  }
  return null;
}

/** Starts the timer (the server's startup hook); a bad key configuration is said now. */
export function startCheckpoints(): void {
  try {
    logKeys();
    noteKeys('log-keys', null);
  } catch (error) {
    noteKeys('log-keys', causeOf(error));
  }
  if (state.timer) return;
  state.timer = setInterval(() => void checkpointIfDue(), POLL_MS);
  state.timer.unref();
}

/** On shutdown: stops the timer and signs what the log holds now. */
export async function closeLog(): Promise<void> {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  await flushCheckpoint();
}

/** The latest checkpoint if it covers entry `index`, else a new one (signed now). */
async function checkpointCovering(store: ConsentStore, index: number): Promise<StoredCheckpoint | null> {
  const latest = await store.log.latestCheckpoint();
  if (latest && latest.size > index) return latest;
  const signed = await flushCheckpoint();
  return signed && signed.size > index ? signed : null;
}

const base64 = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('base64'));

/** What a downloaded receipt carries to be verified offline (scripts/verify-receipt.mjs). */
export type ReceiptProof =
  | {leafIndex: number; treeSize: number; inclusionProof: string[]; checkpoint: string; keys: string}
  | {leafIndex: number | null; checkpoint: null; why: string};

export const KEYS_PATH = '/api/consent/log/keys';

/** Each receipt's entry in the log, its inclusion proof and a signed checkpoint covering it. */
export async function receiptProofs(store: ConsentStore, receipts: Receipt[]): Promise<ReceiptProof[]> {
  const indices = receipts.map((r) => r.logIndex ?? null);
  const logged = indices.filter((index): index is number => index !== null);
  const checkpoint = logged.length ? await checkpointCovering(store, Math.max(...logged)) : null;
  return Promise.all(
    indices.map(async (leafIndex): Promise<ReceiptProof> => {
      if (leafIndex === null) return {leafIndex, checkpoint: null, why: 'This receipt is not in the log.'};
      if (!checkpoint)
        return {leafIndex, checkpoint: null, why: 'No signed checkpoint covers it yet: download it again in a minute.'};
      try {
        return {
          leafIndex,
          treeSize: checkpoint.size,
          inclusionProof: base64(await store.log.inclusionProof(leafIndex, checkpoint.size)),
          checkpoint: checkpoint.note,
          keys: KEYS_PATH,
        };
      } catch (error) {
        logOncePerMinute(`[consent] no inclusion proof could be made: ${causeOf(error)}`);
        return {leafIndex, checkpoint: null, why: 'The log cannot prove it now: download it again later.'};
      }
    }),
  );
}

/** GET /api/consent/log/keys: every key that verifies, the signing one first. */
export function publishedKeys() {
  return {origin: LOG_ORIGIN, keys: logKeys().map(publishedKey)};
}
