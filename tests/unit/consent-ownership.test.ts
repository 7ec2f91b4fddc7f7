import {randomBytes} from 'node:crypto';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import type {ConsentStore, Deletion, NewReceipt, Receipt} from '@/lib/consent/store/types';

// Issue 19, finding 1: a receipt answered to whoever knew its id. These run the routes' domain
// rules (service.ts) over an in-memory store with the same claim rules as the SQL one.
const receipts: Receipt[] = [];
const deletions: Deletion[] = [];
const memoryStore = {
  kind: 'embedded',
  async append(r: NewReceipt) {
    const same = receipts.find((s) => s.consentId === r.consentId && +s.recordedAt === +r.recordedAt);
    if (!same) receipts.push({...r, receivedAt: new Date()});
    return same ? (JSON.stringify(same.choices) === JSON.stringify(r.choices) ? 'duplicate' : 'conflict') : 'stored';
  },
  async claim(r: NewReceipt) {
    if (receipts.some((s) => s.consentId === r.consentId) || deletions.some((d) => d.consentId === r.consentId))
      return 'taken';
    receipts.push({...r, receivedAt: new Date()});
    return 'stored';
  },
  async list(id: string) {
    return receipts.filter((r) => r.consentId === id);
  },
  async deleteConsent(id: string) {
    const mine = receipts.filter((r) => r.consentId === id);
    receipts.splice(0, receipts.length, ...receipts.filter((r) => r.consentId !== id));
    if (mine.length) deletions.push({consentId: id, deletedAt: new Date(), receipts: mine.length});
    return mine.length;
  },
} as unknown as ConsentStore;
vi.mock('@/lib/consent/store', () => ({
  receiptStore: async () => memoryStore,
  noteWrite: () => {},
  noteKeys: () => {},
}));

const oldKey = `old:${randomBytes(32).toString('base64')}`;
const newKey = `new:${randomBytes(32).toString('base64')}`;
process.env.CONSENT_PROOF_KEYS = oldKey;
const service = await import('@/lib/consent/service');
const {REGISTRY_FINGERPRINT} = await import('@/lib/consent/server');
const {PROOF_COOKIE, parseProofKeys, issueProof, verifyProof} = await import('@/lib/consent/ownership');

const ORIGIN = 'http://127.0.0.1:3000';
const VICTIM = 'a'.repeat(32);

function record(overrides: Record<string, unknown> = {}) {
  return {
    v: 2,
    id: VICTIM,
    ts: Date.now() - 1000,
    pv: '1.0.0',
    l: 'ja',
    rf: REGISTRY_FINGERPRINT,
    c: {analytics: false, advertising: false},
    m: 'banner',
    ...overrides,
  };
}

/** A request as a browser sends it, with the cookies it holds. */
function request(path: string, cookies: Record<string, string>, init: RequestInit = {}) {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');
  return new Request(`${ORIGIN}${path}`, {...init, headers: {host: '127.0.0.1:3000', origin: ORIGIN, cookie}});
}

const consentCookie = (r: ReturnType<typeof record>) => ({heyimg_consent: JSON.stringify(r)});
const proofFrom = (setCookies: string[]) =>
  setCookies
    .find((c) => c.startsWith(`${PROOF_COOKIE}=`))
    ?.split(';')[0]!
    .slice(PROOF_COOKIE.length + 1);
/** The id of the consent cookie an answer sets. */
const idIn = (setCookies: string[]) =>
  JSON.parse(
    decodeURIComponent(
      setCookies
        .find((c) => c.startsWith('heyimg_consent='))!
        .split(';')[0]!
        .split('=')[1]!,
    ),
  ).id as string;
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: {status: number}) => error.status,
  );

