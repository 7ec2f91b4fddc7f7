import type {Root} from 'mdast';
import type {Diagnostic} from './diagnostics';
import type {PolicyFrontmatter} from './frontmatter';

export type PolicyLocale = 'ja' | 'en';

export interface Anchor {
  id: string;
  line: number;
  column: number;
}

export interface Article {
  id: string;
  number: number;
  /** The heading as written, e.g. 第 2 条（当社が取得する情報及びその取得方法）. */
  heading: string;
  /** The title inside the brackets, e.g. 当社が取得する情報及びその取得方法. */
  title: string;
  line: number;
  /** The article's whole text, used to tell which articles a revision changed. */
  text: string;
}

/** A term the policy defines inline: （以下「利用者」といいます。） / (hereinafter “Users”). */
export interface DefinedTerm {
  id: string;
  term: string;
  line: number;
  column: number;
  /** The article that defines it, or null for the preamble. */
  articleId: string | null;
}

/** What the plugins learn about the file, passed from one to the next on `file.data.policy`. */
export interface PolicyData {
  locale: PolicyLocale;
  frontmatter: PolicyFrontmatter | null;
  /** The line of each top-level frontmatter field, for messages about it. */
  fieldLines: Record<string, number>;
  title: string;
  articles: Article[];
  anchors: Anchor[];
  terms: DefinedTerm[];
}

declare module 'vfile' {
  interface DataMap {
    policy: PolicyData;
  }
}

export interface PolicyDocument extends PolicyData {
  file: string;
  /** The annotated tree (ids, markers, defined terms), ready to render. */
  tree: Root;
  diagnostics: Diagnostic[];
}
