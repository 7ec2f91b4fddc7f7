import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatDiagnostic, PolicyError} from '@/lib/policy/diagnostics';
import {parsePolicy} from '@/lib/policy/parse';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {comparePolicies} from '@/lib/policy/compare';
import {loadPolicyHistory, readPolicyHistory} from '@/lib/policy/load';
import {PUBLICATION_ITEMS, type PublicationItem} from '@/lib/policy/publication';

const FIXTURES = 'tests/fixtures/policy';
const errorsOf = (diagnostics: ReturnType<typeof parsePolicy>['diagnostics']) =>
  diagnostics.filter((d) => d.severity === 'error');

/** Each file holds one mistake a legal editor could make; the checker must name it and its line. */
const BROKEN: Record<string, {code: string; line: number; message: RegExp}> = {
  'frontmatter-missing-version': {code: 'frontmatter-field', line: 2, message: /「version（版番号）」がありません/},
  'frontmatter-impossible-date': {code: 'frontmatter-field', line: 5, message: /effectiveDate（施行日）.*実在する日付/},
  'frontmatter-japanese-date': {code: 'frontmatter-field', line: 6, message: /lastUpdated（最終改定日）.*"YYYY-MM-DD"/},
  'frontmatter-version-number': {code: 'frontmatter-field', line: 4, message: /引用符付きの文字列/},
  'frontmatter-revisions-out-of-order': {
    code: 'frontmatter-field',
    line: 12,
    message: /改定履歴は古い順に並べてください/,
  },
  'frontmatter-revision-not-added': {
    code: 'frontmatter-field',
    line: 4,
    message: /改定履歴の最新の版 \(1\.1\.0\) が一致しません/,
  },
  'frontmatter-broken-yaml': {code: 'frontmatter-yaml', line: 3, message: /frontmatter の書き方が正しくありません/},
  'frontmatter-misspelled-field': {code: 'frontmatter-field', line: 5, message: /使えない項目があります: efectiveDate/},
  'frontmatter-absent': {code: 'frontmatter-missing', line: 1, message: /frontmatter.*がありません/},
  'article-skipped': {code: 'article-order', line: 40, message: /第3条が抜けています/},
  'article-duplicated': {code: 'article-order', line: 40, message: /第2条が重複/},
  'article-heading-without-brackets': {
    code: 'article-heading',
    line: 26,
    message: /「第2条 取得する情報」の形が正しくありません/,
  },
  'item-numbers-repeated': {code: 'item-order', line: 38, message: /2\. のはずですが 1\. です/},
  'fullwidth-item-number': {code: 'fullwidth-number', line: 38, message: /番号「２．」が全角です。半角で「2\.」/},
  'items-nested-too-deep': {code: 'nesting-too-deep', line: 34, message: /3 段/},
  'link-to-missing-article': {code: 'broken-anchor', line: 42, message: /#article-12 のリンク先がありません/},
  'link-to-relative-file': {code: 'bad-url', line: 42, message: /cookie\.html/},
  'import-statement': {code: 'no-esm', line: 17, message: /import \/ export/},
  'script-tag': {code: 'component-not-allowed', line: 40, message: /<script> は使えません/},
  'iframe-embed': {code: 'component-not-allowed', line: 40, message: /<iframe> は使えません/},
  'style-tag': {code: 'component-not-allowed', line: 17, message: /<style> は使えません/},
  'event-handler': {code: 'no-event-handler', line: 37, message: /onClick= は使えません/},
  'javascript-link': {code: 'unsafe-url', line: 42, message: /javascript:alert\(1\).*危険/},
  'malformed-mailto': {code: 'bad-mailto', line: 42, message: /メールアドレスのリンク/},
  'curly-braces-in-text': {code: 'no-expression', line: 23, message: /\\\{ と \\\}/},
  'unclosed-component': {code: 'mdx-syntax', line: 37, message: /閉じられていません/},
  'less-than-sign': {code: 'mdx-syntax', line: 32, message: /\\</},
  'unknown-component': {code: 'component-not-allowed', line: 37, message: /<CookieList> は使えません/},
  'missing-title': {code: 'missing-title', line: 1, message: /大見出し/},
  'numbered-list-before-articles': {code: 'list-outside-article', line: 21, message: /条（## 第N条…）の中/},
};

describe('policy checker: the fixture corpus of broken files', () => {
  const files = readdirSync(path.join(FIXTURES, 'broken')).map((f) => f.replace(/\.ja\.mdx$/, ''));

  it('has an expectation for every broken file, and a file for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(BROKEN).sort());
  });

  it.each(Object.entries(BROKEN))('%s is rejected with its message and line', (name, expected) => {
    const file = path.join(FIXTURES, 'broken', `${name}.ja.mdx`);
    const errors = errorsOf(parsePolicy(readFileSync(file, 'utf8'), file).diagnostics);
    const match = errors.find((d) => d.code === expected.code && d.line === expected.line);
    expect(
      match,
      `expected ${expected.code} at line ${expected.line}; got ${errors.map((e) => `${e.code}@${e.line}`).join(', ')}`,
    ).toBeDefined();
    expect(match!.ja).toMatch(expected.message);
    expect(formatDiagnostic(match!)).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${expected.line}:\\d+  エラー: `),
    );
  });

  it('reports a misnumbered article once, not again as duplicate anchors or as the translation’s fault', () => {
    const file = path.join(FIXTURES, 'broken', 'article-duplicated.ja.mdx');
    expect(errorsOf(parsePolicy(readFileSync(file, 'utf8'), file).diagnostics).map((d) => d.code)).toEqual([
      'article-order',
    ]);
  });

  it('reports a full-width 「２．」 at its own line, not as a misnumbered item on the next', () => {
    const file = path.join(FIXTURES, 'broken', 'fullwidth-item-number.ja.mdx');
    expect(
      errorsOf(parsePolicy(readFileSync(file, 'utf8'), file).diagnostics).map((d) => `${d.code}@${d.line}`),
    ).toEqual(['fullwidth-number@38']);
  });

  it('accepts the valid pair clean: no errors, no warnings', () => {
    expect(readPolicyHistory(path.join(FIXTURES, 'valid')).diagnostics).toEqual([]);
  });

  it('accepts the real content with no errors, and warns exactly while the newest effective date is unset', () => {
    const {versions, diagnostics} = readPolicyHistory();
    expect(errorsOf(diagnostics)).toEqual([]);
    const unset = diagnostics.filter((d) => d.code === 'effective-date-unset');
    const newest = versions.at(-1)!.documents.ja;
    if (newest.frontmatter!.effectiveDate) {
      expect(unset).toEqual([]);
    } else {
      expect(unset.map((d) => `${d.file}:${d.line}`)).toEqual([`${newest.file}:${newest.fieldLines.version}`]);
      expect(formatDiagnostic(unset[0]!)).toMatch(/  警告: 施行日（effectiveDate）が決まっていません/);
    }
  });
});

describe('policy checker: translations mirror the original', () => {
  it.each([
    ['missing-item', 'translation-anchors', /#article-2-1-i.*に当たる条・項目がありません|#article-2-p2/],
    ['different-date', 'translation-frontmatter', /effectiveDate.*原文: 2026-04-01 \/ 翻訳: 2026-05-01/],
    ['different-version', 'translation-frontmatter', /version.*原文: 1\.2\.0 \/ 翻訳: 1\.1\.0/],
  ])('%s', (dir, code, message) => {
    const {diagnostics} = readPolicyHistory(path.join(FIXTURES, 'translation', dir));
    const found = diagnostics.filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.file).toMatch(/en\.mdx$/);
    expect(found.map((d) => d.ja).join('\n')).toMatch(message);
  });
});

describe('the archive', () => {
  /** A copy of a fixture folder that a test may damage. */
  function copyOf(fixture: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-archive-'));
    cpSync(path.join(FIXTURES, fixture), dir, {recursive: true});
    return dir;
  }

  it('reads every version with its recorded fingerprint and its own effective date', () => {
    const {versions, diagnostics} = readPolicyHistory(path.join(FIXTURES, 'versions'));
    expect(diagnostics).toEqual([]);
    expect(versions.map((v) => [v.version, v.archived, v.effectiveDate])).toEqual([
      ['1.0.0', true, '2025-04-01'],
      ['1.1.0', false, '2026-04-01'],
    ]);
    expect(versions[0]!.sha256).toEqual(versions[1]!.revision && versions[0]!.revision.sha256);
  });

  it('refuses a kept text that no longer matches its recorded SHA-256, naming the file', () => {
    const dir = copyOf('versions');
    const kept = path.join(dir, 'versions', '1.0.0', 'ja.mdx');
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('使用することがあります', '使用します'));
    const errors = errorsOf(readPolicyHistory(dir).diagnostics);
    expect(errors.map((e) => e.code)).toEqual(['archive-hash-mismatch']);
    expect(errors[0]!.file).toMatch(/versions\/1\.0\.0\/ja\.mdx$/);
    expect(formatDiagnostic(errors[0]!)).toMatch(
      /:1:1  エラー: 保存された版 1\.0\.0 の本文が、保存したときの指紋と一致しません/,
    );
    rmSync(dir, {recursive: true});
  });

  it('refuses an earlier version whose text is not kept', () => {
    const dir = copyOf('versions');
    rmSync(path.join(dir, 'versions'), {recursive: true});
    expect(errorsOf(readPolicyHistory(dir).diagnostics).map((e) => e.code)).toEqual(['archive-missing']);
    rmSync(dir, {recursive: true});
  });

  it('compares versions article by article, clause by clause, character by character', () => {
    const [before, after] = readPolicyHistory(path.join(FIXTURES, 'versions')).versions;
    const {front, articles} = comparePolicies(before!.documents.ja, after!.documents.ja);
    expect(front.status).toBe('unchanged');
    expect(articles.filter((a) => a.status !== 'unchanged').map((a) => a.id)).toEqual(['article-2']);
    const clause = articles.find((a) => a.id === 'article-2')!.blocks.find((b) => b.status === 'changed')!;
    expect(clause.id).toBe('article-2-1-i');
    expect(clause.segments).toEqual([
      {kind: 'same', text: 'Cookie\n当社は Cookie を使用'},
      {kind: 'del', text: 'することがあり'},
      {kind: 'ins', text: 'し'},
      {kind: 'same', text: 'ます。'},
    ]);
  });
});

describe('the build', () => {
  it('fails on a broken policy with a Japanese message naming file and line', () => {
    expect(() => loadPolicyHistory(path.join(FIXTURES, 'translation', 'different-date'))).toThrow(PolicyError);
    try {
      loadPolicyHistory(path.join(FIXTURES, 'translation', 'different-date'));
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^ポリシーファイルにエラーがあります（1 件）。\ntests\/fixtures\/policy\/translation\/different-date\/en\.mdx:5:1  エラー: 翻訳の「effectiveDate」/,
      );
    }
  });
});

describe('what the APPI asks a business to publish', () => {
  it('warns, in Japanese, about each item the newest text marks missing, and docs/legal-review.md asks about it', () => {
    const {versions, diagnostics} = readPolicyHistory();
    const newest = versions.at(-1)!.documents.ja;
    const missing = Object.entries(newest.frontmatter!.publishes ?? {})
      .filter(([, where]) => where === 'missing')
      .map(([item]) => PUBLICATION_ITEMS[item as PublicationItem]);
    const warnings = diagnostics.filter((d) => d.code === 'publication-missing');
    expect(warnings.map((d) => /「(.+)」が本文に/.exec(d.ja)![1])).toEqual(missing);
    expect(warnings.every((d) => d.file === newest.file && d.severity === 'warning')).toBe(true);
    const review = readFileSync('docs/legal-review.md', 'utf8');
    for (const item of missing) expect(review).toContain(/第\d+条(?:第\d+項)?(?:第\d+号)?/.exec(item)![0]);
  });

  /** A copy of the valid pair whose Japanese file an editor changed. */
  function validWith(change: (text: string) => string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-publication-'));
    cpSync(path.join(FIXTURES, 'valid'), dir, {recursive: true});
    const ja = path.join(dir, 'ja.mdx');
    writeFileSync(ja, change(readFileSync(ja, 'utf8')));
    return dir;
  }

  it('is silent about an item legal staff decided does not apply, and warns about one the text lacks', () => {
    const dir = validWith((text) =>
      text
        .replace('foreignTransfer: article-1', 'foreignTransfer: not-applicable')
        .replace('purposes: article-1', 'purposes: missing'),
    );
    const found = readPolicyHistory(dir).diagnostics.filter((d) => d.code.startsWith('publication-'));
    expect(found.map((d) => [d.code, /「(.+)」/.exec(d.ja)![1]])).toEqual([
      ['publication-missing', PUBLICATION_ITEMS.purposes],
    ]);
    rmSync(dir, {recursive: true});
  });

  it('refuses an anchor that does not exist, and warns about an item nobody assessed', () => {
    const dir = validWith((text) =>
      text
        .replace('  complaints: article-1\n', '')
        .replace('securityMeasures: article-1', 'securityMeasures: article-99'),
    );
    const codes = readPolicyHistory(dir).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['broken-anchor', 'publication-unassessed']));
    rmSync(dir, {recursive: true});
  });
});
