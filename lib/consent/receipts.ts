import type {ConsentRecord} from './record';

/**
 * Receipts the browser still has to deliver to /api/consent, kept in localStorage (declared in the
 * cookie registry as necessary) until the server acknowledges them: a store that is down never
 * blocks the visitor, and nothing acknowledged is ever sent twice in vain.
 */
export const RECEIPT_QUEUE_KEY = 'heyimg_consent_receipts';
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000];
const MAX_PENDING = 20;

interface QueueState {
  pending: {record: ConsentRecord}[];
  /** id:ts of the last receipt the server acknowledged. */
  confirmed: string | null;
}

const keyOf = (record: ConsentRecord) => `${record.id}:${record.ts}`;
let flushing = false;
let retry: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;

function read(): QueueState {
  try {
    const state = JSON.parse(localStorage.getItem(RECEIPT_QUEUE_KEY) ?? 'null') as QueueState | null;
    if (state && Array.isArray(state.pending)) return state;
  } catch {
    // A damaged queue is dropped: the current cookie is queued again on the next page.
  }
  return {pending: [], confirmed: null};
}

function write(state: QueueState): void {
  try {
    if (state.pending.length === 0 && state.confirmed === null) localStorage.removeItem(RECEIPT_QUEUE_KEY);
    else localStorage.setItem(RECEIPT_QUEUE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the receipt is sent now or not at all.
  }
}

/** Queues a receipt unless it was already acknowledged or queued, then tries to deliver. */
export function queueReceipt(record: ConsentRecord): void {
  const state = read();
  const key = keyOf(record);
  if (state.confirmed === key || state.pending.some((p) => keyOf(p.record) === key)) {
    void flushReceipts();
    return;
  }
  state.pending = [...state.pending, {record}].slice(-MAX_PENDING);
  write(state);
  void flushReceipts();
}

/** Sends pending receipts in order; stops at the first the server cannot take now and retries later. */
export async function flushReceipts(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (;;) {
      const state = read();
      const next = state.pending[0];
      if (!next) break;
      let status = 0;
      try {
        const response = await fetch('/api/consent', {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify(next),
          credentials: 'same-origin',
          keepalive: true,
        });
        status = response.status;
      } catch {
        status = 0; // offline or the server is unreachable
      }
      if (status === 0 || status === 503 || status >= 500 || status === 429) {
        scheduleRetry();
        return;
      }
      // Acknowledged (2xx) — or refused for good (4xx), which no retry would change.
      const latest = read();
      latest.pending = latest.pending.filter((p) => keyOf(p.record) !== keyOf(next.record));
      if (status < 300) latest.confirmed = keyOf(next.record);
      write(latest);
      attempt = 0;
    }
  } finally {
    flushing = false;
  }
}

function scheduleRetry(): void {
  if (retry) return;
  const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
  attempt++;
  retry = setTimeout(() => {
    retry = null;
    void flushReceipts();
  }, delay);
}

/** Forgets every receipt (the visitor deleted their records). */
export function clearReceipts(): void {
  localStorage.removeItem(RECEIPT_QUEUE_KEY);
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void flushReceipts());
