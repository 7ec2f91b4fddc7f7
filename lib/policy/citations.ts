import type {ListItem} from 'mdast';
import {visit} from 'unist-util-visit';
import {diagnostic, type Diagnostic} from './diagnostics';
import type {PolicyVersion} from './load';
import {clauseNumber} from './plugins/clauses';
import {idOf, ownText} from './plugins/tree';
import {currentIndex} from './schedule';
import type {PolicyDocument, PolicyLocale} from './types';

/** A clause of the policy that the site cites outside the text, declared once. */
export interface CitedClause {
  anchor: string;
  /** The clause's own heading in each language, as the text words it: what the citation quotes. */
  heading: Record<PolicyLocale, string>;
  /** Where the site cites it, for the checker's message (Japanese). */
  citedBy: string;
}

/**
 * Art. 2 (1) ウ 「Cookie 及び匿名 ID」: the Cookie banner on every page links to it and quotes it,
 * and so does the note of the cookie table (docs/legal-review.md #52 asks about the form).
 */
export const COOKIE_CLAUSE: CitedClause = {
  anchor: 'article-2-1-u',
  heading: {ja: 'Cookie 及び匿名 ID', en: 'Cookies and anonymous IDs'},
  citedBy: 'Cookie のバナー（全ページ）と Cookie 等の一覧の注記',
};

/** The clauses the site's own policy (content/privacy) must keep while the site cites them. */
export const SITE_CITED_CLAUSES: readonly CitedClause[] = [COOKIE_CLAUSE];

/** A citation's words: the clause's number and its heading, for a message's {clause} and {heading}. */
export function citationOf(clause: CitedClause, locale: PolicyLocale): {clause: string; heading: string} {
  return {clause: clauseNumber(clause.anchor, locale)!, heading: clause.heading[locale]};
}

/** The heading of a clause as the text words it: its first paragraph, without the marker the site draws. */
function headingOf(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? ownText(first).trim() : '';
}

function findClause(doc: PolicyDocument, anchor: string): ListItem | null {
  let found: ListItem | null = null;
  visit(doc.tree, 'listItem', (item) => {
    if (idOf(item) === anchor) found = item;
  });
  return found;
}

/**
 * The site links to the version /privacy shows, whichever it is: every version that is current on
 * `day` or will be must hold each cited clause at its anchor, under its heading, in both languages.
 * A version that moves, removes or renames one fails the checker and the build, not the visitor.
 * Versions already superseded are never shown at /privacy again.
 */
export function checkCitedClauses(
  versions: readonly PolicyVersion[],
  clauses: readonly CitedClause[],
  day: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const version of versions.slice(currentIndex(versions, day))) {
    for (const clause of clauses) {
      for (const locale of ['ja', 'en'] as const) {
        const doc = version.documents[locale];
        const item = findClause(doc, clause.anchor);
        const found = item ? headingOf(item) : null;
        if (found === clause.heading[locale]) continue;
        const article = doc.articles.find((a) => clause.anchor.startsWith(`${a.id}-`));
        const line = item?.position?.start.line ?? article?.line ?? doc.fieldLines.version ?? 1;
        out.push(
          diagnostic(doc.file, {line, column: 1}, 'cited-clause-changed', {
            version: version.version,
            citedBy: clause.citedBy,
            anchor: clause.anchor,
            number: clauseNumber(clause.anchor, locale)!,
            heading: clause.heading[locale],
            found,
          }),
        );
      }
    }
  }
  return out;
}
