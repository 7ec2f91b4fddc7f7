import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx';
import {toString} from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {isMap, isScalar, LineCounter, parseDocument} from 'yaml';
import {diagnostic, type Diagnostic, type Position} from './diagnostics';
import {frontmatterSchema, type PolicyFrontmatter} from './frontmatter';
import type {RuleCode} from './rules';
import {annotateDefinedTerms, type DefinedTerm} from './terms';

export type PolicyLocale = 'ja' | 'en';

/** MDX components an editor may use; everything else (script, iframe, style, …) is rejected. */
export const ALLOWED_COMPONENTS = ['CookieTable', 'TranslationNotice'] as const;

/** Anchors the page itself renders around the policy body, so in-page links to them are valid. */
export const PAGE_ANCHORS = ['toc', 'glossary', 'revisions'] as const;

export interface Anchor {
  id: string;
  line: number;
  column: number;
}

export interface Article {
  id: string;
  number: number;
  /** The heading as written, e.g. 第2条（当社が取得する情報及びその取得方法）. */
  heading: string;
  /** The title inside the brackets, e.g. 当社が取得する情報及びその取得方法. */
  title: string;
  line: number;
  /** The article's whole text, used to tell which articles a revision changed. */
  text: string;
}

export interface PolicyDocument {
  file: string;
  locale: PolicyLocale;
  /** The annotated tree (ids, markers, defined terms), ready to render. */
  tree: Root;
  frontmatter: PolicyFrontmatter | null;
  /** The line of each top-level frontmatter field, for messages about it. */
  fieldLines: Record<string, number>;
  title: string;
  articles: Article[];
  anchors: Anchor[];
  terms: DefinedTerm[];
  diagnostics: Diagnostic[];
}

const ARTICLE_HEADING: Record<PolicyLocale, {pattern: RegExp; example: string}> = {
  ja: {pattern: /^第\s*([0-9０-９]+)\s*条\s*[（(](.+)[）)]\s*$/u, example: '第3条（利用目的）'},
  en: {pattern: /^Article\s+(\d+)\s*\((.+)\)\s*$/u, example: 'Article 3 (Purposes of Use)'},
};

/** Sub-item markers of the third level: ア, イ, ウ … in Japanese, (a), (b), (c) … in English. */
const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const KANA_IDS = [
  'a',
  'i',
  'u',
  'e',
  'o',
  'ka',
  'ki',
  'ku',
  'ke',
  'ko',
  'sa',
  'shi',
  'su',
  'se',
  'so',
  'ta',
  'chi',
  'tsu',
  'te',
  'to',
];
const LATIN = 'abcdefghijklmnopqrst';

const BANNED_ELEMENT_HINT: Record<string, string> = {
  script: 'スクリプト（<script>）はセキュリティ上使えません。',
  iframe: '埋め込み（<iframe>）はセキュリティ上使えません。リンクにしてください。',
  style: '見た目（スタイル）はサイト側で決まるため、ここでは指定できません。',
};

function localeOfFile(file: string): PolicyLocale {
  return /(?:^|[/\\.-])en\.mdx$/.test(file) ? 'en' : 'ja';
}

function toHalfWidthNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

function startOf(node: {position?: {start: Position}}): Position | undefined {
  return node.position?.start;
}

function markerElement(marker: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [{type: 'mdxJsxAttribute', name: 'className', value: 'clause-marker'}],
    children: [{type: 'text', value: marker}],
  };
}

function setProperties(node: {data?: object}, properties: Record<string, unknown>): void {
  const data = (node.data ??= {}) as {hProperties?: Record<string, unknown>};
  data.hProperties = {...data.hProperties, ...properties};
}

