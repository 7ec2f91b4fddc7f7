import {afterAll, describe, expect, it, vi} from 'vitest';
import type {ConsentStore} from '@/lib/consent/store/types';

// Issue 19, finding 6: health said ok while every write failed, and a down store was opened again
// on every request (~0.7 s of CPU each).
let opens = 0;
let failOpen: unknown = null;
const store = {
  kind: 'embedded',
  schema: async () => ({migrations: [1, 2]}),
  close: async () => {},
} as unknown as ConsentStore;
vi.mock('@/lib/consent/store/embedded', () => ({
  openEmbeddedStore: async () => {
    opens++;
    if (failOpen) throw failOpen;
    return store;
  },
}));
delete process.env.DATABASE_URL;
const {getConsentStore, noteWrite, storeHealth} = await import('@/lib/consent/store');

describe('the store’s health and its retries', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterAll(() => {
    vi.useRealTimers();
    error.mockRestore();
  });

  it('tries a store that cannot open again after a growing delay, not on every request', async () => {
    vi.useFakeTimers({now: Date.UTC(2026, 10, 30), toFake: ['Date']});
    failOpen = {message: 'could not locate a valid checkpoint record'};
    for (let i = 0; i < 100; i++) await getConsentStore().catch(() => {});
    expect(opens).toBe(1);
    const health = await storeHealth();
    expect(health).toMatchObject({state: 'unavailable', error: 'could not locate a valid checkpoint record'});
    expect(Date.parse(health.retryAt!)).toBe(Date.now() + 1000);
    expect(error).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 1000);
    await getConsentStore().catch(() => {});
    expect(opens).toBe(2);
    expect(Date.parse((await storeHealth()).retryAt!)).toBe(Date.now() + 2000);
  });

  it('reports degraded, with the cause as text, while writes fail — and ok once one succeeds', async () => {
    vi.setSystemTime(Date.now() + 60_000);
    failOpen = null;
    expect(await getConsentStore()).toBe(store);
    expect(await storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
    noteWrite(new Error('could not extend file "base/5/16384": No space left on device'));
    expect(await storeHealth()).toMatchObject({
      state: 'degraded',
      error: 'could not extend file "base/5/16384": No space left on device',
    });
    noteWrite(null);
    expect(await storeHealth()).toEqual({state: 'ok', kind: 'embedded'});
  });

  it('opens the store again, after a delay, when its engine process has ended', async () => {
    const engineGone = new Error('the embedded store’s engine stopped (SIGKILL)');
    (store as {lost?: () => Error | null}).lost = () => engineGone;
    const before = opens;
    await expect(getConsentStore()).rejects.toBe(engineGone);
    expect(await storeHealth()).toMatchObject({state: 'unavailable', error: engineGone.message});
    expect(opens).toBe(before);
    delete (store as {lost?: unknown}).lost;
    vi.setSystemTime(Date.now() + 60_000);
    expect(await getConsentStore()).toBe(store);
    expect(opens).toBe(before + 1);
  });
});
