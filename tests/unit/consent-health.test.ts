import {afterAll, describe, expect, it, vi} from 'vitest';
import type {ConsentStore} from '@/lib/consent/store/types';

// Issue 19, finding 6: health said ok while every write failed, and a down store was opened again
// on every request (~0.7 s of CPU each). Issue 26, M3/M4/L4: health said ok while receipts were off
// for their keys, ran five queries per call on the one store process, waited seconds for a store
// that was opening, and told anyone the store's paths and hosts.
let opens = 0;
let failOpen: unknown = null;
let pings = 0;
let pingFails: unknown = null;
let opened: () => void = () => {};
let openGate: Promise<void> = Promise.resolve();
const store = {
  kind: 'embedded',
  ping: async () => {
    pings++;
    if (pingFails) throw pingFails;
  },
  close: async () => {},
} as unknown as ConsentStore;
vi.mock('@/lib/consent/store/embedded', () => ({
  openEmbeddedStore: async () => {
    opens++;
    await openGate;
    if (failOpen) throw failOpen;
    return store;
  },
}));
delete process.env.DATABASE_URL;
const {getConsentStore, noteKeys, noteWrite, receiptStore, storeHealth} = await import('@/lib/consent/store');
const {GET} = await import('@/app/api/health/route');

describe('the store’s health and its retries', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterAll(() => {
    vi.useRealTimers();
    error.mockRestore();
  });

  it('says “opening” at once while the store opens, and a receipt waits a second at most', async () => {
    vi.useFakeTimers({now: Date.UTC(2026, 10, 30), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval']});
    openGate = new Promise((resolve) => (opened = resolve));
    const waiting = receiptStore();
    expect(storeHealth()).toMatchObject({state: 'opening', code: 'opening'});
    const refused = expect(waiting).rejects.toThrow(/still opening/);
    await vi.advanceTimersByTimeAsync(1_000);
    await refused;
    failOpen = {message: 'could not locate a valid checkpoint record'};
    opened();
    await getConsentStore().catch(() => {});
  });

  it('tries a store that cannot open again after a growing delay, not on every request', async () => {
    for (let i = 0; i < 100; i++) await getConsentStore().catch(() => {});
    expect(opens).toBe(1);
    const health = storeHealth();
    expect(health).toMatchObject({
      state: 'unavailable',
      code: 'cannot-open',
      detail: 'could not locate a valid checkpoint record',
    });
    expect(Date.parse(health.retryAt!)).toBe(Date.now() + 1000);
    expect(error).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 1000);
    await getConsentStore().catch(() => {});
    expect(opens).toBe(2);
    expect(Date.parse(storeHealth().retryAt!)).toBe(Date.now() + 2000);
  });

  it('reports degraded, with the cause, while writes fail — and ok once one succeeds', async () => {
    vi.setSystemTime(Date.now() + 60_000);
    failOpen = null;
    expect(await getConsentStore()).toBe(store);
    expect(storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
    noteWrite(new Error('could not extend file "base/5/16384": No space left on device'));
    expect(storeHealth()).toMatchObject({
      state: 'degraded',
      code: 'write-failed',
      detail: 'could not extend file "base/5/16384": No space left on device',
    });
    noteWrite(null);
    expect(storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
  });

  it('asks the open store one trivial question every few seconds, whatever the number of health calls', async () => {
    const before = pings;
    for (let i = 0; i < 50; i++) expect((await GET(new Request('http://x/api/health'))).status).toBe(200);
    expect(pings).toBe(before);
    pingFails = new Error('connect ECONNREFUSED 127.0.0.1:5434');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pings).toBe(before + 1);
    expect(storeHealth()).toMatchObject({state: 'degraded', code: 'not-answering'});
    pingFails = null;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
  });

  it('is degraded while the proof keys or the log’s cannot be read, though the store is open', async () => {
    noteKeys('proof-keys', 'data/consent/proof-keys: key 1 must be name:secret …');
    expect(storeHealth()).toMatchObject({state: 'degraded', code: 'proof-keys'});
    expect((await GET(new Request('http://x/api/health'))).status).toBe(503);
    noteWrite(null);
    expect(storeHealth()).toMatchObject({state: 'degraded', code: 'proof-keys'});
    noteKeys('proof-keys', null);
    expect(storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
    // The log's keys too: receipts are stored, but nobody could check them against a checkpoint.
    noteKeys('log-keys', 'DATABASE_URL is set without CONSENT_LOG_KEYS …');
    expect(storeHealth()).toMatchObject({state: 'degraded', code: 'log-keys'});
    noteKeys('log-keys', null);
    expect(storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
  });

  it('shows the cause only to the operator’s token; the public gets the state and a code', async () => {
    vi.stubEnv('CONSENT_HEALTH_TOKEN', 'operator-secret-token');
    noteWrite(new Error('埋め込みの同意ストア /srv/data はプロセス 3253（/usr/bin/node …）が使用中です'));
    const open = await (await GET(new Request('http://x/api/health'))).json();
    expect(open).toMatchObject({state: 'degraded', code: 'write-failed'});
    expect(JSON.stringify(open)).not.toMatch(/srv|3253|node/);
    for (const token of ['wrong', 'operator-secret-tokex', ''])
      expect(
        await (await GET(new Request('http://x/', {headers: {authorization: `Bearer ${token}`}}))).json(),
      ).not.toHaveProperty('detail');
    const operator = await GET(new Request('http://x/', {headers: {authorization: 'Bearer operator-secret-token'}}));
    expect((await operator.json()).detail).toMatch(/\/srv\/data/);
    noteWrite(null);
    vi.unstubAllEnvs();
  });

  it('opens the store again, after a delay, when its engine process has ended', async () => {
    const engineGone = new Error('the embedded store did not answer within 15 s and was restarted');
    (store as {lost?: () => Error | null}).lost = () => engineGone;
    const before = opens;
    await expect(getConsentStore()).rejects.toBe(engineGone);
    expect(storeHealth()).toMatchObject({state: 'unavailable', code: 'engine-stopped', detail: engineGone.message});
    expect(opens).toBe(before);
    delete (store as {lost?: unknown}).lost;
    vi.setSystemTime(Date.now() + 60_000);
    expect(await getConsentStore()).toBe(store);
    expect(opens).toBe(before + 1);
  });
});
