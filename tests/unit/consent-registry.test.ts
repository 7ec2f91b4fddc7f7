import {describe, expect, it} from 'vitest';
import {CONSENT_COOKIE} from '@/lib/consent/contract';
import {PROOF_COOKIE} from '@/lib/consent/ownership';
import {withdrawnNames} from '@/lib/consent/client';
import {fixtureRegistry} from '@/components/e2e-fixtures/registry';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {formatDiagnostic} from '@/lib/policy/diagnostics';
import {optionalCategoriesInUse, readRegistry, registryFingerprint, sitesOf} from '@/lib/consent/registry';
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
    expect(optionalCategoriesInUse(fixtureRegistry).map((c) => c.id)).toEqual(['analytics', 'advertising']);
  });

  it('speaks for this website, not for 「本サービス」 (all of HeyImg’s services)', () => {
    expect(cookieRegistry.scope.ja).toMatch(/ウェブサイト/);
    expect(cookieRegistry.scope.ja).not.toMatch(/本サービス/);
    expect(cookieRegistry.scope.en).toMatch(/website/);
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
    expect(registry!.cookies.at(-1)!.externalTransmission!.recipients.map((r) => r.company)).toEqual([
      'Example Analytics Inc.',
    ]);
  });

  it('refuses a tag (script, pixel) without its disclosure even when it is declared first party', () => {
    const file = `${FIXTURES}/third-party-without-disclosure.yaml`;
    const firstParty = readFileSync(file, 'utf8').replace(/party: third/g, 'party: first');
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-'));
    writeFileSync(path.join(dir, 'registry.yaml'), firstParty);
    const [error] = readRegistry(path.join(dir, 'registry.yaml')).diagnostics;
    expect(error!.ja).toMatch(/タグ（script・pixel）「fixture_tag」に外部送信の公表事項.*がありません/);
    rmSync(dir, {recursive: true});
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
      '登録簿の「cookies（技術の一覧） の externalTransmission（外部送信の公表事項） の recipients（送信先の一覧） の recipientPurpose（送信先での利用目的）」がありません。追加してください。',
    );
    // The missing field's parent: the recipient's block, from its first line.
    expect(error!.line).toBe(lineOf(file, '- company: Example Analytics Inc.'));
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

  it('says on which HeyImg sites each technology is used, and refuses a site it does not declare (issue 27)', () => {
    expect(cookieRegistry.sites.map((site) => site.id)).toEqual(['privacy-site']);
    for (const cookie of cookieRegistry.cookies)
      expect(sitesOf(cookieRegistry, cookie, 'ja'), cookie.name).toEqual(['このプライバシーポリシーのウェブサイト']);
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-sites-'));
    try {
      const file = path.join(dir, 'registry.yaml');
      const source = readFileSync(`${FIXTURES}/complete-third-party.yaml`, 'utf8');
      writeFileSync(file, source.replace('sites: [privacy-site]', 'sites: [app]'));
      const {registry, diagnostics} = readRegistry(file);
      expect(registry).toBeNull();
      expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(
        /「app」は、sites（使用するサイト）の一覧にありません/,
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  describe('the fingerprint covers everything a visitor consents to', () => {
    const {registry} = readRegistry(`${FIXTURES}/complete-third-party.yaml`);
    const tag = registry!.cookies.at(-1)!;
    const recipient = tag.externalTransmission!.recipients[0]!;
    const changed = (patch: object) => ({
      ...registry!,
      cookies: [...registry!.cookies.slice(0, -1), {...tag, ...patch}],
    });
    const recipientChanged = (patch: object) =>
      changed({externalTransmission: {...tag.externalTransmission!, recipients: [{...recipient, ...patch}]}});
    it.each([
      ['how long', changed({duration: {ja: '2日', en: '2 days'}})],
      [
        'why (our purpose)',
        changed({externalTransmission: {...tag.externalTransmission!, purpose: {ja: '別', en: 'x'}}}),
      ],
      ['what is sent', recipientChanged({information: {ja: '閲覧日時', en: 'Time'}})],
      ['why (the recipient’s purpose)', recipientChanged({recipientPurpose: {ja: '広告', en: 'Ads'}})],
      ['to whom', recipientChanged({company: 'Other Inc.'})],
      ['where it is used (another HeyImg site)', changed({sites: ['privacy-site', 'app']})],
      [
        'a second recipient',
        changed({
          externalTransmission: {...tag.externalTransmission!, recipients: [recipient, {...recipient, company: 'B'}]},
        }),
      ],
    ])('%s', (_what, other) => {
      expect(registryFingerprint(other)).not.toBe(registryFingerprint(registry!));
    });
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
