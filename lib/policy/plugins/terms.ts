import type {Parent, Root, Text} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {report, type Position} from '../diagnostics';
import type {DefinedTerm, PolicyLocale} from '../types';
import {idOf, inlineElement} from './tree';

const DEFINITION: Record<PolicyLocale, RegExp> = {
  ja: /「([^「」\n]{1,40})」(?=といい|をいい)/gu,
  en: /hereinafter(?: collectively)?,? (?:the )?“([^”\n]{1,60})”|“([^”\n]{1,60})” as defined/gu,
};

interface TextSite {
  node: Text;
  parent: Parent;
  articleId: string | null;
}

/** Text an editor wrote, outside headings, links and the elements we insert, grouped by article. */
function textSites(tree: Root): TextSite[] {
  const sites: TextSite[] = [];
  let articleId: string | null = null;
  for (const child of tree.children) {
    if (child.type === 'heading') {
      if (child.depth === 2) articleId = idOf(child);
      continue;
    }
    visit(child, (node, _index, parent) => {
      if (
        node.type === 'link' ||
        node.type === 'mdxJsxTextElement' ||
        node.type === 'mdxJsxFlowElement' ||
        node.type === 'heading'
      )
        return 'skip';
      if (node.type === 'text' && parent) sites.push({node, parent, articleId});
    });
  }
  return sites;
}

function positionAt(node: Text, index: number): Position {
  const start = node.position?.start ?? {line: 1, column: 1};
  const before = node.value.slice(0, index);
  const newlines = before.split('\n').length - 1;
  return newlines === 0
    ? {line: start.line, column: start.column + index}
    : {line: start.line + newlines, column: before.length - before.lastIndexOf('\n')};
}

/** Replaces a text node by pieces of itself, some of them wrapped in elements; the wording is unchanged. */
function splice(
  site: TextSite,
  cuts: {start: number; end: number; wrap: (value: string) => MdxJsxTextElement}[],
): void {
  if (cuts.length === 0) return;
  const {node, parent} = site;
  const pieces: (Text | MdxJsxTextElement)[] = [];
  let last = 0;
  for (const cut of cuts) {
    if (cut.start > last) pieces.push({type: 'text', value: node.value.slice(last, cut.start)});
    pieces.push(cut.wrap(node.value.slice(cut.start, cut.end)));
    last = cut.end;
  }
  if (last < node.value.length) pieces.push({type: 'text', value: node.value.slice(last)});
  parent.children.splice(parent.children.indexOf(node), 1, ...(pieces as Parent['children']));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the terms the text defines, wraps each defining occurrence in <dfn id="term-N"> and links
 * the first later use of the term itself (not of a longer word that starts with it) in each other
 * article to it — without changing one character of the wording.
 * Terms defined twice, and coined terms used but never defined, become warnings.
 */
export function remarkPolicyTerms() {
  return (tree: Root, file: VFile) => {
    const data = file.data.policy!;
    data.terms = annotateDefinedTerms(tree, data.locale, file);
    for (const term of data.terms) data.anchors.push({id: term.id, line: term.line, column: term.column});
  };
}

function annotateDefinedTerms(tree: Root, locale: PolicyLocale, file: VFile): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  const byName = new Map<string, DefinedTerm>();

  const definitionCuts: [TextSite, Parameters<typeof splice>[1]][] = [];
  for (const site of textSites(tree)) {
    const cuts: Parameters<typeof splice>[1] = [];
    definitionCuts.push([site, cuts]);
    for (const match of site.node.value.matchAll(DEFINITION[locale])) {
      const term = match[1] ?? match[2]!;
      const start = match.index + match[0].lastIndexOf(term);
      const at = positionAt(site.node, start);
      const existing = byName.get(term);
      if (existing) {
        report(file, at, 'term-defined-twice', {term, firstLine: existing.line});
        continue;
      }
      const defined: DefinedTerm = {id: `term-${terms.length + 1}`, term, ...at, articleId: site.articleId};
      terms.push(defined);
      byName.set(term, defined);
      cuts.push({start, end: start + term.length, wrap: (value) => inlineElement('dfn', {id: defined.id}, value)});
    }
  }
  // Warn while every text node still carries its source position; splicing drops them.
  if (locale === 'ja') warnUndefinedTerms(tree, byName, file);
  for (const [site, cuts] of definitionCuts) splice(site, cuts);
  if (terms.length > 0) linkTermUses(tree, terms, locale);
  return terms;
}

/**
 * What, right after a defined term, makes the words another term: 「利用者情報等」 is not 利用者情報, nor
 * 「個人情報ファイル」 個人情報 (docs/legal-review.md #8, #15). In Japanese, 等 or any further kanji or
 * katakana (a compound; 「本サービス上」 stays unlinked too, which reads nothing into the text); in
 * English, "etc." and the one compound the translation writes as words, "personal information files".
 */
const CONTINUES_THE_TERM: Record<PolicyLocale, RegExp> = {
  ja: /^[等\p{sc=Han}\p{sc=Katakana}ー]/u,
  en: /^(?:,? etc\.| files?\b)/u,
};

function linkTermUses(tree: Root, terms: DefinedTerm[], locale: PolicyLocale): void {
  const byName = new Map(terms.map((t) => [t.term, t]));
  const alternatives = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = locale === 'en' ? new RegExp(`\\b(?:${alternatives})\\b`, 'gu') : new RegExp(alternatives, 'gu');
  const linked = new Set<string>();
  for (const site of textSites(tree)) {
    const cuts: Parameters<typeof splice>[1] = [];
    for (const match of site.node.value.matchAll(pattern)) {
      const term = byName.get(match[0])!;
      const key = `${site.articleId}:${term.id}`;
      if (term.articleId === site.articleId || linked.has(key)) continue;
      if (CONTINUES_THE_TERM[locale].test(site.node.value.slice(match.index + match[0].length))) continue;
      linked.add(key);
      cuts.push({
        start: match.index,
        end: match.index + match[0].length,
        wrap: (value) => inlineElement('a', {href: `#${term.id}`, className: 'term-ref'}, value),
      });
    }
    splice(site, cuts);
  }
}

/**
 * Japanese drafting coins terms as 「本＋カタカナ」, 「当社＋カタカナ」 or 「定義語＋等」; such a word that is
 * never defined is a likely gap in the text (本ポリシー, 当社グループ, 利用者情報等).
 */
function warnUndefinedTerms(tree: Root, defined: Map<string, DefinedTerm>, file: VFile): void {
  const coined = [/本[ァ-ヴー]{2,}/gu, /当社[ァ-ヴー]{2,}/gu];
  const withEtc = [...defined.keys()]
    .filter((t) => !t.endsWith('等'))
    .map((t) => new RegExp(`${escapeRegExp(t)}等`, 'gu'));
  const reported = new Set<string>();
  visit(tree, 'text', (node) => {
    for (const pattern of [...coined, ...withEtc]) {
      for (const match of node.value.matchAll(pattern)) {
        const word = match[0];
        if (defined.has(word) || reported.has(word)) continue;
        reported.add(word);
        report(file, positionAt(node, match.index), 'term-undefined', {word});
      }
    }
  });
}
