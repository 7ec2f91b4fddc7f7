import {describe, expect, it} from 'vitest';
import {CONSENT_CONTRACT} from '@/lib/consent/contract';
import {
  consentStatus,
  createConsent,
  evaluateConsent,
  parseConsent,
  serializeConsent,
  type ConsentPolicy,
  type ConsentRecord,
} from '@/lib/consent/record';
import {consentRecordShape, parseReceiptRequest} from '@/lib/consent/schema';
import {compareVersions} from '@/lib/policy/dates';
import type {z} from 'zod';
import {parseConsentWithSchema} from '../support/consent-schema';

const RF = '0123456789abcdef';
const policy: ConsentPolicy = {version: '1.2.0', baseline: '1.1.0', registry: RF};
const now = Date.UTC(2026, 10, 25, 12);
const DAY = 24 * 60 * 60 * 1000;
const id = '0123456789abcdef0123456789abcdef';
const base = {
  v: 2,
  id,
  ts: now - DAY,
  pv: '1.1.0',
  l: 'ja',
  rf: RF,
  c: {analytics: true, advertising: false},
  m: 'banner',
};
const json = (value: unknown) => JSON.stringify(value);
const withField = (patch: Record<string, unknown>) => json({...base, ...patch});

const VALID = [
  json(base),
  withField({pv: '1.2.0'}),
  withField({m: 'gpc', c: {analytics: false, advertising: false}}),
  withField({ts: now - 179 * DAY}),
  withField({ts: now + 60_000}),
];

// Each is something a browser may hold: corrupted, tampered with, or crafted to break a parser.
const HOSTILE: [string, string | null | undefined][] = [
  ['undefined', undefined],
  ['null', null],
  ['empty string', ''],
  ['not JSON', 'accepted'],
  ['truncated JSON', json(base).slice(0, 40)],
  ['JSON null', 'null'],
  ['JSON array', json([base])],
  ['JSON number', '1'],
  ['JSON string', json(json(base))],
  ['an earlier schema version (no language, no registry fingerprint)', withField({v: 1})],
  ['schema version as string', withField({v: '2'})],
  ['locale that is not a language code', withField({l: 'japanese'})],
  ['registry fingerprint malformed', withField({rf: 'xyz'})],
  ['registry fingerprint missing', json({...base, rf: undefined})],
  ['id too short', withField({id: 'abc'})],
  ['id with uppercase', withField({id: id.toUpperCase()})],
  ['id with markup', withField({id: '<script>alert(1)</script>'.padEnd(32, 'a')})],
  ['timestamp as string', withField({ts: String(now)})],
  ['fractional timestamp', withField({ts: now - 0.5})],
  ['timestamp far in the future', withField({ts: now + 365 * DAY})],
  ['expired (181 days old)', withField({ts: now - 181 * DAY})],
  ['timestamp before the site existed', withField({ts: 0})],
  ['NaN-like timestamp', withField({ts: null})],
  ['policy version from the future', withField({pv: '9.0.0'})],
  ['policy version needing re-consent', withField({pv: '1.0.0'})],
  ['malformed policy version', withField({pv: '1.1'})],
  ['unknown method', withField({m: 'admin'})],
  ['unknown category', withField({c: {analytics: true, advertising: false, marketing: true}})],
  ['missing category', withField({c: {analytics: true}})],
  ['category as string', withField({c: {analytics: 'true', advertising: false}})],
  ['choices as array', withField({c: [true, false]})],
  ['extra top-level field', withField({admin: true})],
  ['missing field', json({v: 2, id, ts: now, pv: '1.1.0', l: 'ja', c: base.c, m: 'banner'})],
  ['__proto__ payload at top level', `{"__proto__":{"isAdmin":true},${json(base).slice(1)}`],
  ['__proto__ payload in choices', json(base).replace('"c":{', '"c":{"__proto__":{"analytics":true},')],
  ['constructor payload', withField({constructor: {prototype: {polluted: true}}})],
  ['huge string', 'x'.repeat(100_000)],
  ['huge but valid-looking JSON', withField({id: 'a'.repeat(600)})],
  ['deeply nested JSON', '['.repeat(5000) + ']'.repeat(5000)],
  ['duplicate keys overriding a valid value', json(base).replace('"v":2', '"v":2,"v":3')],
];

