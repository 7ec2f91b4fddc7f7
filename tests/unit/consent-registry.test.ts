import {describe, expect, it} from 'vitest';
import {CONSENT_COOKIE} from '@/lib/consent/contract';
import {withdrawnNames} from '@/lib/consent/client';
import {fixtureRegistry} from '@/app/[locale]/e2e-fixtures/consent/registry';
import {cookieRegistry, optionalCategoriesInUse, registrySchema} from '@/lib/consent/registry';

// The e2e fixture registry's third-party tag: one example, shared by both kinds of tests.
const thirdParty = fixtureRegistry.cookies.find((c) => c.party === 'third')!;

describe('cookie registry', () => {
  it('declares only what the site sets today: the consent cookie and the receipt queue, as necessary', () => {
    expect(cookieRegistry.cookies.map((c) => [c.name, c.kind, c.category])).toEqual([
      [CONSENT_COOKIE, 'cookie', 'necessary'],
      ['heyimg_consent_receipts', 'localStorage', 'necessary'],
    ]);
    expect(cookieRegistry.categories.map((c) => c.id)).toEqual(['necessary', 'analytics', 'advertising']);
  });

  it('lets the banner name an optional category only when something is declared for it', () => {
    expect(optionalCategoriesInUse(cookieRegistry)).toEqual([]);
    expect(optionalCategoriesInUse(fixtureRegistry).map((c) => c.id)).toEqual(['analytics']);
  });

  it('speaks for this website, not for 「本サービス」 (all of HeyImg’s services)', () => {
    expect(cookieRegistry.scope).toEqual({ja: 'このウェブサイト', en: 'this website'});
  });

  it('accepts a third-party declaration that publishes its external transmission', () => {
    expect(
      registrySchema.safeParse({...cookieRegistry, cookies: [...cookieRegistry.cookies, thirdParty]}).success,
    ).toBe(true);
  });

  it.each([
    [
      'a third party without external-transmission details',
      {...thirdParty, externalTransmission: undefined},
      /external transmission/,
    ],
    ['an unknown category', {...thirdParty, category: 'marketing'}, /category/],
    ['a purpose missing its English text', {...thirdParty, purpose: {ja: '解析'}}, /purpose/],
    ['a name with spaces', {...thirdParty, name: 'my cookie'}, /name/],
    ['the consent cookie declared twice', cookieRegistry.cookies[0], /declared twice/],
  ])('rejects %s', (_label, entry, message) => {
    const result = registrySchema.safeParse({...cookieRegistry, cookies: [...cookieRegistry.cookies, entry]});
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toMatch(message);
  });

  it('rejects a registry that forgets the consent cookie or a category', () => {
    expect(registrySchema.safeParse({...cookieRegistry, cookies: []}).success).toBe(false);
    expect(
      registrySchema.safeParse({...cookieRegistry, categories: cookieRegistry.categories.slice(0, 2)}).success,
    ).toBe(false);
  });
});

describe('withdrawal', () => {
  const declared = [
    {name: CONSENT_COOKIE, kind: 'cookie', category: 'necessary' as const},
    {name: '_ga*', kind: 'cookie', category: 'analytics' as const},
    {name: 'ads_id', kind: 'cookie', category: 'advertising' as const},
  ];
  const present = [CONSENT_COOKIE, '_ga', '_ga_ABC123', 'ads_id', 'unrelated'];

  it('deletes the declared cookies of every category not granted, prefixes included', () => {
    expect(withdrawnNames({analytics: false, advertising: true}, declared, present)).toEqual(['_ga', '_ga_ABC123']);
    expect(withdrawnNames({analytics: false, advertising: false}, declared, present)).toEqual([
      '_ga',
      '_ga_ABC123',
      'ads_id',
    ]);
  });

  it('never deletes the consent cookie or anything of a granted category', () => {
    expect(withdrawnNames({analytics: true, advertising: true}, declared, present)).toEqual([]);
  });
});
