import {beforeEach, describe, expect, it, vi} from 'vitest';
import {
  connectReceipts,
  flushReceipts,
  queueReceipt,
  RECEIPT_QUEUE_KEY,
  type ReceiptOutcome,
} from '@/lib/consent/receipts';
import {createConsent, ALL_DENIED, ALL_GRANTED} from '@/lib/consent/record';

// Issue 26, H3, and legal review N16: a browser once dropped for good every receipt the server
// refused (403), so a withdrawal made on a server that could not verify the proof was never stored.
// Now nothing the server refuses is dropped in silence, and a choice kept under a new id is said.
const policy = {version: '1.0.0', baseline: '1.0.0', registry: '0123456789abcdef'};
const choice = (id: string, ts: number, c = ALL_DENIED) => createConsent(c, 'banner', policy, 'ja', {id, now: ts});
const OLD = 'a'.repeat(32);
const NEW = 'b'.repeat(32);

const storage = new Map<string, string>();
const queue = () => JSON.parse(storage.get(RECEIPT_QUEUE_KEY) ?? 'null');
let answers: {status: number; body: unknown}[] = [];
const sent: {id: string; ts: number}[] = [];
let outcomes: ReceiptOutcome[] = [];
let cookieChanges = 0;

beforeEach(() => {
  storage.clear();
  sent.length = 0;
  outcomes = [];
  cookieChanges = 0;
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  });
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const {record} = JSON.parse(String(init.body));
    sent.push({id: record.id, ts: record.ts});
    const {status, body} = answers.shift() ?? {status: 201, body: {status: 'stored', consentId: record.id}};
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {status});
  });
  connectReceipts({
    endpoint: 'https://www.heyimg.test/api/consent',
    onOutcome: (outcome) => outcomes.push(outcome),
    onCookieChanged: () => cookieChanges++,
  });
  return () => vi.unstubAllGlobals();
});

describe('the receipt queue', () => {
  it('follows a renewal: the visitor is told the new id, and the rest of the old id’s receipts go under it', async () => {
    answers = [{status: 201, body: {status: 'renewed', consentId: NEW, previousConsentId: OLD}}];
    queueReceipt(choice(OLD, 1_000));
    queueReceipt(choice(OLD, 2_000, ALL_GRANTED));
    await flushReceipts();
    expect(outcomes).toEqual([{kind: 'renewed', previousId: OLD, id: NEW}]);
    expect(cookieChanges).toBe(1);
    expect(sent).toEqual([
      {id: OLD, ts: 1_000},
      {id: NEW, ts: 2_000},
    ]);
    expect(queue()).toEqual({pending: [], confirmed: `${NEW}:2000`});
  });

  it('keeps a refused receipt, says so once with the server’s words, and sends it again on a later page', async () => {
    answers = [{status: 409, body: '同じ選択記録 ID と日時で…\nA different receipt…\n'}];
    queueReceipt(choice(OLD, 1_000));
    await flushReceipts();
    expect(outcomes).toEqual([
      {kind: 'refused', status: 409, message: '同じ選択記録 ID と日時で…\nA different receipt…\n'},
    ]);
    expect(queue().pending).toHaveLength(1);
    // The next page: sent again; refused again, it is not said a second time.
    answers = [{status: 409, body: 'x\ny\n'}];
    await flushReceipts();
    expect(sent).toHaveLength(2);
    expect(outcomes).toHaveLength(1);
    // Accepted at last: gone from the queue.
    await flushReceipts();
    expect(queue()).toEqual({pending: [], confirmed: `${OLD}:1000`});
  });

  it('waits and retries while the store is down, and sends to the API it was given, with credentials', async () => {
    const calls: [string, RequestInit][] = [];
    const fetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return fetch(url, init);
    });
    answers = [{status: 503, body: 'down'}];
    queueReceipt(choice(OLD, 1_000));
    await flushReceipts();
    expect(outcomes).toEqual([]);
    expect(queue().pending).toHaveLength(1);
    expect(calls[0]![0]).toBe('https://www.heyimg.test/api/consent');
    expect(calls[0]![1]).toMatchObject({method: 'POST', credentials: 'include', keepalive: true});
  });
});