/** Parses one policy file and checks everything that can be checked within it. */
export function parsePolicy(source: string, file: string): PolicyDocument {
  const locale = localeOfFile(file);
  const diagnostics: Diagnostic[] = [];
  const report: Report = (at, code, ja, en) => diagnostics.push(diagnostic(file, at, code, ja, en));

  const empty: PolicyDocument = {
    file,
    locale,
    tree: {type: 'root', children: []},
    frontmatter: null,
    fieldLines: {},
    title: '',
    articles: [],
    anchors: [],
    terms: [],
    diagnostics,
  };

  let tree: Root;
  try {
    tree = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkFrontmatter, ['yaml'])
      .parse(new VFile({path: file, value: source}));
  } catch (error) {
    const e = error as {reason?: string; message: string; line?: number; column?: number};
    // "Expected a closing tag for `<X>` (37:10-37:23) before …": point at the tag, not where parsing gave up.
    const opened = /\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason ?? '');
    const at = opened
      ? {line: Number(opened[1]), column: Number(opened[2])}
      : {line: e.line ?? 1, column: e.column ?? 1};
    report(at, 'mdx-syntax', explainSyntaxError(e.reason ?? e.message), `MDX syntax error: ${e.reason ?? e.message}`);
    return empty;
  }

  const fieldLines: Record<string, number> = {};
  const frontmatter = readFrontmatter(tree, report, fieldLines);
  if (frontmatter && !frontmatter.effectiveDate && locale === 'ja') {
    report(
      {line: fieldLines.version ?? 1, column: 1},
      'effective-date-unset',
      '施行日（effectiveDate）が決まっていません。ページには施行日「未定」と表示されます。法務で決めたら日英両方の frontmatter に effectiveDate: "YYYY-MM-DD" を追加してください。',
      'The effective date is not set; the page shows it as undecided.',
    );
  }
  checkSafety(tree, report);
  const fullWidthNumbers = checkFullWidthNumbers(source, report);

  const anchors: Anchor[] = [];
  const addAnchor = (id: string, at: Position | undefined) =>
    anchors.push({id, line: at?.line ?? 1, column: at?.column ?? 1});
  const articles: Article[] = [];
  let title = '';
  let current: Article | null = null;
  const articleNodes = new Map<Article, RootContent[]>();

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      if (title)
        report(
          startOf(node),
          'duplicate-title',
          '大見出し（# で始まる行）は 1 つだけにしてください。',
          'Only one top-level heading (#) is allowed.',
        );
      title = toString(node);
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      current = readArticleHeading(node, locale, articles.length + 1, report);
      articles.push(current);
      articleNodes.set(current, []);
      setProperties(node, {id: current.id});
      addAnchor(current.id, startOf(node));
      continue;
    }
    if (current) articleNodes.get(current)!.push(node);
    if (node.type === 'list' && node.ordered) {
      if (!current) {
        report(
          startOf(node),
          'list-outside-article',
          '番号付きの項目は条（## 第N条…）の中に書いてください。',
          'Numbered items must be inside an article.',
        );
      } else {
        annotateClauses(node, 1, current.id, locale, source, report, addAnchor);
      }
    }
  }

  if (!title)
    report(
      undefined,
      'missing-title',
      'ポリシーの大見出し（「# プライバシーポリシー」のような # で始まる行）がありません。',
      'The policy has no top-level heading (#).',
    );
  if (articles.length === 0)
    report(
      undefined,
      'no-articles',
      '条（「## 第1条（総則）」のような ## で始まる見出し）が 1 つもありません。',
      'The policy has no articles (## headings).',
    );

  for (const article of articles) {
    article.text = articleNodes
      .get(article)!
      .map((n) => toString(n))
      .join('\n');
  }

  const terms = annotateDefinedTerms(tree, locale, file, diagnostics);
  for (const term of terms) addAnchor(term.id, term);

  // A misnumbered article or item also duplicates the anchors after it; report the cause only.
  const numberingWrong = diagnostics.some((d) => d.code === 'article-order' || d.code === 'item-order');
  // A full-width 「２．」 is read as text, so the next item looks misnumbered: report only the cause.
  if (fullWidthNumbers) {
    for (let i = diagnostics.length - 1; i >= 0; i--)
      if (diagnostics[i]!.code === 'item-order') diagnostics.splice(i, 1);
  }
  checkAnchors(tree, anchors, numberingWrong ? () => {} : report, report);

  return {file, locale, tree, frontmatter, fieldLines, title, articles, anchors, terms, diagnostics};
}

