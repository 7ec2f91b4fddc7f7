import type {ConsentRecord} from './record';

/**
 * Receipts the browser still has to deliver to the site's /api/consent, kept in localStorage
 * (declared in the cookie registry as necessary) until the server acknowledges them: a store that
 * is down never blocks the visitor, and nothing acknowledged is ever sent twice in vain. A receipt
 * the server refuses is never dropped in silence either: it stays, the visitor is told once, and
 * it is sent again on the next page.
 */
export const RECEIPT_QUEUE_KEY = 'heyimg_consent_receipts';
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000];
const MAX_PENDING = 20;

interface Pending {
  record: ConsentRecord;
  /** The server refused it (4xx) and the visitor was told: sent again on the next page, not in a loop. */
  refused?: true;
}

interface QueueState {
  pending: Pending[];
  /** id:ts of the last receipt the server acknowledged. */
  confirmed: string | null;
}

/** What the server did with a receipt, for the visitor to be told. */
export type ReceiptOutcome =
  /** Kept under a new record id: this browser could not prove the one it had (its proof expired). */
  | {kind: 'renewed'; previousId: string; id: string}
  /** Refused: the server's own words, in its two languages. */
  | {kind: 'refused'; status: number; message: string};

export interface ReceiptTransport {
  /** The consent API: /api/consent on the site, its absolute address from another HeyImg origin. */
  endpoint: string;
  /** Told of a renewal or a refusal. */
  onOutcome: (outcome: ReceiptOutcome) => void;
  /** Told the cookie changed (a renewal's new id): the store reads it again. */
  onCookieChanged: () => void;
}

const keyOf = (record: ConsentRecord) => `${record.id}:${record.ts}`;
let transport: ReceiptTransport | null = null;
/** The delivery under way: a second call waits for it instead of sending the same receipts again. */
let flushing: Promise<void> | null = null;
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

/** Where receipts go and who hears what became of them; set once per page. */
export function connectReceipts(to: ReceiptTransport): void {
  transport = to;
  if (typeof window !== 'undefined') window.addEventListener('online', () => void flushReceipts());
}

/**
 * Queues a receipt unless it was already acknowledged or queued, then tries to deliver. A page's
 * first flush sends again the receipts refused on an earlier page.
 */
export function queueReceipt(record: ConsentRecord): void {
  const state = read();
  const key = keyOf(record);
  if (state.confirmed !== key && !state.pending.some((p) => keyOf(p.record) === key)) {
    state.pending = [...state.pending, {record}].slice(-MAX_PENDING);
    write(state);
  }
  void flushReceipts();
}

/** Sends pending receipts in order; stops at the first the server cannot take now and retries later. */
export function flushReceipts(): Promise<void> {
  if (!transport) return Promise.resolve();
  flushing ??= deliver(transport).finally(() => (flushing = null));
  return flushing;
}

async function deliver(transport: ReceiptTransport): Promise<void> {
  const tried = new Set<string>();
  for (;;) {
    const next = read().pending.find((p) => !tried.has(keyOf(p.record)));
    if (!next) break;
    tried.add(keyOf(next.record));
    const answer = await send(transport.endpoint, next.record);
    if (answer.status === 0 || answer.status >= 500 || answer.status === 429) {
      scheduleRetry();
      return;
    }
    attempt = 0;
    const latest = read();
    if (answer.status < 300) {
      latest.pending = latest.pending.filter((p) => keyOf(p.record) !== keyOf(next.record));
      const renewedTo = answer.body?.status === 'renewed' ? answer.body.consentId : null;
      // The rest of this browser's receipts under the old id follow it to the new one.
      if (renewedTo) for (const p of latest.pending) if (p.record.id === next.record.id) p.record.id = renewedTo;
      latest.confirmed = keyOf(renewedTo ? {...next.record, id: renewedTo} : next.record);
      write(latest);
      if (renewedTo) {
        transport.onCookieChanged();
        transport.onOutcome({kind: 'renewed', previousId: next.record.id, id: renewedTo});
      }
    } else {
      // Refused for a reason a retry now would not change: kept, said once, sent again later.
      const kept = latest.pending.find((p) => keyOf(p.record) === keyOf(next.record));
      if (kept && !kept.refused) {
        kept.refused = true;
        transport.onOutcome({kind: 'refused', status: answer.status, message: answer.text});
      }
      write(latest);
    }
  }
}

interface Answer {
  status: number;
  text: string;
  body: {status?: string; consentId?: string} | null;
}

async function send(endpoint: string, record: ConsentRecord): Promise<Answer> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({record}),
      // The site's own cookies go with it from a page of another HeyImg origin too (same site).
      credentials: 'include',
      keepalive: true,
    });
    const text = await response.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // An error's text is plain.
    }
    return {status: response.status, text, body};
  } catch {
    return {status: 0, text: '', body: null}; // offline, or the server is unreachable
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
