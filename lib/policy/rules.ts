/**
 * Every rule the policy checker can report, in one catalogue: its code, its severity, and what it
 * means and how to fix it in Japanese (the editors' language) and English. The diagnostics take their
 * severity from here, and the table of messages in docs/editing-policy.md is generated from it
 * (`npm run policy:docs`; a unit test fails when the two differ).
 */
export interface PolicyRule {
  severity: 'error' | 'warning';
  /** What is wrong, in Japanese. */
  meaning: string;
  /** How to fix it, in Japanese. */
  fix: string;
  en: string;
}

export const POLICY_RULES = {
  'file-missing': {
    severity: 'error',
    meaning: 'ポリシーファイル（ja.mdx・en.mdx）がない',
    fix: 'ファイルを元に戻す（削除・改名しない）',
    en: 'A policy file is missing.',
  },
  'mdx-syntax': {
    severity: 'error',
    meaning: 'MDX として読めない（`{` `<` の使用、タグの閉じ忘れ）',
    fix: '文字なら `\\{` `\\<` にする。`<CookieTable />` は `/>` で閉じる',
    en: 'The file is not valid MDX.',
  },
  'frontmatter-missing': {
    severity: 'error',
    meaning: '先頭の設定（frontmatter）がない',
    fix: 'ファイルの先頭に `---` で囲んだ設定を書く',
    en: 'The file has no frontmatter.',
  },
  'frontmatter-yaml': {
    severity: 'error',
    meaning: '先頭の設定の書き方が崩れている',
    fix: '「項目名: 値」（コロンの後に半角空白）、字下げは半角空白で書く',
    en: 'The frontmatter is not valid YAML.',
  },
  'frontmatter-field': {
    severity: 'error',
    meaning: '設定の項目が足りない・値の形が違う・改定履歴と合わない',
    fix: 'メッセージが示す項目を直す。日付と版番号は `"2027-04-01"`・`"1.1.0"` のように `"` で囲む',
    en: 'A frontmatter field is missing or invalid.',
  },
  'effective-date-unset': {
    severity: 'warning',
    meaning: '施行日（`effectiveDate`）が決まっていない。ページには「未定」と表示される',
    fix: '法務で施行日を決め、日英の `effectiveDate` に書く',
    en: 'The effective date is not set; the page shows it as undecided.',
  },
  'fullwidth-number': {
    severity: 'error',
    meaning: '項目の番号や字下げが全角（「２．」「（１）」、全角空白での字下げ）',
    fix: '番号は半角で `2.` と書き、字下げは半角空白にする',
    en: 'A list number or indentation is written with full-width characters.',
  },
  'duplicate-title': {
    severity: 'error',
    meaning: '大見出し（`#` で始まる行）が 2 つ以上ある',
    fix: '`# プライバシーポリシー` の 1 行だけにする',
    en: 'More than one top-level heading.',
  },
  'missing-title': {
    severity: 'error',
    meaning: '大見出し（`# プライバシーポリシー`）がない',
    fix: '本文の最初に `# プライバシーポリシー` を書く',
    en: 'The policy has no top-level heading.',
  },
  'no-articles': {
    severity: 'error',
    meaning: '条（`##` で始まる見出し）が 1 つもない',
    fix: '`## 第 1 条（総則）` の形で条を書く',
    en: 'The policy has no articles.',
  },
  'article-heading': {
    severity: 'error',
    meaning: '条の見出しの形が違う',
    fix: '`## 第 3 条（利用目的）` の形にする（英語版は `## Article 3 (Purposes of Use)`）',
    en: 'An article heading has the wrong form.',
  },
  'article-order': {
    severity: 'error',
    meaning: '条番号の抜け・重複・順番違い',
    fix: '第 1 条から順に番号を振り直す',
    en: 'Article numbers do not run 1, 2, 3….',
  },
  'item-order': {
    severity: 'error',
    meaning: '項目の番号が順番でない',
    fix: '`1.` `2.` `3.` と順に書く',
    en: 'Item numbers do not run 1, 2, 3….',
  },
  'nesting-too-deep': {
    severity: 'error',
    meaning: '項目の入れ子が 4 段以上',
    fix: '3 段（1. → (1) → ア）までにする',
    en: 'Numbered items nest more than three levels deep.',
  },
  'list-outside-article': {
    severity: 'error',
    meaning: '条の前に番号付きの項目がある',
    fix: '条の中に移す',
    en: 'Numbered items outside an article.',
  },
  'duplicate-anchor': {
    severity: 'error',
    meaning: '同じアンカーが 2 つある',
    fix: '条・項目の番号の重複を直す',
    en: 'Two anchors have the same id.',
  },
  'broken-anchor': {
    severity: 'error',
    meaning: 'ページ内リンクの先がない',
    fix: '存在する条・項目のアンカー（`#article-2-1-u` など）にする',
    en: 'An in-page link points at no anchor.',
  },
  'bad-url': {
    severity: 'error',
    meaning: '使えないリンク先（相対パスなど）',
    fix: '`https://`・`/`・`#` で始まるリンクにする',
    en: 'Unsupported link target.',
  },
  'unsafe-url': {
    severity: 'error',
    meaning: '危険なリンク先（`javascript:` など）',
    fix: '`https://` で始まるアドレスにする',
    en: 'Unsafe link scheme.',
  },
  'bad-mailto': {
    severity: 'error',
    meaning: 'メールアドレスの形が正しくない（全角の＠など）',
    fix: '`mailto:support@heyimg.net` の形にする',
    en: 'Malformed mailto: link.',
  },
  'no-expression': {
    severity: 'error',
    meaning: '`{…}` がある（プログラムとして実行される）',
    fix: '削除するか、文字なら `\\{` `\\}` にする',
    en: 'JavaScript expressions are not allowed.',
  },
  'no-esm': {
    severity: 'error',
    meaning: '`import`・`export` の行がある',
    fix: '削除する',
    en: 'import/export statements are not allowed.',
  },
  'component-not-allowed': {
    severity: 'error',
    meaning: '使えないタグ（`<script>`・`<iframe>` など）',
    fix: '削除する（使える部品は `<CookieTable />` と `<TranslationNotice>` だけ）',
    en: 'The element is not allowed.',
  },
  'no-attributes': {
    severity: 'error',
    meaning: 'タグに属性が付いている',
    fix: '属性を削除する',
    en: 'Attributes are not allowed.',
  },
  'no-event-handler': {
    severity: 'error',
    meaning: 'タグに `onClick=` などのイベント属性が付いている',
    fix: '削除する',
    en: 'Event handler attributes are not allowed.',
  },
  'translation-anchors': {
    severity: 'error',
    meaning: '英語版の条・項目の数や順番が日本語版と違う',
    fix: '日本語版と同じ構成にする',
    en: 'The translation’s structure differs from the original.',
  },
  'translation-frontmatter': {
    severity: 'error',
    meaning: '英語版の版番号・施行日・改定履歴が日本語版と違う',
    fix: '日本語版と同じ値にする（`summary` は訳す）',
    en: 'The translation’s version, dates or revisions differ from the original.',
  },
  'unknown-version-text': {
    severity: 'error',
    meaning: '`versions/` に改定履歴にない版のフォルダがある',
    fix: 'フォルダ名を改定履歴の版番号に合わせる',
    en: 'A kept text is not an earlier revision.',
  },
  'term-defined-twice': {
    severity: 'warning',
    meaning: '同じ定義語が 2 回定義されている',
    fix: 'どちらかにまとめる（法務判断）',
    en: 'A defined term is defined twice.',
  },
  'term-undefined': {
    severity: 'warning',
    meaning: '「本ポリシー」「当社グループ」「利用者情報等」のような、定義されていない語が定義語のように使われている',
    fix: '定義を追加するか、語を見直す（法務判断）',
    en: 'A word is used like a defined term but never defined.',
  },
} as const satisfies Record<string, PolicyRule>;

export type RuleCode = keyof typeof POLICY_RULES;

/** The table of docs/editing-policy.md, generated so that the guide lists exactly these rules. */
export function rulesTable(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(POLICY_RULES).map(
    ([code, rule]) =>
      `| \`${code}\` | ${rule.severity === 'error' ? 'エラー' : '警告'} | ${escape(rule.meaning)} | ${escape(rule.fix)} |`,
  );
  return ['| 記号 | 種類 | 意味 | 直し方 |', '|---|---|---|---|', ...rows].join('\n');
}