type Report = (at: Position | undefined, code: RuleCode, ja: string, en: string) => void;

function explainSyntaxError(reason: string): string {
  const hints: [RegExp, string][] = [
    [
      /acorn|expression/i,
      '波かっこ { } は MDX では特別な意味を持ちます。文字として書くときは \\{ と \\} のように前に \\ を付けてください。',
    ],
    [
      /closing tag|end tag|Expected the closing tag/i,
      '<…> で開いたタグが閉じられていません。<CookieTable /> のように / を付けるか、閉じタグを書いてください。',
    ],
    [
      /before name|Unexpected character/i,
      '< は MDX ではタグの始まりと読まれます。文字として書くときは \\< としてください。',
    ],
  ];
  const hint = hints.find(([pattern]) => pattern.test(reason))?.[1] ?? '書式を確認してください。';
  return `MDX として読み込めません。${hint}`;
}

function readFrontmatter(tree: Root, report: Report, fieldLines: Record<string, number>): PolicyFrontmatter | null {
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
  if (!yamlNode) {
    report(
      {line: 1, column: 1},
      'frontmatter-missing',
      'ファイルの先頭に --- で囲んだ frontmatter（title・version・effectiveDate などの設定）がありません。',
      'The file has no frontmatter block at the top.',
    );
    return null;
  }
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlNode.value, {lineCounter, prettyErrors: false});
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const at = lineCounter.linePos(error.pos[0]);
    report(
      {line: firstLine + at.line - 1, column: at.col},
      'frontmatter-yaml',
      `frontmatter の書き方が正しくありません（「項目名: 値」の形、字下げ、コロンの後の空白を確認してください）。`,
      `Frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    );
    return null;
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range)
        fieldLines[String(pair.key.value)] = firstLine + lineCounter.linePos(pair.key.range[0]).line - 1;
    }
  }
  const result = frontmatterSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // Point at the offending value, or at its parent when the field itself is missing.
    let node = doc.getIn(path, true) as {range?: [number, number, number]} | undefined;
    for (let depth = path.length - 1; !node?.range && depth >= 0; depth--) {
      node = doc.getIn(path.slice(0, depth), true) as typeof node;
    }
    if (issue.code === 'unrecognized_keys') {
      // Point at the misspelled key itself.
      const parent = doc.getIn(path, true) ?? doc.contents;
      const pair = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)))
        : undefined;
      if (pair && isScalar(pair.key) && pair.key.range) node = pair.key as typeof node;
    }
    const at = node?.range ? lineCounter.linePos(node.range[0]) : {line: 1, col: 1};
    const field = path.join('.') || '(frontmatter)';
    report(
      {line: firstLine + at.line - 1, column: at.col},
      'frontmatter-field',
      issue.message,
      `Frontmatter field "${field}" is invalid.`,
    );
  }
  return null;
}

/**
 * Editors typing in Japanese input mode write 「２．」, 「（１）」 or indent with full-width spaces; Markdown
 * reads such a line as plain text, so it silently joins the paragraph above. Reported at its own line.
 */
function checkFullWidthNumbers(source: string, report: Report): boolean {
  let found = false;
  source.split('\n').forEach((line, index) => {
    const match = /^[ \t]*(\u3000+(?=[0-9０-９(（])|[０-９]+[．.、]|[（(][０-９]+[）)])/u.exec(line);
    if (!match) return;
    found = true;
    const written = match[1]!;
    const digits = toHalfWidthNumber(/[0-9０-９]+/.exec(written)?.[0] ?? '1');
    const hint = written.startsWith('\u3000')
      ? '字下げに全角空白が使われています。半角空白で字下げしてください'
      : `番号「${written}」が全角です。半角で「${digits}.」と書いてください（(1) や ア の段も「1.」と書き、字下げで段を表します）`;
    report(
      {line: index + 1, column: 1},
      'fullwidth-number',
      `${hint}（全角のままだと項目として読まれず、前の段落の続きになります）。`,
      'List numbers and indentation must be half-width.',
    );
  });
  return found;
}

function checkSafety(tree: Root, report: Report): void {
  visit(tree, (node) => {
    const at = startOf(node);
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          at,
          'no-esm',
          'import / export の行は使えません。削除してください。',
          'import/export statements are not allowed.',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        // {/* comments */} are allowed; any real expression would run code at build time.
        const program = node.data?.estree;
        if (program && program.body.length === 0) break;
        report(
          at,
          'no-expression',
          '波かっこ { } の中身はプログラムとして実行されるため使えません。文字として書くときは \\{ と \\} のようにしてください。',
          'JavaScript expressions {…} are not allowed.',
        );
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!(ALLOWED_COMPONENTS as readonly string[]).includes(name)) {
          const hint =
            BANNED_ELEMENT_HINT[name.toLowerCase()] ??
            `使えるのは ${ALLOWED_COMPONENTS.map((c) => `<${c} />`).join('、')} だけです。`;
          report(at, 'component-not-allowed', `<${name}> は使えません。${hint}`, `Element <${name}> is not allowed.`);
        }
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && /^on/i.test(attribute.name)) {
            report(
              at,
              'no-event-handler',
              `イベント属性 ${attribute.name}= は使えません。削除してください。`,
              `Event handler attribute ${attribute.name}= is not allowed.`,
            );
          } else {
            const label = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
            report(
              at,
              'no-attributes',
              `<${name}> に属性 ${label} は付けられません。削除してください。`,
              `Attribute ${label} is not allowed on <${name}>.`,
            );
          }
        }
        break;
      }
      case 'link':
      case 'definition':
      case 'image':
        checkUrl(node.url, at, report);
        break;
    }
  });
}

const MAILTO =
  /^mailto:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function checkUrl(url: string, at: Position | undefined, report: Report): void {
  const normalized = url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  if (/^(javascript|vbscript|data):/.test(normalized)) {
    report(
      at,
      'unsafe-url',
      `リンク先「${url}」は危険なため使えません。https:// で始まるアドレスにしてください。`,
      `Unsafe URL scheme: ${url}`,
    );
  } else if (normalized.startsWith('mailto:') && !MAILTO.test(url)) {
    report(
      at,
      'bad-mailto',
      `メールアドレスのリンク「${url}」の形が正しくありません。「mailto:support@heyimg.net」のように書いてください。`,
      `Malformed mailto: address: ${url}`,
    );
  } else if (!/^(https?:|mailto:|#|\/)/.test(normalized)) {
    report(
      at,
      'bad-url',
      `リンク先「${url}」は使えません。https:// で始まるアドレス、/ で始まるサイト内のパス、#article-… のページ内リンクのいずれかにしてください。`,
      `Unsupported link target: ${url}`,
    );
  }
}

