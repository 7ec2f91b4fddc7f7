import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {consentPolicyAt} from '@/lib/consent/record';
import {frontmatterSchema} from '@/lib/policy/frontmatter';

const realFrontmatter = (locale: string) =>
  parse(readFileSync(`content/privacy/${locale}.mdx`, 'utf8').split('---')[1]!);

const valid = {
  title: 'プライバシーポリシー',
  description: '説明',
  version: '1.1.0',
  effectiveDate: '2026-12-01',
  lastUpdated: '2026-11-30',
  revisions: [
    {version: '1.0.0', date: '2026-01-01', summary: '制定'},
    {version: '1.1.0', date: '2026-11-30', summary: '第2条を改定', reconsent: true},
  ],
};

function messages(input: unknown): string[] {
  const result = frontmatterSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('frontmatter schema', () => {
  it.each(['ja', 'en'])('accepts the real %s file', (locale) => {
    expect(messages(realFrontmatter(locale))).toEqual([]);
  });

  it('accepts a valid multi-revision frontmatter and defaults reconsent to false', () => {
    const parsed = frontmatterSchema.parse(valid);
    expect(parsed.revisions[0]!.reconsent).toBe(false);
  });

  it.each([
    ['a missing title', {...valid, title: undefined}, /^title: 「title（ページのタイトル）」がありません/],
    ['an empty description', {...valid, description: '  '}, /^description: .*空です/],
    ['a version that is a number', {...valid, version: 1.1}, /^version: .*引用符付きの文字列/],
    ['a two-part version', {...valid, version: '1.1'}, /^version: .*3 つの数字/],
    ['an impossible effective date', {...valid, effectiveDate: '2026-02-30'}, /^effectiveDate: .*実在する日付/],
    ['a Japanese-style date', {...valid, lastUpdated: '2026年11月30日'}, /^lastUpdated: .*YYYY-MM-DD/],
    ['an empty revision list', {...valid, revisions: []}, /^revisions: .*少なくとも 1 件/],
    [
      'revisions out of order',
      {...valid, revisions: [...valid.revisions].reverse()},
      /^revisions\.1\.version: 改定履歴は古い順/,
    ],
    ['a version not in the revisions', {...valid, version: '1.2.0'}, /^version: .*一致しません/],
    ['lastUpdated not the newest revision date', {...valid, lastUpdated: '2026-12-24'}, /^lastUpdated: .*一致しません/],
    ['an unknown field (typo)', {...valid, efective_date: '2026-01-01'}, /使えない項目があります: efective_date/],
    [
      'reconsent as text',
      {...valid, revisions: [valid.revisions[0], {...valid.revisions[1], reconsent: 'はい'}]},
      /reconsent: .*true か false/,
    ],
  ])('rejects %s', (_label, input, expected) => {
    expect(messages(input).join('\n')).toMatch(expected);
  });
});

describe('the consent policy at an instant', () => {
  const day = (date: string) => Date.parse(`${date}T00:00:00+09:00`);
  const schedule = [
    {version: '1.0.0', effective: null, reconsent: false},
    {version: '1.1.0', effective: day('2026-04-01'), reconsent: true},
    {version: '1.2.0', effective: day('2026-10-01'), reconsent: false},
  ];

  it('is the version in force, with the newest version up to it that asked again as the baseline', () => {
    expect(consentPolicyAt(schedule, 'rf', day('2026-03-31'))).toEqual({
      version: '1.0.0',
      baseline: '1.0.0',
      registry: 'rf',
    });
    expect(consentPolicyAt(schedule, 'rf', day('2026-04-01'))).toEqual({
      version: '1.1.0',
      baseline: '1.1.0',
      registry: 'rf',
    });
    expect(consentPolicyAt(schedule, 'rf', day('2026-04-01') - 1)).toEqual({
      version: '1.0.0',
      baseline: '1.0.0',
      registry: 'rf',
    });
    expect(consentPolicyAt(schedule, 'rf', day('2027-01-01'))).toEqual({
      version: '1.2.0',
      baseline: '1.1.0',
      registry: 'rf',
    });
  });

  it('falls back to the first version when none asks for reconsent', () => {
    const quiet = schedule.map((s) => ({...s, reconsent: false}));
    expect(consentPolicyAt(quiet, 'rf', day('2027-01-01'))).toEqual({
      version: '1.2.0',
      baseline: '1.0.0',
      registry: 'rf',
    });
  });
});
