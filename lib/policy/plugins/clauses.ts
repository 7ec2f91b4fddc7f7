import type {List, ListItem, Paragraph, Root} from 'mdast';
import type {VFile} from 'vfile';
import {hasReported, report} from '../diagnostics';
import type {PolicyLocale} from '../types';
import {idOf, inlineElement, setProperties} from './tree';

/** Sub-item markers of the third level: ア, イ, ウ … in Japanese, (a), (b), (c) … in English. */
const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const KANA_IDS = [
  'a', 'i', 'u', 'e', 'o', 'ka', 'ki', 'ku', 'ke', 'ko', 'sa', 'shi', 'su', 'se', 'so', 'ta', 'chi', 'tsu', 'te', 'to',
]; // prettier-ignore
const LATIN = 'abcdefghijklmnopqrst';

/**
 * Gives each numbered item (項, 号, and ア・イ・ウ) its visible marker and a stable id built from its
 * written number, never from its wording: 第2条第1項 is article-2-p1, its (1) article-2-1 and that
 * item's ウ article-2-1-u; the (1) of a later paragraph K is article-N-pK-1.
 */
export function remarkPolicyClauses() {
  return (tree: Root, file: VFile) => {
    const data = file.data.policy!;
    // A full-width 「２．」 is read as text, so the next item looks misnumbered: its cause is reported.
    const context = {
      file,
      locale: data.locale,
      source: String(file.value),
      quietOrder: hasReported(file, 'fullwidth-number'),
    };
    let articleId: string | null = null;
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 2) articleId = idOf(node);
      else if (articleId && node.type === 'list' && node.ordered)
        annotate(node, 1, articleId, 1, context, data.anchors);
    }
  };
}

interface Context {
  file: VFile;
  locale: PolicyLocale;
  source: string;
  quietOrder: boolean;
}

function annotate(
  list: List,
  level: number,
  parentId: string,
  paragraph: number,
  context: Context,
  anchors: {id: string; line: number; column: number}[],
): void {
  setProperties(list, {className: ['clauses', `clauses-${level}`]});
  // Loose: every item's text is a <p>, so markers and spacing do not depend on blank lines in the source.
  list.spread = true;
  if (level > 3) {
    report(context.file, list.position?.start, 'nesting-too-deep', {});
    return;
  }
  list.children.forEach((item: ListItem, index) => {
    const expected = index + 1;
    const at = item.position?.start;
    const written = at ? Number(/^\s*(\d+)/.exec(context.source.slice(item.position!.start.offset))?.[1]) : expected;
    if (written !== expected && !context.quietOrder) report(context.file, at, 'item-order', {expected, found: written});
    const {id, marker} = clauseLabel(level, expected, parentId, context.locale, paragraph);
    setProperties(item, {id, className: ['clause']});
    anchors.push({id, line: at?.line ?? 1, column: at?.column ?? 1});
    const markerNode = inlineElement('span', {className: 'clause-marker'}, marker);
    const first = item.children[0];
    if (first?.type === 'paragraph') (first as Paragraph).children.unshift(markerNode);
    else item.children.unshift({type: 'paragraph', children: [markerNode]});
    for (const child of item.children) {
      if (child.type === 'list' && child.ordered) {
        annotate(child, level + 1, level === 1 ? parentId : id, level === 1 ? expected : paragraph, context, anchors);
      }
    }
  });
}

/**
 * How the site cites a clause by its anchor, in the numbering the markers above draw:
 * article-2-1-u is 第 2 条第 1 項(1)ウ, Article 2, paragraph 1, item (1)(c) (spaced like the source's
 * headings, 「第 1 条」). Null for an id that names no article or clause.
 */
export function clauseNumber(anchor: string, locale: PolicyLocale): string | null {
  const match = /^article-(\d+)(?:-p(\d+))?(?:-(\d+))?(?:-([a-z]+))?$/.exec(anchor);
  if (!match) return null;
  const [, article, paragraph = match[3] ? '1' : undefined, item, kanaId] = match;
  const kana = kanaId === undefined ? undefined : KANA_IDS.indexOf(kanaId);
  if (kana === -1 || (kanaId && !item)) return null;
  if (locale === 'ja') {
    return [
      `第 ${article} 条`,
      paragraph && `第 ${paragraph} 項`,
      item && `(${item})`,
      kana !== undefined && KANA[kana],
    ]
      .filter(Boolean)
      .join('');
  }
  return [
    `Article ${article}`,
    paragraph && `, paragraph ${paragraph}`,
    item && `, item (${item})`,
    kana !== undefined && `(${LATIN[kana]})`,
  ]
    .filter(Boolean)
    .join('');
}

function clauseLabel(level: number, n: number, parentId: string, locale: PolicyLocale, paragraph: number) {
  if (level === 1) return {id: `${parentId}-p${n}`, marker: `${n}.`};
  if (level === 2)
    return {id: paragraph === 1 ? `${parentId}-${n}` : `${parentId}-p${paragraph}-${n}`, marker: `(${n})`};
  const kanaId = KANA_IDS[n - 1] ?? String(n);
  return {id: `${parentId}-${kanaId}`, marker: locale === 'ja' ? (KANA[n - 1] ?? String(n)) : `(${LATIN[n - 1] ?? n})`};
}
