import {diffArrays, diffChars, diffWordsWithSpace} from 'diff';
import type {List, ListItem, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {idOf, ownText} from './plugins/tree';
import type {PolicyDocument, PolicyLocale} from './types';

/**
 * What changed between two versions of the policy: everything a version publishes. First what comes
 * before the articles — the page's title and description (the browser tab, search results), the
 * policy's title and its preamble (in English, the translation notice too) — then article by article
 * and, within an article, clause by clause (matched by their stable anchors). A changed block is
 * compared sentence by sentence, and a changed sentence character by character (word by word in
 * English): Japanese has no spaces between words. The diff itself is jsdiff's.
 */
export type ChangeStatus = 'unchanged' | 'changed' | 'added' | 'removed';
export interface Segment {
  kind: 'same' | 'ins' | 'del';
  text: string;
}
/** The parts before the articles, each named on the changes page. */
export type FrontPart = 'pageTitle' | 'pageDescription' | 'title' | 'translationNotice' | 'preamble';
export interface BlockChange {
  id: string;
  marker: string;
  /** Set on the blocks before the articles. */
  part?: FrontPart;
  status: ChangeStatus;
  segments: Segment[];
}
export interface ArticleChange {
  id: string;
  number: number;
  status: ChangeStatus;
  heading: Segment[];
  blocks: BlockChange[];
}
export interface PolicyChanges {
  /** The blocks before the articles; changed when any of them is. */
  front: {status: 'changed' | 'unchanged'; blocks: BlockChange[]};
  articles: ArticleChange[];
}

interface Block {
  id: string;
  marker: string;
  part?: FrontPart;
  text: string;
}

function markerOf(item: ListItem): string {
  const first = item.children[0];
  const span = first && 'children' in first ? first.children.find((c) => c.type === 'mdxJsxTextElement') : undefined;
  return span ? toString(span) : '';
}

/** The text of a block of the preamble, a line per paragraph and list item (the translation notice has both). */
function flowText(node: RootContent): string {
  if (!('children' in node)) return 'value' in node && typeof node.value === 'string' ? node.value : '';
  const flow = node.type === 'mdxJsxFlowElement' || node.type === 'list' || node.type === 'listItem';
  return (node.children as RootContent[]).map(flowText).join(flow ? '\n' : '');
}

/** What comes before the first article: the frontmatter a page shows, the title and the preamble. */
function frontBlocksOf(doc: PolicyDocument): Block[] {
  const blocks: Block[] = [
    {id: 'page-title', marker: '', part: 'pageTitle', text: doc.frontmatter?.title ?? ''},
    {id: 'page-description', marker: '', part: 'pageDescription', text: doc.frontmatter?.description ?? ''},
    {id: 'policy-title', marker: '', part: 'title', text: doc.title},
  ];
  let paragraphs = 0;
  for (const node of doc.tree.children) {
    if (node.type === 'heading' && node.depth === 2) break;
    if (node.type === 'mdxJsxFlowElement' && node.name === 'TranslationNotice') {
      blocks.push({id: 'translation-notice', marker: '', part: 'translationNotice', text: flowText(node)});
    } else if (node.type === 'paragraph') {
      blocks.push({id: `preamble-${++paragraphs}`, marker: '', part: 'preamble', text: flowText(node)});
    }
  }
  return blocks;
}

/** Each article's blocks: its clauses (by anchor) and its unnumbered paragraphs (by position). */
function blocksOf(doc: PolicyDocument): Map<string, Block[]> {
  const articles = new Map<string, Block[]>();
  let current: Block[] | null = null;
  let paragraphs = 0;
  const addList = (list: List) => {
    for (const item of list.children) {
      const text = item.children.map(ownText).filter(Boolean).join('\n');
      current!.push({id: idOf(item), marker: markerOf(item), text});
      for (const child of item.children) if (child.type === 'list') addList(child);
    }
  };
  for (const node of doc.tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = [];
      paragraphs = 0;
      articles.set(idOf(node), current);
    } else if (current && node.type === 'list') {
      addList(node);
    } else if (current && (node.type === 'paragraph' || node.type === 'mdxJsxFlowElement')) {
      const text = ownText(node);
      if (text.trim()) current.push({id: `${[...articles.keys()].at(-1)}-text-${++paragraphs}`, marker: '', text});
    }
  }
  return articles;
}

