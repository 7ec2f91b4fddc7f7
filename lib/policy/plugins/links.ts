import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {hasReported, report, type Position} from '../diagnostics';

/** Anchors the page itself renders around the policy body, so in-page links to them are valid. */
export const PAGE_ANCHORS = ['toc', 'glossary', 'revisions'] as const;

const MAILTO =
  /^mailto:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Every link goes somewhere safe and real: https, a site path, a well-formed mailto: or an anchor
 * that exists; and no two anchors share an id.
 */
export function remarkPolicyLinks() {
  return (tree: Root, file: VFile) => {
    const {anchors} = file.data.policy!;
    // A misnumbered article or item also duplicates the anchors after it; its cause is reported.
    const numberingWrong = hasReported(file, 'article-order', 'item-order', 'fullwidth-number');
    const seen = new Map<string, {line: number}>();
    for (const anchor of anchors) {
      const first = seen.get(anchor.id);
      if (!first) seen.set(anchor.id, anchor);
      else if (!numberingWrong) report(file, anchor, 'duplicate-anchor', {id: anchor.id, firstLine: first.line});
    }
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
      checkUrl(node.url, node.position?.start, file);
      if (node.type === 'link' && node.url.startsWith('#')) {
        const id = decodeURIComponent(node.url.slice(1));
        if (!seen.has(id) && !(PAGE_ANCHORS as readonly string[]).includes(id)) {
          report(file, node.position?.start, 'broken-anchor', {url: node.url});
        }
      }
    });
  };
}

function checkUrl(url: string, at: Position | undefined, file: VFile): void {
  const normalized = url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  if (/^(javascript|vbscript|data):/.test(normalized)) report(file, at, 'unsafe-url', {url});
  else if (normalized.startsWith('mailto:') && !MAILTO.test(url)) report(file, at, 'bad-mailto', {url});
  else if (!/^(https?:|mailto:|#|\/)/.test(normalized)) report(file, at, 'bad-url', {url});
}
