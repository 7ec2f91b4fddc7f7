import {randomBytes} from 'node:crypto';
import {beforeEach, describe, expect, it, vi} from 'vitest';

// A store that cannot open (disk full, a bad DATABASE_URL): what the routes do then.
vi.mock('@/lib/consent/store', () => ({
  receiptStore: () => Promise.reject(new Error('ENOSPC: no space left on device')),
  noteKeys: () => {},
}));

process.env.CONSENT_PROOF_KEYS = `test:${randomBytes(32).toString('base64')}`;
const {recordFormChoice, recordReceipt} = await import('@/lib/consent/service');
const {REGISTRY_FINGERPRINT} = await import('@/lib/consent/server');
const {HttpError} = await import('@/lib/consent/http');

const form = (body: string) =>
  new Request('http://127.0.0.1:3000/api/consent', {
    method: 'POST',
    headers: {host: '127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded'},
    body,
  });

describe('when the store fails', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));

  it('a no-JavaScript choice still applies (its cookie is set) but is not reported as stored', async () => {
    const result = await recordFormChoice(form('choice=accept&locale=ja'), 'choice=accept&locale=ja');
    expect(result.outcome).toBe('pending');
    expect(result.setCookies[0]).toMatch(/^heyimg_consent=.*Max-Age=15552000/);
  });

  it('a receipt from the browser is answered 503, so the browser keeps it and sends it again', async () => {
    const record = {
      v: 2,
      id: 'a'.repeat(32),
      ts: Date.now(),
      pv: '1.0.0',
      l: 'ja',
      rf: REGISTRY_FINGERPRINT,
      c: {analytics: false, advertising: false},
      m: 'banner',
    };
    const cookie = `heyimg_consent=${encodeURIComponent(JSON.stringify(record))}`;
    const request = new Request('http://127.0.0.1:3000/api/consent', {
      method: 'POST',
      headers: {host: '127.0.0.1:3000', cookie},
    });
    const error = await recordReceipt(request, JSON.stringify({record})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as InstanceType<typeof HttpError>).status).toBe(503);
  });
});