describe('consent record', () => {
  it('round-trips a created record', () => {
    const record = createConsent({analytics: true, advertising: false}, 'preferences', policy, 'en', {now});
    expect(record.id).toMatch(/^[0-9a-f]{32}$/);
    expect(parseConsent(serializeConsent(record), policy, now)).toEqual(record);
  });

  it('gives every consent a new random 128-bit id', () => {
    const ids = new Set(
      Array.from({length: 200}, () => createConsent({analytics: false, advertising: false}, 'banner', policy, 'ja').id),
    );
    expect(ids.size).toBe(200);
  });

  it.each(VALID.map((v) => [v]))('accepts %s', (raw) => {
    expect(consentStatus(raw, policy, now).status).toBe('valid');
  });

  it(`has at least 20 hostile values (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE)('counts %s as no choice, without throwing', (_label, raw) => {
    expect(() => parseConsent(raw, policy, now)).not.toThrow();
    expect(parseConsent(raw, policy, now)).toBeNull();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('asks again, with a reason, when the choice predates a version that needs renewed consent', () => {
    const result = consentStatus(withField({pv: '1.0.0'}), policy, now);
    expect(result).toMatchObject({status: 'reconsent', reason: 'policy'});
    expect(result.record?.id).toBe(id);
  });

  it.each([...VALID.map((v) => [v, v] as const), ...HOSTILE])('agrees with the zod schema on %s', (_label, raw) => {
    const fromSchema = parseConsentWithSchema(raw, policy, now);
    const fromBrowser = parseConsent(raw, policy, now);
    expect(fromBrowser).toEqual(fromSchema);
  });

  it('is self-contained, so the boot script can embed it', () => {
    const embedded = new Function(`return (${evaluateConsent.toString()})`)() as typeof evaluateConsent;
    const compare = new Function(`return (${compareVersions.toString()})`)() as typeof compareVersions;
    const contract = JSON.parse(JSON.stringify(CONSENT_CONTRACT)) as typeof CONSENT_CONTRACT;
    expect(embedded(json(base), policy, now, contract, compare).status).toBe('valid');
    expect(embedded('{"__proto__":1}', policy, now, contract, compare).status).toBe('missing');
  });

  it('asks again when the registry changed since the choice (a new category or technology)', () => {
    expect(consentStatus(json(base), {...policy, registry: 'fedcba9876543210'}, now)).toMatchObject({
      status: 'reconsent',
      reason: 'registry',
    });
    expect(consentStatus(json(base), policy, now).status).toBe('valid');
  });

  it('names the policy as the reason when both the policy and the registry changed', () => {
    const both = consentStatus(withField({pv: '1.0.0'}), {...policy, registry: 'fedcba9876543210'}, now);
    expect(both).toMatchObject({status: 'reconsent', reason: 'policy'});
  });

  it('has one shape: the zod schema’s record is a TypeScript record, with the same fields', () => {
    type FromSchema = z.infer<typeof consentRecordShape>;
    // The schema may be stricter (the site's locales), never different.
    const assignable: FromSchema extends ConsentRecord ? true : false = true;
    const sameKeys: [keyof FromSchema, keyof ConsentRecord] extends [keyof ConsentRecord, keyof FromSchema]
      ? true
      : false = true;
    expect([assignable, sameKeys]).toEqual([true, true]);
    expect(Object.keys(consentRecordShape.shape.c.shape)).toEqual([...CONSENT_CONTRACT.optional]);
  });
});

describe('a receipt request (POST /api/consent)', () => {
  const request = (patch: Record<string, unknown> = {}) => ({record: {...base, ...patch}});

  it('takes a late receipt under any policy version, within the cookie’s lifetime', () => {
    expect(parseReceiptRequest(request({pv: '0.9.0', ts: now - 179 * DAY}), now)).toEqual({
      record: {...base, pv: '0.9.0', ts: now - 179 * DAY},
    });
  });

  it('refuses one from the future or older than the lifetime, whatever the time of the call', () => {
    for (const at of [now, now + 400 * DAY]) {
      expect(parseReceiptRequest(request({ts: at + 2 * DAY}), at)).toEqual({
        issues: ['record.ts: timestamp out of range'],
      });
      expect(parseReceiptRequest(request({ts: at - 200 * DAY}), at)).toEqual({
        issues: ['record.ts: timestamp out of range'],
      });
      expect(parseReceiptRequest(request({ts: at - DAY}), at)).toHaveProperty('record');
    }
  });

  it('names every field that is wrong, and a field too many', () => {
    const wrong = parseReceiptRequest({record: {...base, id: 'x', m: 'robot'}, extra: 1}, now);
    expect(wrong.issues?.map((issue) => issue.split(':')[0])).toEqual(
      expect.arrayContaining(['record.id', 'record.m', 'body']),
    );
    expect(parseReceiptRequest(null, now).issues).toHaveLength(1);
  });
});
