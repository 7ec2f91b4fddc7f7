import {describe, expect, it} from 'vitest';
import {CONSENT_COOKIE} from '@/lib/consent/contract';
import {readConsent, type PublishedConsentPolicy} from '@/lib/consent/read-consent';
import {ALL_DENIED, ALL_GRANTED, createConsent, serializeConsent} from '@/lib/consent/record';

// Issue 27, 5: another HeyImg app's server reads the choice from a Cookie header, by the same contract.
const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 5);
const policy: PublishedConsentPolicy = {
  schedule: [
    {version: '1.0.0', effective: null, reconsent: false},
    {version: '1.1.0', effective: now + 10 * DAY, reconsent: true},
  ],
  registry: '0123456789abcdef',
};
const inForce = {version: '1.0.0', baseline: '1.0.0', registry: policy.registry};
const cookie = (value: string) => `theme=dark; ${CONSENT_COOKIE}=${encodeURIComponent(value)}; other=1`;
const choice = (choices = ALL_GRANTED, at = now - DAY, over: object = {}) =>
  JSON.stringify({
    ...JSON.parse(serializeConsent(createConsent(choices, 'banner', inForce, 'ja', {now: at}))),
    ...over,
  });

describe('readConsent', () => {
  it('grants what the visitor granted, and necessary always', () => {
    const consent = readConsent(cookie(choice(ALL_GRANTED)), policy, now);
    expect(consent.status).toBe('valid');
    expect(['necessary', 'analytics', 'advertising'].map((c) => consent.granted(c as never))).toEqual([
      true,
      true,
      true,
    ]);
    const declined = readConsent(cookie(choice(ALL_DENIED)), policy, now);
    expect(declined.granted('analytics')).toBe(false);
    expect(declined.granted('necessary')).toBe(true);
  });

  it.each([
    ['no Cookie header', null],
    ['no consent cookie', 'theme=dark'],
    ['malformed JSON', cookie('{"v":2,')],
    ['broken percent-encoding', `${CONSENT_COOKIE}=%E3%81`],
    ['expired', cookie(choice(ALL_GRANTED, now - 181 * DAY))],
    ['from the future', cookie(choice(ALL_GRANTED, now + DAY))],
    ['an extra field', cookie(choice(ALL_GRANTED, now - DAY, {admin: true}))],
    ['a granted string', cookie(choice(ALL_GRANTED, now - DAY, {c: {analytics: 'yes', advertising: true}}))],
    ['another registry', cookie(choice(ALL_GRANTED, now - DAY, {rf: 'ffffffffffffffff'}))],
    ['oversized', cookie(choice(ALL_GRANTED, now - DAY, {id: 'a'.repeat(600)}))],
  ])('grants nothing for %s', (_what, header) => {
    const consent = readConsent(header, policy, now);
    expect(consent.record).toBeNull();
    expect(consent.granted('analytics')).toBe(false);
    expect(consent.granted('necessary')).toBe(true);
  });

  it('asks again once a version that asks again is in force: nothing granted from its day on', () => {
    const header = cookie(choice(ALL_GRANTED));
    expect(readConsent(header, policy, now + 9 * DAY).granted('analytics')).toBe(true);
    const after = readConsent(header, policy, now + 10 * DAY);
    expect(after.status).toBe('reconsent');
    expect(after.granted('analytics')).toBe(false);
  });

  it('takes the valid one of two consent cookies (a host’s own beside the shared one)', () => {
    const header = `${CONSENT_COOKIE}=broken; ${cookie(choice(ALL_DENIED)).split('; ')[1]}`;
    expect(readConsent(header, policy, now).status).toBe('valid');
  });
});
