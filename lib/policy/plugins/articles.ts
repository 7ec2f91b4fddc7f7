import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import type {VFile} from 'vfile';
import {report} from '../diagnostics';
import type {Article, PolicyLocale} from '../types';
import {setProperties, toHalfWidthNumber} from './tree';

const ARTICLE_HEADING: Record<PolicyLocale, {pattern: RegExp; example: string}> = {
  ja: {pattern: /^第\s*([0-9０-９]+)\s*条\s*[（(](.+)[）)]\s*$/u, example: '第 3 条（利用目的）'},
  en: {pattern: /^Article\s+(\d+)\s*\((.+)\)\s*$/u, example: 'Article 3 (Purposes of Use)'},
};

/**
 * The policy's skeleton: one `#` title, then articles (`## 第 N 条（…）`) numbered 1, 2, 3… Each
 * article heading gets its anchor (article-N); numbered items outside an article and list numbers
 * typed full-width are reported.
 */
export function remarkPolicyArticles() {
  return (tree: Root, file: VFile) => {
    const data = file.data.policy!;
    checkFullWidthNumbers(String(file.value), file);
    let current: Article | null = null;
    const texts = new Map<Article, string[]>();
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 1) {
        if (data.title) report(file, node.position?.start, 'duplicate-title', {});
        data.title = toString(node);
        continue;
      }
      if (node.type === 'heading' && node.depth === 2) {
        current = readArticleHeading(node, data.locale, data.articles.length + 1, file);
        data.articles.push(current);
        texts.set(current, []);
        setProperties(node, {id: current.id});
        data.anchors.push({id: current.id, line: current.line, column: node.position?.start.column ?? 1});
        continue;
      }
      if (current) texts.get(current)!.push(toString(node));
      else if (node.type === 'list' && node.ordered) report(file, node.position?.start, 'list-outside-article', {});
    }
    if (!data.title) report(file, undefined, 'missing-title', {});
    if (data.articles.length === 0) report(file, undefined, 'no-articles', {});
    for (const [article, text] of texts) article.text = text.join('\n');
  };
}

function readArticleHeading(node: Heading, locale: PolicyLocale, expected: number, file: VFile): Article {
  const heading = toString(node).trim();
  const {pattern, example} = ARTICLE_HEADING[locale];
  const match = pattern.exec(heading);
  const at = node.position?.start;
  const base = {heading, line: at?.line ?? 1, text: ''};
  if (!match) {
    report(file, at, 'article-heading', {heading, example});
    return {...base, id: `article-${expected}`, number: expected, title: heading};
  }
  const number = toHalfWidthNumber(match[1]!);
  if (number !== expected) report(file, at, 'article-order', {expected, found: number, heading});
  return {...base, id: `article-${number}`, number, title: match[2]!.trim()};
}

/**
 * Editors typing in Japanese input mode write 「２．」, 「（１）」 or indent with full-width spaces;
 * Markdown reads such a line as plain text, so it silently joins the paragraph above. Reported at
 * its own line (and the misnumbering it causes on the next item is then not reported).
 */
function checkFullWidthNumbers(source: string, file: VFile): void {
  source.split('\n').forEach((line, index) => {
    const match = /^[ \t]*(\u3000+(?=[0-9０-９(（])|[０-９]+[．.、]|[（(][０-９]+[）)])/u.exec(line);
    if (!match) return;
    const written = match[1]!;
    const digits = toHalfWidthNumber(/[0-9０-９]+/.exec(written)?.[0] ?? '1');
    report(file, {line: index + 1, column: 1}, 'fullwidth-number', {written, digits});
  });
}
