import {readFileSync} from 'node:fs';
import type {Parent} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {structuralAnchors} from '@/lib/policy/check';
import {parsePolicy} from '@/lib/policy/parse';
import type {PolicyDocument} from '@/lib/policy/types';
import {FIRST_VERSION, recordedVersion, recordToday} from '../support/policy-record';

// Version 1.0.0 never changes once published: its structure is asserted wherever it lives.
const {ja, en} = recordedVersion(FIRST_VERSION);
/** The line of the first line of ja.mdx holding the text: positions follow the file, not the test. */
const lineOf = (text: string) =>
  readFileSync(ja.file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

describe('the real policy, version 1.0.0', () => {
  it('has ten articles numbered 1 to 10 with article-N anchors', () => {
    expect(ja.articles.map((a) => a.id)).toEqual(Array.from({length: 10}, (_, i) => `article-${i + 1}`));
    expect(ja.articles[1]!.title).toBe('当社が取得する情報及びその取得方法');
  });

  it('gives Art. 2 its real hierarchy: 第1項 (1) ア・イ・ウ, (2) ア, then 第2項', () => {
    const ids = structuralAnchors(ja)
      .map((a) => a.id)
      .filter((id) => id.startsWith('article-2'));
    expect(ids).toEqual([
      'article-2',
      'article-2-p1',
      'article-2-1',
      'article-2-1-a',
      'article-2-1-i',
      'article-2-1-u',
      'article-2-2',
      'article-2-2-a',
      'article-2-p2',
    ]);
  });

  it('numbers the sub-items of Art. 4 within their paragraphs', () => {
    const ids = structuralAnchors(ja)
      .map((a) => a.id)
      .filter((id) => id.startsWith('article-4'));
    expect(ids).toEqual([
      'article-4',
      'article-4-p1',
      'article-4-1',
      'article-4-2',
      'article-4-3',
      'article-4-4',
      'article-4-5',
      'article-4-p2',
      'article-4-p2-1',
      'article-4-p2-2',
      'article-4-p2-3',
      'article-4-p2-4',
    ]);
  });

  it('has the same anchors in Japanese and English, in the same order', () => {
    expect(structuralAnchors(en).map((a) => a.id)).toEqual(structuralAnchors(ja).map((a) => a.id));
  });

  it('finds the terms the Japanese text defines', () => {
    expect(ja.terms.map((t) => t.term)).toEqual([
      '当社',
      '本サービス',
      '個人情報保護法',
      '個人情報',
      '利用者',
      '利用者情報',
      '送信データ',
      '匿名加工情報',
      '個人データ',
      '保有個人データ',
      '開示等',
    ]);
  });

  it('warns, without failing, about the terms legal staff should look at', () => {
    const warnings = ja.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.line}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        `term-defined-twice ${lineOf('第三者提供の停止又は第三者提供記録の開示等（以下「開示等」といいます。）')}`,
        `term-undefined ${lineOf('1. 当社は、利用者情報等の保護実現のため')}`,
        `term-undefined ${lineOf('2. 本ポリシーは、本サービスの利用に関し適用されます。')}`,
        `term-undefined ${lineOf('当社は、ユーザーの情報に関して、その利')}`,
      ]),
    );
  });
});

/** Each link from a use of a defined term to its definition, with the text right after it. */
function termLinks(doc: PolicyDocument): {term: string; after: string}[] {
  const links: {term: string; after: string}[] = [];
  visit(doc.tree, 'mdxJsxTextElement', (node: MdxJsxTextElement, index, parent: Parent | undefined) => {
    if (!node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.value === 'term-ref')) return;
    const next = parent?.children[index! + 1];
    links.push({term: (node.children[0] as {value: string}).value, after: next?.type === 'text' ? next.value : ''});
  });
  return links;
}

describe('links from a later use of a defined term (T1)', () => {
  it.each(['ja', 'en'] as const)(
    'link only the term itself in every version of the record, never a longer word that starts with it (%s)',
    (locale) => {
      for (const version of recordToday().versions) {
        const links = termLinks(version.documents[locale]);
        expect(links.length).toBeGreaterThan(0);
        for (const {term, after} of links) {
          const context = `${version.version}: ${term}${after.slice(0, 10)}`;
          if (locale === 'ja') expect(after, context).not.toMatch(/^[等\p{sc=Han}\p{sc=Katakana}ー]/u);
          else expect(after, context).not.toMatch(/^(?:,? etc\.| files?\b)/);
        }
      }
    },
  );

  it('do not read 利用者情報等 as 利用者情報, nor 個人情報ファイル as 個人情報', () => {
    const doc = parsePolicy(
      [
        '---',
        'title: t',
        'description: d',
        'version: "1.0.0"',
        'revisions:',
        '  - version: "1.0.0"',
        '---',
        '',
        '# プライバシーポリシー',
        '',
        '## 第 1 条（定義）',
        '',
        '氏名その他の情報（以下「利用者情報」といいます。）及び個人情報（以下「個人情報」といいます。）です。',
        '',
        '## 第 2 条（取扱い）',
        '',
        '利用者情報等を保護し、個人情報ファイルを管理し、利用者情報を扱い、個人情報を扱います。',
        '',
      ].join('\n'),
      'ja.mdx',
    );
    expect(termLinks(doc)).toEqual([
      {term: '利用者情報', after: 'を扱い、'},
      {term: '個人情報', after: 'を扱います。'},
    ]);
  });
});
