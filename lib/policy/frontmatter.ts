import {z} from 'zod';
import {compareVersions, isRealDate} from './dates';

/**
 * The frontmatter every policy file carries. Field names are English so that both language files
 * share one schema; docs/editing-policy.md explains each one in Japanese.
 */
const FIELD_LABELS = {
  title: 'title（ページのタイトル）',
  description: 'description（検索結果などに出る説明文）',
  version: 'version（版番号）',
  effectiveDate: 'effectiveDate（施行日）',
  lastUpdated: 'lastUpdated（最終改定日）',
  revisions: 'revisions（改定履歴）',
  date: 'date（改定日）',
  summary: 'summary（改定内容の要約）',
  reconsent: 'reconsent（再同意が必要か）',
} as const;

type Field = keyof typeof FIELD_LABELS;

const missingOr = (field: Field, wrongType: string) => (issue: {input: unknown}) =>
  issue.input === undefined
    ? `「${FIELD_LABELS[field]}」がありません。追加してください。`
    : `「${FIELD_LABELS[field]}」は${wrongType}で書いてください。`;

const text = (field: Field) =>
  z
    .string({error: missingOr(field, '文字列')})
    .trim()
    .min(1, {error: `「${FIELD_LABELS[field]}」が空です。内容を書いてください。`});

const date = (field: Field) =>
  z.string({error: missingOr(field, '"2026-04-01" のような引用符付きの日付')}).refine(isRealDate, {
    error: `「${FIELD_LABELS[field]}」は実在する日付を "YYYY-MM-DD" の形（例: "2026-04-01"）で書いてください。`,
  });

const version = (field: Field) =>
  z.string({error: missingOr(field, '"1.2.0" のような引用符付きの文字列')}).regex(/^\d+\.\d+\.\d+$/, {
    error: `「${FIELD_LABELS[field]}」は "1.2.0" のように 3 つの数字をピリオドでつないで書いてください。`,
  });

export const revisionSchema = z.strictObject(
  {
    version: version('version'),
    // Unset until legal staff decide them: the page shows 未定, never an invented date or summary.
    date: date('date').optional(),
    summary: text('summary').optional(),
    reconsent: z.boolean({error: '「reconsent（再同意が必要か）」は true か false で書いてください。'}).default(false),
    // Written by `npm run policy:new-version` when the version is archived; never by hand.
    sha256: z
      .strictObject(
        {ja: z.string().regex(/^[0-9a-f]{64}$/), en: z.string().regex(/^[0-9a-f]{64}$/)},
        {error: '「sha256」は npm run policy:new-version が書く値です。手で変えないでください。'},
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `改定履歴に使えない項目があります: ${issue.keys.join(', ')}`
        : '改定履歴の各項目は「- version: "1.0.0"」で始め、決まっていれば date・summary も書いてください。',
  },
);

export const frontmatterSchema = z
  .strictObject(
    {
      title: text('title'),
      description: text('description'),
      version: version('version'),
      // Optional because the source policy states none; `npm run policy:check` warns while unset.
      effectiveDate: date('effectiveDate').optional(),
      lastUpdated: date('lastUpdated').optional(),
      // Where the text covers each item the APPI asks to publish (lib/policy/publication.ts): an
      // anchor, "missing", or "not-applicable" when legal staff decided it does not apply. Only the
      // Japanese original carries it.
      publishes: z
        .record(
          z.string(),
          z.union([z.literal('missing'), z.literal('not-applicable'), z.string().regex(/^[a-z0-9-]+$/)]),
          {
            error:
              '「publishes」は「事項: アンカー」「事項: missing」「事項: not-applicable」のいずれかの形で書いてください。',
          },
        )
        .optional(),
      revisions: z
        .array(revisionSchema, {error: missingOr('revisions', '「- version: …」で始まる項目の並び')})
        .min(1, {error: '「revisions（改定履歴）」に少なくとも 1 件の改定を書いてください。'}),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `frontmatter に使えない項目があります: ${issue.keys.join(', ')}。綴りを確認してください（使える項目: title, description, version, effectiveDate, lastUpdated, publishes, revisions）。`
          : 'ファイルの先頭に --- で囲んだ frontmatter（title・version などの設定）を書いてください。',
    },
  )
  .superRefine((fm, ctx) => {
    fm.revisions.forEach((revision, i) => {
      const previous = fm.revisions[i - 1];
      if (!previous) return;
      if (compareVersions(revision.version, previous.version) <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'version'],
          message: `改定履歴は古い順に並べてください: ${revision.version} が前の ${previous.version} より新しくありません。`,
        });
      }
      if (revision.date && previous.date && revision.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'date'],
          message: `改定履歴は古い順に並べてください: ${revision.date} が前の ${previous.date} より前の日付です。`,
        });
      }
    });
    const newest = fm.revisions.at(-1);
    if (newest && newest.version !== fm.version) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: `「version」(${fm.version}) と改定履歴の最新の版 (${newest.version}) が一致しません。新しい版を出すときは改定履歴の末尾にも追加してください。`,
      });
    }
    if (newest && fm.lastUpdated && newest.date !== fm.lastUpdated) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastUpdated'],
        message: `「lastUpdated（最終改定日）」(${fm.lastUpdated ?? '未設定'}) と改定履歴の最新の日付 (${newest.date ?? '未設定'}) が一致しません。`,
      });
    }
  });

export type PolicyFrontmatter = z.infer<typeof frontmatterSchema>;
export type Revision = z.infer<typeof revisionSchema>;
