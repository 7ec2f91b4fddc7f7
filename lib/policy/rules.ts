/**
 * Every rule the policy checker can report, in one catalogue: its code, its severity, what it means
 * and how to fix it (for the editing guide), and its message in Japanese (the editors' language) and
 * English. The plugins report a code with its parameters; the checker, the build and the tests read
 * the rest from here. The guide's table is generated from this (`npm run policy:docs`), and a unit
 * test fails when the two differ.
 */
type Message<P> = (params: P) => {ja: string; en: string};

interface Rule<P> {
  severity: 'error' | 'warning';
  /** What is wrong, in Japanese, for the guide's table. */
  meaning: string;
  /** How to fix it, in Japanese, for the guide's table. */
  fix: string;
  message: Message<P>;
}

const rule = <P = Record<string, never>>(r: Rule<P>) => r;

export const ALLOWED_COMPONENTS = ['TranslationNotice'] as const;

const BANNED_ELEMENT_HINT: Record<string, string> = {
  script: 'スクリプト（<script>）はセキュリティ上使えません。',
  iframe: '埋め込み（<iframe>）はセキュリティ上使えません。リンクにしてください。',
  style: '見た目（スタイル）はサイト側で決まるため、ここでは指定できません。',
};

export const POLICY_RULES = {
  'file-missing': rule<{file: string}>({
    severity: 'error',
    meaning: 'ポリシーファイル（ja.mdx・en.mdx）がない',
    fix: 'ファイルを元に戻す（削除・改名しない）',
    message: ({file}) => ({ja: `ポリシーファイル ${file} がありません。`, en: `Policy file ${file} is missing.`}),
  }),
  'mdx-syntax': rule<{reason: string; hint: string}>({
    severity: 'error',
    meaning: 'MDX として読めない（`{` `<` の使用、タグの閉じ忘れ）',
    fix: '文字なら `\\{` `\\<` にする。`<TranslationNotice>` は `</TranslationNotice>` で閉じる',
    message: ({reason, hint}) => ({ja: `MDX として読み込めません。${hint}`, en: `MDX syntax error: ${reason}`}),
  }),
  'frontmatter-missing': rule({
    severity: 'error',
    meaning: '先頭の設定（frontmatter）がない',
    fix: 'ファイルの先頭に `---` で囲んだ設定を書く',
    message: () => ({
      ja: 'ファイルの先頭に --- で囲んだ frontmatter（title・description・version などの設定）がありません。',
      en: 'The file has no frontmatter block at the top.',
    }),
  }),
  'frontmatter-yaml': rule<{reason: string}>({
    severity: 'error',
    meaning: '先頭の設定の書き方が崩れている',
    fix: '「項目名: 値」（コロンの後に半角空白）、字下げは半角空白で書く',
    message: ({reason}) => ({
      ja: 'frontmatter の書き方が正しくありません（「項目名: 値」の形、字下げ、コロンの後の空白を確認してください）。',
      en: `Frontmatter is not valid YAML: ${reason}`,
    }),
  }),
  'frontmatter-field': rule<{field: string; reason: string}>({
    severity: 'error',
    meaning: '設定の項目が足りない・値の形が違う・改定履歴と合わない',
    fix: 'メッセージが示す項目を直す。日付と版番号は `"2027-04-01"`・`"1.1.0"` のように `"` で囲む',
    message: ({field, reason}) => ({ja: reason, en: `Frontmatter field "${field}" is invalid.`}),
  }),
  'effective-date-unset': rule({
    severity: 'warning',
    meaning:
      '最初の版の施行日（`effectiveDate`）が決まっていない。ページには「公開中（施行日未定）」と表示され、「施行」とは書かれない',
    fix: '法務で施行日を決め、日英の `effectiveDate` に書く（次の版を作る前に必要）',
    message: () => ({
      ja: '施行日（effectiveDate）が決まっていません。ページにはこの版が「公開中（施行日未定）」と表示され、「施行中」とは書かれません。法務で決めたら日英両方の frontmatter に effectiveDate: "YYYY-MM-DD" を追加してください。次の版を作る前に必要です（施行日のないまま保存すると「施行日 未定」のまま変えられません）。',
      en: 'The effective date is not set; pages call this version published (effective date undecided), never in force.',
    }),
  }),
  'fullwidth-number': rule<{written: string; digits: number}>({
    severity: 'error',
    meaning: '項目の番号や字下げが全角（「２．」「（１）」、全角空白での字下げ）',
    fix: '番号は半角で `2.` と書き、字下げは半角空白にする',
    message: ({written, digits}) => ({
      ja: `${
        written.startsWith('\u3000')
          ? '字下げに全角空白が使われています。半角空白で字下げしてください'
          : `番号「${written}」が全角です。半角で「${digits}.」と書いてください（(1) や ア の段も「1.」と書き、字下げで段を表します）`
      }（全角のままだと項目として読まれず、前の段落の続きになります）。`,
      en: 'List numbers and indentation must be half-width.',
    }),
  }),
  'duplicate-title': rule({
    severity: 'error',
    meaning: '大見出し（`#` で始まる行）が 2 つ以上ある',
    fix: '`# プライバシーポリシー` の 1 行だけにする',
    message: () => ({
      ja: '大見出し（# で始まる行）は 1 つだけにしてください。',
      en: 'Only one top-level heading (#) is allowed.',
    }),
  }),
  'missing-title': rule({
    severity: 'error',
    meaning: '大見出し（`# プライバシーポリシー`）がない',
    fix: '本文の最初に `# プライバシーポリシー` を書く',
    message: () => ({
      ja: 'ポリシーの大見出し（「# プライバシーポリシー」のような # で始まる行）がありません。',
      en: 'The policy has no top-level heading (#).',
    }),
  }),
  'no-articles': rule({
    severity: 'error',
    meaning: '条（`##` で始まる見出し）が 1 つもない',
    fix: '`## 第 1 条（総則）` の形で条を書く',
    message: () => ({
      ja: '条（「## 第 1 条（総則）」のような ## で始まる見出し）が 1 つもありません。',
      en: 'The policy has no articles (## headings).',
    }),
  }),
  'article-heading': rule<{heading: string; example: string}>({
    severity: 'error',
    meaning: '条の見出しの形が違う',
    fix: '`## 第 3 条（利用目的）` の形にする（英語版は `## Article 3 (Purposes of Use)`）',
    message: ({heading, example}) => ({
      ja: `条の見出し「${heading}」の形が正しくありません。「## ${example}」のように書いてください。`,
      en: `Article heading must look like "## ${example}".`,
    }),
  }),
  'article-order': rule<{expected: number; found: number; heading: string}>({
    severity: 'error',
    meaning: '条番号の抜け・重複・順番違い',
    fix: '第 1 条から順に番号を振り直す',
    message: ({expected, found, heading}) => ({
      ja: `条番号が順番になっていません: ここは第${expected}条のはずですが「${heading}」です（${
        found < expected ? `第${found}条が重複しているか、順番が前後しています` : `第${expected}条が抜けています`
      }）。`,
      en: `Article numbers must run 1, 2, 3… without gaps: expected ${expected}, found ${found}.`,
    }),
  }),
  'item-order': rule<{expected: number; found: number}>({
    severity: 'error',
    meaning: '項目の番号が順番でない',
    fix: '`1.` `2.` `3.` と順に書く',
    message: ({expected, found}) => ({
      ja: `項目の番号が順番になっていません: ここは ${expected}. のはずですが ${found}. です。`,
      en: `Item numbers must run 1, 2, 3…: expected ${expected}, found ${found}.`,
    }),
  }),
  'nesting-too-deep': rule({
    severity: 'error',
    meaning: '項目の入れ子が 4 段以上',
    fix: '3 段（1. → (1) → ア）までにする',
    message: () => ({
      ja: '番号付きの項目の入れ子は 3 段（1. → (1) → ア）までです。',
      en: 'Numbered items nest at most three levels deep.',
    }),
  }),
  'list-outside-article': rule({
    severity: 'error',
    meaning: '条の前に番号付きの項目がある',
    fix: '条の中に移す',
    message: () => ({
      ja: '番号付きの項目は条（## 第N条…）の中に書いてください。',
      en: 'Numbered items must be inside an article.',
    }),
  }),
  'duplicate-anchor': rule<{id: string; firstLine: number}>({
    severity: 'error',
    meaning: '同じアンカーが 2 つある',
    fix: '条・項目の番号の重複を直す',
    message: ({id, firstLine}) => ({
      ja: `アンカー #${id} が ${firstLine} 行目と重複しています。条や項目の番号を確認してください。`,
      en: `Duplicate anchor #${id} (first at line ${firstLine}).`,
    }),
  }),
  'broken-anchor': rule<{url: string}>({
    severity: 'error',
    meaning: 'ページ内リンクの先がない',
    fix: '存在する条・項目のアンカー（`#article-2-1-u` など）にする',
    message: ({url}) => ({
      ja: `ページ内リンク ${url} のリンク先がありません。#article-3 や #article-2-1-u のように、存在する条・項目を指定してください。`,
      en: `In-page link ${url} points at no anchor.`,
    }),
  }),
  'bad-url': rule<{url: string}>({
    severity: 'error',
    meaning: '使えないリンク先（相対パスなど）',
    fix: '`https://`・`/`・`#` で始まるリンクにする',
    message: ({url}) => ({
      ja: `リンク先「${url}」は使えません。https:// で始まるアドレス、/ で始まるサイト内のパス、#article-… のページ内リンクのいずれかにしてください。`,
      en: `Unsupported link target: ${url}`,
    }),
  }),
  'unsafe-url': rule<{url: string}>({
    severity: 'error',
    meaning: '危険なリンク先（`javascript:` など）',
    fix: '`https://` で始まるアドレスにする',
    message: ({url}) => ({
      ja: `リンク先「${url}」は危険なため使えません。https:// で始まるアドレスにしてください。`,
      en: `Unsafe URL scheme: ${url}`,
    }),
  }),
  'bad-mailto': rule<{url: string}>({
    severity: 'error',
    meaning: 'メールアドレスの形が正しくない（全角の＠など）',
    fix: '`mailto:support@heyimg.net` の形にする',
    message: ({url}) => ({
      ja: `メールアドレスのリンク「${url}」の形が正しくありません。「mailto:support@heyimg.net」のように書いてください。`,
      en: `Malformed mailto: address: ${url}`,
    }),
  }),
  'no-expression': rule({
    severity: 'error',
    meaning: '`{…}` がある（プログラムとして実行される）',
    fix: '削除するか、文字なら `\\{` `\\}` にする',
    message: () => ({
      ja: '波かっこ { } の中身はプログラムとして実行されるため使えません。文字として書くときは \\{ と \\} のようにしてください。',
      en: 'JavaScript expressions {…} are not allowed.',
    }),
  }),
  'no-esm': rule({
    severity: 'error',
    meaning: '`import`・`export` の行がある',
    fix: '削除する',
    message: () => ({
      ja: 'import / export の行は使えません。削除してください。',
      en: 'import/export statements are not allowed.',
    }),
  }),
  'component-not-allowed': rule<{name: string}>({
    severity: 'error',
    meaning: '使えないタグ（`<script>`・`<iframe>` など）',
    fix: `削除する（使える部品は ${ALLOWED_COMPONENTS.map((c) => `\`<${c}>\``).join(' と ')} だけ）`,
    message: ({name}) => ({
      ja: `<${name}> は使えません。${
        BANNED_ELEMENT_HINT[name.toLowerCase()] ??
        `使えるのは ${ALLOWED_COMPONENTS.map((c) => `<${c}>…</${c}>`).join('、')} だけです。`
      }`,
      en: `Element <${name}> is not allowed.`,
    }),
  }),
  'no-attributes': rule<{name: string; attribute: string}>({
    severity: 'error',
    meaning: 'タグに属性が付いている',
    fix: '属性を削除する',
    message: ({name, attribute}) => ({
      ja: `<${name}> に属性 ${attribute} は付けられません。削除してください。`,
      en: `Attribute ${attribute} is not allowed on <${name}>.`,
    }),
  }),
  'no-event-handler': rule<{attribute: string}>({
    severity: 'error',
    meaning: 'タグに `onClick=` などのイベント属性が付いている',
    fix: '削除する',
    message: ({attribute}) => ({
      ja: `イベント属性 ${attribute}= は使えません。削除してください。`,
      en: `Event handler attribute ${attribute}= is not allowed.`,
    }),
  }),
  'translation-anchors': rule<{original: string; expected?: {id: string; line: number}; found?: string}>({
    severity: 'error',
    meaning: '英語版の条・項目の数や順番が日本語版と違う',
    fix: '日本語版と同じ構成にする',
    message: ({original, expected, found}) => ({
      ja:
        expected && found
          ? `翻訳の構成が原文（${original}）と違います: ここは #${expected.id}（原文 ${expected.line} 行目）のはずですが #${found} です。条・項目の数と順番を原文に合わせてください。`
          : expected
            ? `翻訳に #${expected.id}（原文 ${expected.line} 行目）に当たる条・項目がありません。原文に合わせて追加してください。`
            : `翻訳の #${found} に当たる条・項目が原文にありません。原文に合わせてください。`,
      en: `Translation anchors differ from ${original}: expected #${expected?.id ?? '(none)'}, found #${found ?? '(none)'}.`,
    }),
  }),
  'translation-frontmatter': rule<{original: string; field: string; want: string; got: string}>({
    severity: 'error',
    meaning: '英語版の版番号・施行日・改定日が日本語版と違う',
    fix: '日本語版と同じ値にする（`summary` は訳す）',
    message: ({original, field, want, got}) => ({
      ja: `翻訳の「${field}」が原文（${original}）と違います（原文: ${want} / 翻訳: ${got}）。原文と同じにしてください。`,
      en: `Translation field "${field}" differs from the original: ${want} vs ${got}.`,
    }),
  }),
  'unknown-version-text': rule<{version: string}>({
    severity: 'error',
    meaning: '`versions/` に改定履歴にない版のフォルダがある',
    fix: 'フォルダ名を改定履歴の版番号に合わせる',
    message: ({version}) => ({
      ja: `保存された旧版 ${version} は改定履歴（revisions）にない版、または現行版と同じ版です。フォルダ名を確認してください。`,
      en: `Kept text ${version} is not an earlier revision.`,
    }),
  }),
  'archive-missing': rule<{version: string; file: string}>({
    severity: 'error',
    meaning: '改定履歴にある以前の版の本文が `versions/<版>/` に保存されていない',
    fix: '`npm run policy:new-version` で版を上げる（本文の保存と指紋の記録を自動で行う）',
    message: ({version, file}) => ({
      ja: `改定履歴の版 ${version} の本文 ${file} がありません。以前の版は削除せず保存してください（版を上げるときは npm run policy:new-version を使います）。`,
      en: `The text of version ${version} is not kept at ${file}.`,
    }),
  }),
  'archive-hash-missing': rule<{version: string}>({
    severity: 'error',
    meaning: '保存した以前の版の指紋（`sha256`）が改定履歴に記録されていない',
    fix: '`npm run policy:new-version` で保存する（手で書かない）',
    message: ({version}) => ({
      ja: `保存された版 ${version} の指紋（sha256）が改定履歴に記録されていません。以前の版は npm run policy:new-version で保存してください。`,
      en: `No sha256 is recorded for the kept text of version ${version}.`,
    }),
  }),
  'archive-hash-mismatch': rule<{version: string; recorded: string; actual: string}>({
    severity: 'error',
    meaning: '保存した以前の版の本文が、保存したときから変わっている',
    fix: '保存した版は変更できない。Git で元に戻し、直したい点は新しい版として公開する',
    message: ({version, recorded, actual}) => ({
      ja: `保存された版 ${version} の本文が、保存したときの指紋と一致しません（記録: ${recorded.slice(0, 12)}… / 現在: ${actual.slice(0, 12)}…）。公開した版は変更できません。Git で元に戻し、直したい点は新しい版として公開してください。`,
      en: `The kept text of version ${version} no longer matches its recorded sha256.`,
    }),
  }),
  'published-text-changed': rule<{version: string; record: string; recorded: string; actual: string}>({
    severity: 'error',
    meaning:
      '公開した版（公開の記録 `published.yaml` に指紋がある版）の本文が、同じ版番号のまま変えられている。閲覧者が読んだ本文・同意の記録が指す本文と違ってしまう',
    fix: '変更を Git で元に戻し、直したい点は `npm run policy:new-version` で新しい版として公開する',
    message: ({version, record, recorded, actual}) => ({
      ja: `バージョン ${version} は公開済みです（${record} に指紋を記録）。公開した版の本文は、同じ版番号のまま変えられません（記録: ${recorded.slice(0, 12)}… / 現在: ${actual.slice(0, 12)}…）。変更を Git で元に戻し、直したい点は npm run policy:new-version で新しい版として公開してください。`,
      en: `Version ${version} is published (${record}); its text no longer matches the recorded sha256. Revert the edit; publish corrections as a new version.`,
    }),
  }),
  'published-record-missing': rule<{version: string; record: string}>({
    severity: 'warning',
    meaning:
      '施行日を書いた版が、まだ公開の記録（`published.yaml`）にない。記録するまでは、公開後も同じ版番号のまま本文を変えられてしまう',
    fix: 'レビューで承認されたら `npm run policy:publish` を実行し、`published.yaml` も一緒にコミットする',
    message: ({version, record}) => ({
      ja: `バージョン ${version} には施行日がありますが、公開の記録（${record}）にまだありません。レビューで承認されたら npm run policy:publish を実行し、${record} も一緒にコミットしてください（記録した版は、同じ版番号のまま変えられなくなります）。`,
      en: `Version ${version} has an effective date but is not in ${record} yet: run npm run policy:publish once it is approved.`,
    }),
  }),
  'published-record-invalid': rule<{reason: string}>({
    severity: 'error',
    meaning: '公開の記録（`published.yaml`）が読めない・改定履歴にない版や同じ版が 2 回書かれている',
    fix: '`published.yaml` は `npm run policy:publish` が書くもの。手で変えず、Git で元に戻す',
    message: ({reason}) => ({
      ja: `公開の記録が正しくありません（${reason}）。このファイルは npm run policy:publish が書くものです。手で変えず、Git で元に戻してください。`,
      en: `The record of published versions is invalid: ${reason}.`,
    }),
  }),
  'effective-date-past': rule<{version: string; date: string; today: string}>({
    severity: 'error',
    meaning:
      '2 つ目以降の版の施行日が、公開する日（今日）より前。公開と同時に施行され、前の版の施行期間がさかのぼって終わり、第9条第2項の事前の告知もできない',
    fix: '施行日を今日以降（告知の期間を置くなら、その分後）の日にする',
    message: ({version, date, today}) => ({
      ja: `バージョン ${version} の施行日 ${date} が、今日（${today}）より前です。このまま公開すると、公開と同時に施行され、前の版の施行期間がさかのぼって終わったことになり、第9条第2項の事前の告知もできません。施行日を今日以降の日にしてください（今日にすると、公開と同時に施行され、事前の告知はありません）。すでにこの版を施行日より前に公開していて、公開の記録（npm run policy:publish）だけが漏れていた場合は、エンジニアに連絡してください。`,
      en: `Version ${version} takes effect on ${date}, before today (${today}): it would apply retroactively and unannounced.`,
    }),
  }),
  'effective-date-order': rule<{version: string; date: string; previous: string}>({
    severity: 'error',
    meaning: '版の施行日が前の版の施行日より前',
    fix: '施行日は版の順に新しくする',
    message: ({version, date, previous}) => ({
      ja: `バージョン ${version} の施行日 ${date} が、前のバージョンの施行日 ${previous} より後になっていません。施行日は版の順に新しくしてください。`,
      en: `Version ${version} takes effect on ${date}, not after the previous version (${previous}).`,
    }),
  }),
  'effective-date-required': rule<{version: string; previous: string}>({
    severity: 'error',
    meaning:
      '2 つ目以降の版に施行日（`effectiveDate`）がない。施行日のない新しい版は、予告なしに今の版と入れ替わってしまうため公開できない',
    fix: '法務で施行日を決め、日英の `effectiveDate` に書く（決まるまでは `npm run dev` で下書きとして確認できる）',
    message: ({version, previous}) => ({
      ja: `施行日が決まっていない新しい版は公開できません。バージョン ${version} の effectiveDate（施行日）を日英両方の frontmatter に "YYYY-MM-DD" で書いてください。施行日より前に公開すると、その日までバージョン ${previous} が表示され、新しい版は予告されます（第9条第2項）。決まるまでは npm run dev で下書きとして確認できます。`,
      en: `A new version without an effective date cannot be published: set effectiveDate for version ${version} in both languages. Until that date version ${previous} stays current and the new one is announced.`,
    }),
  }),
  'cited-clause-changed': rule<{
    version: string;
    citedBy: string;
    anchor: string;
    number: string;
    heading: string;
    found: string | null;
  }>({
    severity: 'error',
    meaning:
      'サイト（Cookie のバナーなど）が引用している条項が、施行中またはこれから施行される版で、その番号・見出しのままになっていない（移動・削除・見出しの変更）',
    fix: '条項を元の番号・見出しに戻すか、エンジニアに引用の変更を依頼する（引用の形は `docs/legal-review.md` #52）',
    message: ({version, citedBy, anchor, number, heading, found}) => ({
      ja: `${citedBy}は、本文の${number}「${heading}」（#${anchor}）を引用しています。バージョン ${version} の本文では、${
        found === null
          ? 'この条項がありません（番号が変わったか、削除されています）'
          : `この条項の見出しが「${found}」になっています`
      }。このままこの版が施行されると、引用がない条項や別の条項を指してしまいます。条項を元の番号・見出しに戻すか、エンジニアに引用の変更を依頼してください。`,
      en: `The site cites ${number} “${heading}” (#${anchor}); in version ${version} ${
        found === null ? 'there is no such clause' : `its heading is “${found}”`
      }.`,
    }),
  }),
  'registry-yaml': rule<{reason: string}>({
    severity: 'error',
    meaning: 'Cookie・タグの登録簿（`content/registry.yaml`）の書き方が崩れている',
    fix: '「項目名: 値」（コロンの後に半角空白）、字下げは半角空白で書く',
    message: ({reason}) => ({
      ja: 'Cookie・タグの登録簿の書き方が正しくありません（「項目名: 値」の形、字下げ、コロンの後の空白を確認してください）。',
      en: `The registry is not valid YAML: ${reason}`,
    }),
  }),
  'registry-field': rule<{field: string; reason: string}>({
    severity: 'error',
    meaning:
      '登録簿の項目が足りない・形が違う（外部に送る技術の送信先・情報・目的・プライバシーポリシー・オプトアウトなど）',
    fix: 'メッセージが示す項目を日英とも書く',
    message: ({field, reason}) => ({ja: reason, en: `Registry field "${field}" is missing or invalid.`}),
  }),
  'registry-vague': rule<{field: string; word: string}>({
    severity: 'warning',
    meaning: '外部送信の「送信される情報」「利用目的」に「等」「その他」「など」のあいまいな語がある',
    fix: '具体的に書く（総務省のガイドラインは具体的な記載を求めている）',
    message: ({field, word}) => ({
      ja: `「${field}」に「${word}」があります。送信される情報や目的は、できるだけ具体的に書いてください（あいまいな語は避けるよう求められています）。`,
      en: `"${field}" contains the vague word "${word}"; be specific.`,
    }),
  }),
  'publication-missing': rule<{item: string}>({
    severity: 'warning',
    meaning: '個人情報保護法が公表等を求める事項が本文にない（`publishes` で `missing` とした事項）',
    fix: '法務で判断し、本文に加えたら `publishes` にその条・項目のアンカーを書く',
    message: ({item}) => ({
      ja: `個人情報保護法が公表等を求める事項「${item}」が本文にありません（publishes で missing）。法務で判断してください。`,
      en: `An item the APPI asks to publish or make known is not in the text: ${item}.`,
    }),
  }),
  'publication-unassessed': rule<{item: string}>({
    severity: 'warning',
    meaning: '公表等が求められる事項について、本文のどこにあるか（`publishes`）が書かれていない',
    fix: '`publishes` に事項ごとのアンカーか `missing` を書く',
    message: ({item}) => ({
      ja: `公表等が求められる事項「${item}」が本文のどこにあるか、frontmatter の publishes に書かれていません。アンカー（例: article-6）か missing を書いてください。`,
      en: `Where the text covers "${item}" is not assessed in publishes.`,
    }),
  }),
  'term-defined-twice': rule<{term: string; firstLine: number}>({
    severity: 'warning',
    meaning: '同じ定義語が 2 回定義されている',
    fix: 'どちらかにまとめる（法務判断）',
    message: ({term, firstLine}) => ({
      ja: `定義語「${term}」が ${firstLine} 行目でも定義されています。どちらか一方にするか、別の語にしてください。`,
      en: `Defined term "${term}" is also defined at line ${firstLine}.`,
    }),
  }),
  'term-undefined': rule<{word: string}>({
    severity: 'warning',
    meaning: '「本ポリシー」「当社グループ」「利用者情報等」のような、定義されていない語が定義語のように使われている',
    fix: '定義を追加するか、語を見直す（法務判断）',
    message: ({word}) => ({
      ja: `「${word}」は定義語のように使われていますが、どこにも定義されていません（「以下「${word}」といいます。」のような定義がありません）。`,
      en: `"${word}" is used like a defined term but is never defined.`,
    }),
  }),
};

export type RuleCode = keyof typeof POLICY_RULES;
export type RuleParams<C extends RuleCode> = Parameters<(typeof POLICY_RULES)[C]['message']>[0];

/** The table of docs/editing-policy.md, generated so that the guide lists exactly these rules. */
export function rulesTable(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(POLICY_RULES).map(
    ([code, r]) =>
      `| \`${code}\` | ${r.severity === 'error' ? 'エラー' : '警告'} | ${escape(r.meaning)} | ${escape(r.fix)} |`,
  );
  return ['| 記号 | 種類 | 意味 | 直し方 |', '|---|---|---|---|', ...rows].join('\n');
}
