import type {Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {diagnosticsOf, report} from './diagnostics';
import {remarkPolicyArticles} from './plugins/articles';
import {remarkPolicyClauses} from './plugins/clauses';
import {remarkPolicyFrontmatter} from './plugins/frontmatter';
import {remarkPolicyLinks} from './plugins/links';
import {remarkPolicySafety} from './plugins/safety';
import {remarkPolicyTerms} from './plugins/terms';
import type {PolicyDocument, PolicyLocale} from './types';

/**
 * One definition of a valid policy: the parser and the plugins, each with one job, in order. The
 * build (lib/policy/load.ts → the page) and `npm run policy:check` both run exactly this.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkPolicyFrontmatter)
  .use(remarkPolicySafety)
  .use(remarkPolicyArticles)
  .use(remarkPolicyClauses)
  .use(remarkPolicyTerms)
  .use(remarkPolicyLinks);

function localeOfFile(file: string): PolicyLocale {
  return /(?:^|[/\\.-])en\.mdx$/.test(file) ? 'en' : 'ja';
}

const SYNTAX_HINTS: [RegExp, string][] = [
  [
    /acorn|expression/i,
    '波かっこ { } は MDX では特別な意味を持ちます。文字として書くときは \\{ と \\} のように前に \\ を付けてください。',
  ],
  [
    /closing tag|end tag|Expected the closing tag/i,
    '<…> で開いたタグが閉じられていません。<TranslationNotice> には </TranslationNotice> のように閉じタグを書いてください。',
  ],
  [
    /before name|Unexpected character/i,
    '< は MDX ではタグの始まりと読まれます。文字として書くときは \\< としてください。',
  ],
];

/** Parses one policy file and checks everything that can be checked within it. */
export function parsePolicy(source: string, path: string): PolicyDocument {
  const file = new VFile({path, value: source});
  file.data.policy = {
    locale: localeOfFile(path),
    frontmatter: null,
    fieldLines: {},
    title: '',
    articles: [],
    anchors: [],
    terms: [],
  };
  let parsed;
  try {
    parsed = processor.parse(file);
  } catch (error) {
    const e = error as {reason?: string; message: string; line?: number; column?: number; ruleId?: string};
    const reason = e.reason ?? e.message;
    // "Expected a closing tag for `<X>` (37:10-37:23) before …": point at the tag, not where parsing gave up.
    const opened = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    const at = opened
      ? {line: Number(opened[1]), column: Number(opened[2])}
      : {line: e.line ?? 1, column: e.column ?? 1};
    const hint = SYNTAX_HINTS.find(([pattern]) => pattern.test(reason))?.[1] ?? '書式を確認してください。';
    report(file, at, 'mdx-syntax', {reason, hint});
    return {...file.data.policy, file: path, tree: {type: 'root', children: []}, diagnostics: diagnosticsOf(file)};
  }
  // The plugins annotate the tree in place and report through the file.
  const tree = processor.runSync(parsed, file) as Root;
  const data = file.data.policy;
  const anchors = [...data.anchors].sort((a, b) => a.line - b.line || a.column - b.column);
  return {...data, anchors, file: path, tree, diagnostics: diagnosticsOf(file)};
}
