import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from '@/lib/consent/contract';
import {PROOF_COOKIE, proofCookieHeader} from '@/lib/consent/ownership';
import {connectReceipts, flushReceipts, queueReceipt, RECEIPT_QUEUE_KEY} from '@/lib/consent/receipts';
import {ALL_DENIED, createConsent, serializeConsent} from '@/lib/consent/record';
import {cookieRegistry} from '@/lib/consent/site-registry';

/**
 * What the cookie table says each technology holds and keeps, held to what the code writes: a
 * change to either side without the other fails here.
 */
const declaration = (name: string) => cookieRegistry.cookies.find((c) => c.name === name)!;
const record = createConsent(
  ALL_DENIED,
  'banner',
  {version: '1.0.0', baseline: '1.0.0', registry: '0'.repeat(16)},
  'ja',
);

describe(`${CONSENT_COOKIE} (the consent cookie)`, () => {
  /** The words the table uses for each field the cookie holds (the format number `v` is not about the visitor). */
  const WORDS: Record<string, {ja: string; en: RegExp}> = {
    id: {ja: '選択記録 ID', en: /record ID/},
    ts: {ja: '日時', en: /time/},
    pv: {ja: 'バージョン', en: /policy version/},
    l: {ja: '表示言語', en: /language/},
    rf: {ja: 'Cookie 等の一覧の識別値', en: /identifier of the Cookie list/},
    c: {ja: '区分ごとの選択', en: /choice for each category/},
    m: {ja: '選択の方法', en: /how it was made/},
  };

  it('is described with every field it holds, in both languages', () => {
    const held = Object.keys(JSON.parse(serializeConsent(record))).filter((key) => key !== 'v');
    expect(held.sort()).toEqual(Object.keys(WORDS).sort());
    const {purpose} = declaration(CONSENT_COOKIE);
    for (const key of held) {
      expect(purpose.ja, key).toContain(WORDS[key]!.ja);
      expect(purpose.en, key).toMatch(WORDS[key]!.en);
    }
  });

  it('names every way a choice can be made', () => {
    const {purpose} = declaration(CONSENT_COOKIE);
    const names: Record<(typeof CONSENT_CONTRACT.methods)[number], string> = {
      banner: 'バナー',
      preferences: 'Cookie 設定',
      form: 'JavaScript なし',
      gpc: 'Global Privacy Control',
    };
    for (const method of CONSENT_CONTRACT.methods) expect(purpose.ja).toContain(names[method]);
  });

  it(`lasts the ${CONSENT_CONTRACT.maxAgeDays} days the contract sets`, () => {
    const {duration} = declaration(CONSENT_COOKIE);
    expect(duration.ja).toBe(`${CONSENT_CONTRACT.maxAgeDays}日`);
    expect(duration.en).toBe(`${CONSENT_CONTRACT.maxAgeDays} days`);
  });
});

describe(`${PROOF_COOKIE} (the proof of ownership)`, () => {
  const attributes = proofCookieHeader('0'.repeat(43), true).split('; ');

  it('cannot be read by page scripts, as the table says', () => {
    expect(attributes).toContain('HttpOnly');
    expect(declaration(PROOF_COOKIE).purpose.ja).toContain('ページのスクリプトからは読めず');
  });

  it('is sent only to the consent routes (shown, added to, deleted), as the table says', () => {
    expect(attributes).toContain('Path=/api/consent');
    expect(declaration(PROOF_COOKIE).purpose.ja).toContain('記録の表示・追加・削除のときだけ送られます');
  });

  it(`lasts the ${CONSENT_CONTRACT.maxAgeDays} days the table says`, () => {
    expect(attributes).toContain(`Max-Age=${CONSENT_CONTRACT.maxAgeDays * 24 * 60 * 60}`);
    expect(declaration(PROOF_COOKIE).duration.ja).toBe(`${CONSENT_CONTRACT.maxAgeDays}日`);
  });
});

describe(`${RECEIPT_QUEUE_KEY} (localStorage)`, () => {
  const storage = new Map<string, string>();
  let status = 201;
  beforeEach(() => {
    storage.clear();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    });
    vi.stubGlobal('fetch', async () => new Response(null, {status}));
    connectReceipts({endpoint: '/api/consent', onOutcome: () => {}, onCookieChanged: () => {}});
  });
  afterEach(() => vi.unstubAllGlobals());

  const stored = () => JSON.parse(storage.get(RECEIPT_QUEUE_KEY) ?? 'null');

  it('keeps a record the server could not take, whole, until it is sent', async () => {
    status = 503;
    queueReceipt(record);
    await flushReceipts();
    expect(stored().pending).toEqual([{record}]);
    const {purpose, duration} = declaration(RECEIPT_QUEUE_KEY);
    expect(purpose.ja).toContain('heyimg_consent と同じ内容');
    expect(duration.ja).toContain('送信前の記録は送信が完了するまで');
  });

  it('keeps, once sent, only the id and time of the last record sent — and the table says so', async () => {
    status = 201;
    queueReceipt(record);
    await flushReceipts();
    expect(stored()).toEqual({pending: [], confirmed: `${record.id}:${record.ts}`});
    const {purpose, duration} = declaration(RECEIPT_QUEUE_KEY);
    expect(purpose.ja).toContain('最後に送信した記録の選択記録 ID と日時だけを残します');
    expect(duration.ja).toContain('記録を削除するまで');
    expect(duration.en).toContain('until you choose again or delete your record');
  });
});