const sentences = (text: string) => text.split(/(?<=[。．])|(?<=[.!?])(?=\s)/u).filter((s) => s !== '');

/** Sentences first; a run of removed sentences followed by added ones is compared within. */
function diffText(before: string, after: string, locale: PolicyLocale): Segment[] {
  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], text: string) => {
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text) segments.push({kind, text});
  };
  const parts = diffArrays(sentences(before), sentences(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const within = locale === 'ja' ? diffChars : diffWordsWithSpace;
      for (const c of within(part.value.join(''), next.value.join(''))) {
        push(c.added ? 'ins' : c.removed ? 'del' : 'same', c.value);
      }
      i++;
    } else {
      push(part.added ? 'ins' : part.removed ? 'del' : 'same', part.value.join(''));
    }
  }
  return segments;
}

function compareBlocks(before: Block[], after: Block[], locale: PolicyLocale): BlockChange[] {
  const old = new Map(before.map((b) => [b.id, b]));
  const changes: BlockChange[] = [];
  const seen = new Set<string>();
  for (const block of after) {
    const previous = old.get(block.id);
    seen.add(block.id);
    if (!previous) changes.push({...block, status: 'added', segments: [{kind: 'ins', text: block.text}]});
    else if (previous.text === block.text)
      changes.push({...block, status: 'unchanged', segments: [{kind: 'same', text: block.text}]});
    else changes.push({...block, status: 'changed', segments: diffText(previous.text, block.text, locale)});
  }
  for (const block of before) {
    if (!seen.has(block.id)) changes.push({...block, status: 'removed', segments: [{kind: 'del', text: block.text}]});
  }
  return changes;
}

export function comparePolicies(before: PolicyDocument, after: PolicyDocument): PolicyChanges {
  const locale = after.locale;
  const front = compareBlocks(frontBlocksOf(before), frontBlocksOf(after), locale);
  return {
    front: {status: front.every((b) => b.status === 'unchanged') ? 'unchanged' : 'changed', blocks: front},
    articles: compareArticles(before, after, locale),
  };
}

function compareArticles(before: PolicyDocument, after: PolicyDocument, locale: PolicyLocale): ArticleChange[] {
  const oldBlocks = blocksOf(before);
  const newBlocks = blocksOf(after);
  const oldArticles = new Map(before.articles.map((a) => [a.id, a]));
  const changes: ArticleChange[] = [];
  for (const article of after.articles) {
    const previous = oldArticles.get(article.id);
    if (!previous) {
      const blocks = compareBlocks([], newBlocks.get(article.id) ?? [], locale);
      changes.push({
        id: article.id,
        number: article.number,
        status: 'added',
        heading: [{kind: 'ins', text: article.heading}],
        blocks,
      });
      continue;
    }
    const blocks = compareBlocks(oldBlocks.get(article.id) ?? [], newBlocks.get(article.id) ?? [], locale);
    const headingChanged = previous.heading !== article.heading;
    const status = headingChanged || blocks.some((b) => b.status !== 'unchanged') ? 'changed' : 'unchanged';
    const heading = headingChanged
      ? diffText(previous.heading, article.heading, locale)
      : [{kind: 'same' as const, text: article.heading}];
    changes.push({id: article.id, number: article.number, status, heading, blocks});
  }
  for (const article of before.articles) {
    if (oldArticles.has(article.id) && !after.articles.some((a) => a.id === article.id)) {
      const blocks = compareBlocks(oldBlocks.get(article.id) ?? [], [], locale);
      changes.push({
        id: article.id,
        number: article.number,
        status: 'removed',
        heading: [{kind: 'del', text: article.heading}],
        blocks,
      });
    }
  }
  return changes.sort((a, b) => a.number - b.number);
}