function readArticleHeading(node: Heading, locale: PolicyLocale, expected: number, report: Report): Article {
  const heading = toString(node).trim();
  const {pattern, example} = ARTICLE_HEADING[locale];
  const match = pattern.exec(heading);
  const at = startOf(node);
  const base = {heading, line: at?.line ?? 1, text: ''};
  if (!match) {
    report(
      at,
      'article-heading',
      `条の見出し「${heading}」の形が正しくありません。「## ${example}」のように書いてください。`,
      `Article heading must look like "## ${example}".`,
    );
    return {...base, id: `article-${expected}`, number: expected, title: heading};
  }
  const number = toHalfWidthNumber(match[1]!);
  if (number !== expected) {
    const ja =
      number < expected ? `第${number}条が重複しているか、順番が前後しています` : `第${expected}条が抜けています`;
    report(
      at,
      'article-order',
      `条番号が順番になっていません: ここは第${expected}条のはずですが「${heading}」です（${ja}）。`,
      `Article numbers must run 1, 2, 3… without gaps: expected ${expected}, found ${number}.`,
    );
  }
  return {...base, id: `article-${number}`, number, title: match[2]!.trim()};
}

/**
 * Gives each numbered item (項, 号, and ア・イ・ウ) its visible marker and a stable id built from its
 * written number, never from its wording: 第2条第1項 is article-2-p1, its (1) article-2-1 and that
 * item's ウ article-2-1-u; the (1) of a later paragraph K is article-N-pK-1.
 */
