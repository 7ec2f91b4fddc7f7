import {causeOf} from '../log';
import {loadProofKeys} from '../ownership';
import {closeLog, startCheckpoints} from '../transparency/checkpointer';
import {closeConsentStore, getConsentStore, noteKeys} from '.';

/**
 * Starts opening (and migrating) the consent store when the server starts, without waiting for it:
 * the engine runs off the main thread, so pages are served from the first moment and receipts as
 * soon as it is open. A store that cannot open — a second server on the same embedded folder,
 * a full disk, an unreachable PostgreSQL — is said in the log now, with its cause; the site keeps
 * serving, receipts are answered 503 and /api/health says why, and the open is tried again with
 * a growing delay. The proof keys are read now too, so a bad configuration is said at start and
 * health reports it.
 */
export function openStoreAtStartup(): void {
  try {
    loadProofKeys();
  } catch (error) {
    noteKeys('proof-keys', causeOf(error));
  }
  getConsentStore().catch(() => {
    // getConsentStore logged the cause.
  });
  // The consent log's checkpoints, on a timer (its keys are read now: a bad one is said at start).
  startCheckpoints();
}

/**
 * The server's stop: the consent log signs what it holds, then the store closes, and the embedded
 * engine and the folder's lock go with it.
 */
export async function closeStoreAtShutdown(): Promise<void> {
  await closeLog().catch(() => {
    // The checkpointer logged the cause; the store closes all the same.
  });
  await closeConsentStore();
}