describe('a receipt answers only to the browser that holds its proof', () => {
  let victimProof: string;
  const victim = record();

  beforeEach(async () => {
    receipts.length = 0;
    deletions.length = 0;
    const first = await service.recordReceipt(
      request('/api/consent', consentCookie(victim)),
      JSON.stringify({record: victim}),
    );
    expect(first.outcome).toBe('stored');
    victimProof = proofFrom(first.setCookies)!;
  });

  it('issues the proof as an HttpOnly cookie that page scripts cannot read, only for the API', async () => {
    const first = await service.recordReceipt(
      request('/api/consent', consentCookie(record({id: 'b'.repeat(32)}))),
      JSON.stringify({record: record({id: 'b'.repeat(32)})}),
    );
    const header = first.setCookies.find((c) => c.startsWith(PROOF_COOKIE))!;
    expect(header).toMatch(/; Path=\/api\/consent; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    // It lives exactly as long as the choice it protects: 180 days from the choice.
    const maxAge = (name: string) => first.setCookies.find((c) => c.startsWith(`${name}=`))!.match(/Max-Age=(\d+)/)![1];
    expect(maxAge(PROOF_COOKIE)).toBe(maxAge('heyimg_consent'));
    expect(Number(maxAge(PROOF_COOKIE))).toBe(Math.ceil((record().ts + 180 * 86_400_000 - Date.now()) / 1000));
  });

  it('never lets a self-made cookie holding the victim’s id touch the victim’s record', async () => {
    const forged = consentCookie(record({ts: Date.now(), c: {analytics: true, advertising: true}}));
    const later = record({ts: Date.now(), c: {analytics: true, advertising: true}});
    // A choice is kept — under a new id of the sender's own, never the victim's.
    const posted = await service.recordReceipt(request('/api/consent', forged), JSON.stringify({record: later}));
    expect(posted.outcome).toBe('renewed');
    expect(posted.body.consentId).not.toBe(VICTIM);
    const form = await service.recordFormChoice(request('/api/consent', forged), 'choice=accept&locale=ja');
    expect(form.outcome).toBe('renewed');
    expect(idIn(form.setCookies)).not.toBe(VICTIM);
    // Reading and deleting the victim's record need the proof.
    expect(await status(service.deleteReceipts(request(`/api/consent/receipts/${VICTIM}`, forged), VICTIM))).toBe(403);
    expect(await status(service.receiptsOf(request(`/api/consent/receipts/${VICTIM}`, {}), VICTIM))).toBe(403);
    expect(await status(service.receiptsOf(request(`/api/consent/receipts/${VICTIM}`, forged), VICTIM))).toBe(403);
    // A proof made up, or one for another id, is no proof.
    const madeUp = {...forged, [PROOF_COOKIE]: `old.${'A'.repeat(43)}`};
    expect(await status(service.receiptsOf(request('/x', madeUp), VICTIM))).toBe(403);
    const otherIds = {...forged, [PROOF_COOKIE]: issueProof(parseProofKeys(oldKey, 'test'), 'c'.repeat(32))};
    expect(await status(service.receiptsOf(request('/x', otherIds), VICTIM))).toBe(403);
    expect(receipts.filter((r) => r.consentId === VICTIM).map((r) => r.choices)).toEqual([victim.c]);
  });

  it('answers the same browser resending exactly what it stored, before its proof arrived: 200, no proof', async () => {
    const resent = await service.recordReceipt(
      request('/api/consent', consentCookie(victim)),
      JSON.stringify({record: victim}),
    );
    expect(resent.outcome).toBe('duplicate');
    expect(proofFrom(resent.setCookies)).toBeUndefined();
    // Anything else said under that id without the proof goes to a new id: the id's record is unchanged.
    const changed = record({ts: victim.ts, c: {analytics: true, advertising: true}});
    const elsewhere = await service.recordReceipt(
      request('/api/consent', consentCookie(changed)),
      JSON.stringify({record: changed}),
    );
    expect(elsewhere.outcome).toBe('renewed');
    expect(receipts.filter((r) => r.consentId === VICTIM)).toHaveLength(1);
  });

  it('serves the owner: reading, adding and deleting with the proof', async () => {
    const mine = {...consentCookie(victim), [PROOF_COOKIE]: victimProof};
    expect((await service.receiptsOf(request('/x', mine), VICTIM)).receipts).toHaveLength(1);
    const next = record({ts: Date.now(), m: 'preferences'});
    const added = await service.recordReceipt(request('/api/consent', mine), JSON.stringify({record: next}));
    expect(added.outcome).toBe('stored');
    const deleted = await service.deleteReceipts(request('/x', mine), VICTIM);
    expect(deleted.body).toEqual({consentId: VICTIM, deleted: 2});
    // Both cookies are cleared: the banner asks again, under a new id.
    expect(deleted.setCookies).toEqual([
      expect.stringMatching(/^heyimg_consent=; .*Max-Age=0/),
      expect.stringMatching(/^heyimg_consent_proof=; .*Max-Age=0/),
    ]);
  });

  it('never re-creates a deleted id without its proof (no replay at the victim’s old time)', async () => {
    const mine = {...consentCookie(victim), [PROOF_COOKIE]: victimProof};
    await service.deleteReceipts(request('/x', mine), VICTIM);
    const replay = record({c: {analytics: true, advertising: true}});
    const result = await service.recordReceipt(
      request('/api/consent', consentCookie(replay)),
      JSON.stringify({record: replay}),
    );
    expect(result.outcome).toBe('renewed');
    expect(receipts.filter((r) => r.consentId === VICTIM)).toEqual([]);
  });

  it('gives the no-JavaScript form a new id and its proof when the browser has none', async () => {
    const result = await service.recordFormChoice(request('/api/consent', {}), 'choice=decline&locale=en');
    expect(result.outcome).toBe('saved');
    const id = idIn(result.setCookies);
    expect(id).not.toBe(VICTIM);
    expect(verifyProof(parseProofKeys(oldKey, 'test'), id, proofFrom(result.setCookies))).toBe('current');
  });

  it('accepts a proof under a rotated key and re-issues it under the new one', async () => {
    const rotated = [...parseProofKeys(`${newKey},${oldKey}`, 'test')];
    expect(verifyProof(rotated, VICTIM, victimProof)).toBe('rotated');
    expect(verifyProof(parseProofKeys(newKey, 'test'), VICTIM, victimProof)).toBeNull();
    expect(verifyProof(rotated, VICTIM, issueProof(rotated, VICTIM))).toBe('current');
  });
});

describe('a choice over the visitor’s whole lifetime (legal review N16)', () => {
  const DAY = 86_400_000;
  const start = Date.UTC(2026, 11, 5);
  /** A browser's cookie jar: what the answers set, dropped when its Max-Age is over. */
  function browser() {
    const jar = new Map<string, {value: string; expires: number}>();
    return {
      cookies: () =>
        Object.fromEntries(
          [...jar].filter(([, c]) => c.expires > Date.now()).map(([name, c]) => [name, decodeURIComponent(c.value)]),
        ),
      take(setCookies: string[]) {
        for (const header of setCookies) {
          const [pair, ...attributes] = header.split('; ');
          const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
          const maxAge = Number(attributes.find((a) => a.startsWith('Max-Age='))!.slice(8));
          jar.set(name, {value, expires: Date.now() + maxAge * 1000});
        }
      },
      id: () => (JSON.parse(decodeURIComponent(jar.get('heyimg_consent')!.value)) as {id: string}).id,
    };
  }
  const on = (day: number) => vi.setSystemTime(start + day * DAY);
  const choose = async (visitor: ReturnType<typeof browser>, c: {analytics: boolean; advertising: boolean}) => {
    const known = visitor.cookies().heyimg_consent;
    const r = record({id: known ? visitor.id() : 'f'.repeat(32), ts: Date.now(), c, m: 'preferences'});
    const result = await service.recordReceipt(
      request('/api/consent', {...visitor.cookies(), heyimg_consent: JSON.stringify(r)}),
      JSON.stringify({record: r}),
    );
    visitor.take(result.setCookies);
    return result.outcome;
  };
  const GRANT = {analytics: true, advertising: true};
  const WITHDRAW = {analytics: false, advertising: false};

  beforeEach(() => {
    receipts.length = 0;
    deletions.length = 0;
    vi.useFakeTimers({now: start, toFake: ['Date']});
    return () => vi.useRealTimers();
  });

  it.each([181, 200, 400])(
    'changes, withdraws, downloads and deletes %i days after the first choice, under the same id',
    async (last) => {
      const visitor = browser();
      expect(await choose(visitor, WITHDRAW)).toBe('stored');
      const id = visitor.id();
      // Chosen again now and then, as a returning visitor does (each choice renews both cookies).
      for (let day = 100; day < last; day += 100) {
        on(day);
        expect(await choose(visitor, GRANT)).toBe('stored');
      }
      on(last);
      expect(await choose(visitor, WITHDRAW)).toBe('stored');
      expect(visitor.id()).toBe(id);
      const mine = request(`/api/consent/receipts/${id}`, visitor.cookies());
      const download = await service.receiptsOf(mine, id);
      expect(download.receipts.at(-1)!.choices).toEqual(WITHDRAW);
      expect((await service.deleteReceipts(mine, id)).body.deleted).toBe(download.receipts.length);
    },
  );

  it('keeps the choice of a browser whose proof is gone under a new id, and its owner can read and delete it', async () => {
    const visitor = browser();
    await choose(visitor, GRANT);
    const first = visitor.id();
    on(100);
    await choose(visitor, GRANT);
    // Day 181 as the site shipped before: the proof was never renewed and is gone; the id lives on.
    on(181);
    const cookies = visitor.cookies();
    delete cookies[PROOF_COOKIE];
    const r = record({id: first, ts: Date.now(), c: WITHDRAW, m: 'preferences'});
    const result = await service.recordReceipt(
      request('/api/consent', {...cookies, heyimg_consent: JSON.stringify(r)}),
      JSON.stringify({record: r}),
    );
    expect(result.outcome).toBe('renewed');
    expect(result.body).toMatchObject({previousConsentId: first});
    visitor.take(result.setCookies);
    const renewed = visitor.id();
    expect(renewed).not.toBe(first);
    // The withdrawal is on record, under the new id, readable and deletable by this browser.
    const mine = request(`/api/consent/receipts/${renewed}`, visitor.cookies());
    expect((await service.receiptsOf(mine, renewed)).receipts.map((x) => x.choices)).toEqual([WITHDRAW]);
    expect((await service.deleteReceipts(mine, renewed)).body.deleted).toBe(1);
  });

  it('applies the no-JavaScript form’s choice 181 days on, with or without the proof', async () => {
    const visitor = browser();
    await choose(visitor, GRANT);
    on(100);
    await choose(visitor, GRANT);
    on(181);
    const kept = await service.recordFormChoice(request('/api/consent', visitor.cookies()), 'choice=decline&locale=ja');
    expect(kept.outcome).toBe('saved');
    on(182);
    const withoutProof = {...visitor.cookies()};
    delete withoutProof[PROOF_COOKIE];
    const renewed = await service.recordFormChoice(request('/api/consent', withoutProof), 'choice=decline&locale=ja');
    expect(renewed.outcome).toBe('renewed');
    expect(idIn(renewed.setCookies)).not.toBe(visitor.id());
  });
});

describe('only what the site published is accepted', () => {
  beforeEach(() => {
    receipts.length = 0;
    deletions.length = 0;
  });

  it.each(['0000000000000000', 'ffffffffffffffff'])('refuses the registry fingerprint %s (400)', async (rf) => {
    const r = record({id: 'd'.repeat(32), rf});
    expect(
      await status(service.recordReceipt(request('/api/consent', consentCookie(r)), JSON.stringify({record: r}))),
    ).toBe(400);
    expect(receipts).toEqual([]);
  });

  it('takes the server’s time as the time a receipt was received', async () => {
    const r = record({id: 'e'.repeat(32), ts: Date.now() - 3 * 24 * 60 * 60 * 1000});
    const before = Date.now();
    const result = await service.recordReceipt(request('/api/consent', consentCookie(r)), JSON.stringify({record: r}));
    const proof = proofFrom(result.setCookies)!;
    const [stored] = (await service.receiptsOf(request('/x', {[PROOF_COOKIE]: proof}), r.id)).receipts;
    expect(Date.parse(stored!.receivedAt)).toBeGreaterThanOrEqual(before);
  });
});

describe('proof keys from configuration', () => {
  it('must be configured with DATABASE_URL: no server makes a key of its own (issue 26, H3)', async () => {
    const {loadProofKeys} = await import('@/lib/consent/ownership');
    const {tempDir} = await import('../support/temp-dirs');
    const database = {DATABASE_URL: 'postgresql://db/consent'} as unknown as NodeJS.ProcessEnv;
    const dir = tempDir('heyimg-proof-keys-');
    expect(() => loadProofKeys({...database, CONSENT_DATA_DIR: dir})).toThrow(
      /DATABASE_URL is set without CONSENT_PROOF_KEYS/,
    );
    expect(loadProofKeys({...database, CONSENT_PROOF_KEYS: oldKey})[0]!.name).toBe('old');
    // A file every server reads is configuration too.
    const shared = `${dir}/shared-proof-keys`;
    expect(loadProofKeys({...database, CONSENT_PROOF_KEY_FILE: shared})).toHaveLength(1);
  });

  it('refuses short, malformed or duplicate keys, naming where they came from', () => {
    expect(() => parseProofKeys('k:c2hvcnQ=', 'CONSENT_PROOF_KEYS')).toThrow(
      /CONSENT_PROOF_KEYS: key 1 .* at least 32 bytes/,
    );
    expect(() => parseProofKeys('no colon', 'file')).toThrow(/file: key 1/);
    expect(() => parseProofKeys(`${oldKey},${oldKey}`, 'file')).toThrow(/same name/);
    expect(() => parseProofKeys('# only a comment\n', 'file')).toThrow(/no key/);
  });
});
