import {describe, expect, it} from 'vitest';
import {CONSENT_COOKIE} from '@/lib/consent/contract';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import {withdrawnNames} from '@/lib/consent/client';
import {fixtureRegistry} from '@/app/[locale]/e2e-fixtures/consent/registry';
import {readFileSync} from 'node:fs';
import {formatDiagnostic} from '@/lib/policy/diagnostics';
import {optionalCategoriesInUse, readRegistry, registryFingerprint} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';

describe('cookie registry', () => {
  it('declares only what the site sets today: the consent cookie, its proof and the receipt queue, as necessary', () => {
    expect(cookieRegistry.cookies.map((c) => [c.name, c.kind, c.category])).toEqual([
      [CONSENT_COOKIE, 'cookie', 'necessary'],
      [PROOF_COOKIE, 'cookie', 'necessary'],
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

  it('reads content/registry.yaml clean: no errors, no warnings', () => {
    expect(readRegistry().diagnostics).toEqual([]);
  });

  const lineOf = (file: string, text: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1;
  const FIXTURES = 'tests/fixtures/registry';

  it('accepts a complete third-party entry', () => {
    const {registry, diagnostics} = readRegistry(`${FIXTURES}/complete-third-party.yaml`);
    expect(diagnostics).toEqual([]);
    expect(registry!.cookies.at(-1)!.externalTransmission!.recipient.company).toBe('Example Analytics Inc.');
  });

  it('refuses a third party without its external-transmission disclosure, in Japanese, at its line', () => {
    const file = `${FIXTURES}/third-party-without-disclosure.yaml`;
    const [error, ...rest] = readRegistry(file).diagnostics;
    expect(rest).toEqual([]);
    expect(error).toMatchObject({code: 'registry-field', severity: 'error', file});
    expect(error!.ja).toMatch(/第三者の技術「fixture_tag」に外部送信の公表事項.*がありません/);
    expect(error!.line).toBe(lineOf(file, '- name: fixture_tag'));
  });

  it('names a missing field of the disclosure and its line', () => {
    const file = `${FIXTURES}/third-party-without-recipient-purpose.yaml`;
    const [error] = readRegistry(file).diagnostics;
    expect(error!.ja).toBe(
      '登録簿の「cookies（技術の一覧） の externalTransmission（外部送信の公表事項） の recipientPurpose（送信先での利用目的）」がありません。追加してください。',
    );
    // The missing field's parent: the disclosure block, from its first line.
    expect(error!.line).toBe(lineOf(file, 'externalTransmission:') + 1);
    expect(formatDiagnostic(error!)).toMatch(new RegExp(`^${file}:\\d+:\\d+  エラー: `));
  });

  it('warns about vague words (等, その他, など) in what is sent or why', () => {
    const file = `${FIXTURES}/vague-information.yaml`;
    const {registry, diagnostics} = readRegistry(file);
    expect(registry).not.toBeNull();
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['registry-vague', 'warning', lineOf(file, '閲覧したページの URL 等')],
    ]);
    expect(diagnostics[0]!.ja).toMatch(/「等」があります/);
  });

  it('gives every registry its fingerprint: a new technology changes it', () => {
    const {registry} = readRegistry(`${FIXTURES}/complete-third-party.yaml`);
    expect(registryFingerprint(cookieRegistry)).toMatch(/^[0-9a-f]{16}$/);
    expect(registryFingerprint(registry!)).not.toBe(registryFingerprint(cookieRegistry));
    expect(registryFingerprint(fixtureRegistry)).not.toBe(registryFingerprint(cookieRegistry));
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