function annotateClauses(
  list: List,
  level: number,
  parentId: string,
  locale: PolicyLocale,
  source: string,
  report: Report,
  addAnchor: (id: string, at: Position | undefined) => void,
  paragraphNumber = 1,
): void {
  setProperties(list, {className: ['clauses', `clauses-${level}`]});
  // Loose: every item's text is a <p>, so markers and spacing do not depend on blank lines in the source.
  list.spread = true;
  if (level > 3) {
    report(
      startOf(list),
      'nesting-too-deep',
      '番号付きの項目の入れ子は 3 段（1. → (1) → ア）までです。',
      'Numbered items nest at most three levels deep.',
    );
    return;
  }
  list.children.forEach((item: ListItem, index) => {
    const expected = index + 1;
    const at = startOf(item);
    const written =
      at && item.position ? Number(/^\s*(\d+)/.exec(source.slice(item.position.start.offset))?.[1]) : expected;
    if (written !== expected) {
      report(
        at,
        'item-order',
        `項目の番号が順番になっていません: ここは ${expected}. のはずですが ${written}. です。`,
        `Item numbers must run 1, 2, 3…: expected ${expected}, found ${written}.`,
      );
    }
    const {id, marker} = clauseLabel(level, expected, parentId, locale, paragraphNumber);
    setProperties(item, {id, className: ['clause']});
    addAnchor(id, at);
    const first = item.children[0];
    if (first?.type === 'paragraph') {
      (first as Paragraph).children.unshift(markerElement(marker));
    } else {
      item.children.unshift({type: 'paragraph', children: [markerElement(marker)]});
    }
    for (const child of item.children) {
      if (child.type === 'list' && child.ordered) {
        const nextParent = level === 1 ? parentId : id;
        annotateClauses(
          child,
          level + 1,
          nextParent,
          locale,
          source,
          report,
          addAnchor,
          level === 1 ? expected : paragraphNumber,
        );
      }
    }
  });
}

function clauseLabel(
  level: number,
  n: number,
  parentId: string,
  locale: PolicyLocale,
  paragraph: number,
): {id: string; marker: string} {
  if (level === 1) return {id: `${parentId}-p${n}`, marker: `${n}.`};
  if (level === 2)
    return {id: paragraph === 1 ? `${parentId}-${n}` : `${parentId}-p${paragraph}-${n}`, marker: `(${n})`};
  const kanaId = KANA_IDS[n - 1] ?? String(n);
  return {id: `${parentId}-${kanaId}`, marker: locale === 'ja' ? (KANA[n - 1] ?? String(n)) : `(${LATIN[n - 1] ?? n})`};
}

function checkAnchors(tree: Root, anchors: Anchor[], reportDuplicate: Report, report: Report): void {
  const seen = new Map<string, Anchor>();
  for (const anchor of anchors) {
    const first = seen.get(anchor.id);
    if (first) {
      reportDuplicate(
        anchor,
        'duplicate-anchor',
        `アンカー #${anchor.id} が ${first.line} 行目と重複しています。条や項目の番号を確認してください。`,
        `Duplicate anchor #${anchor.id} (first at line ${first.line}).`,
      );
    } else {
      seen.set(anchor.id, anchor);
    }
  }
  visit(tree, 'link', (link) => {
    if (!link.url.startsWith('#')) return;
    const id = decodeURIComponent(link.url.slice(1));
    if (!seen.has(id) && !(PAGE_ANCHORS as readonly string[]).includes(id)) {
      report(
        startOf(link),
        'broken-anchor',
        `ページ内リンク ${link.url} のリンク先がありません。#article-3 や #article-2-1-u のように、存在する条・項目を指定してください。`,
        `In-page link ${link.url} points at no anchor.`,
      );
    }
  });
}

export type {DefinedTerm};
