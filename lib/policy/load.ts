import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {changedArticles, checkTranslation} from './check';
import {diagnostic, type Diagnostic, PolicyError} from './diagnostics';
import {parsePolicy} from './parse';
import type {PolicyDocument, PolicyLocale} from './types';

export const POLICY_LOCALES: readonly PolicyLocale[] = ['ja', 'en'];
export const ORIGINAL_LOCALE: PolicyLocale = 'ja';
export const DEFAULT_POLICY_DIR = path.join(process.cwd(), 'content', 'privacy');

export interface RevisionChanges {
  version: string;
  /** Article numbers that differ from the previous version; null when no earlier text is kept. */
  changedArticles: number[] | null;
}

export interface PolicySet {
  documents: Record<PolicyLocale, PolicyDocument>;
  /** For each locale, what each revision changed (oldest first). */
  changes: Record<PolicyLocale, RevisionChanges[]>;
  diagnostics: Diagnostic[];
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * Reads and checks every policy file of a directory: `<dir>/{ja,en}.mdx`, and the texts of earlier
 * versions kept as `<dir>/versions/<version>/{ja,en}.mdx`. The checker and the build both call this,
 * so "a valid policy" has one definition.
 */
export function readPolicySet(dir: string = DEFAULT_POLICY_DIR): PolicySet {
  const diagnostics: Diagnostic[] = [];
  const documents = {} as Record<PolicyLocale, PolicyDocument>;
  for (const locale of POLICY_LOCALES) {
    const file = path.join(dir, `${locale}.mdx`);
    if (!existsSync(file)) {
      diagnostics.push(diagnostic(relative(file), undefined, 'file-missing', {file: relative(file)}));
      continue;
    }
    documents[locale] = parsePolicy(readFileSync(file, 'utf8'), relative(file));
    diagnostics.push(...documents[locale].diagnostics);
  }
  const original = documents[ORIGINAL_LOCALE];
  // A translation is compared with an original that is itself correct: otherwise the original's
  // mistake would be reported a second time, as the translation's.
  const originalCorrect = original?.diagnostics.every((d) => d.severity !== 'error');
  for (const locale of POLICY_LOCALES) {
    const translation = documents[locale];
    if (original && originalCorrect && translation && locale !== ORIGINAL_LOCALE)
      diagnostics.push(...checkTranslation(original, translation));
  }
  const changes = {} as PolicySet['changes'];
  for (const locale of POLICY_LOCALES) {
    changes[locale] = documents[locale] ? revisionChanges(dir, documents[locale], diagnostics) : [];
  }
  return {documents, changes, diagnostics};
}

function revisionChanges(dir: string, current: PolicyDocument, diagnostics: Diagnostic[]): RevisionChanges[] {
  const revisions = current.frontmatter?.revisions ?? [];
  const versionsDir = path.join(dir, 'versions');
  const kept = existsSync(versionsDir) ? readdirSync(versionsDir) : [];
  for (const version of kept) {
    if (!revisions.some((r) => r.version === version) || version === current.frontmatter?.version) {
      diagnostics.push(
        diagnostic(relative(path.join(versionsDir, version)), undefined, 'unknown-version-text', {version}),
      );
    }
  }
  const textOf = (version: string) => {
    if (version === current.frontmatter?.version) return current;
    const file = path.join(versionsDir, version, `${current.locale}.mdx`);
    return existsSync(file) ? parsePolicy(readFileSync(file, 'utf8'), relative(file)) : null;
  };
  return revisions.map((revision, i) => {
    const previous = i > 0 ? textOf(revisions[i - 1]!.version) : null;
    const text = textOf(revision.version);
    return {
      version: revision.version,
      changedArticles: previous && text ? changedArticles(previous.articles, text.articles) : null,
    };
  });
}

const checked = new Map<string, {key: string; set: PolicySet}>();

/** Changes whenever a policy file of the directory (or a kept version) is edited, added or removed. */
function contentKey(dir: string): string {
  const stamp = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);
  const versions = path.join(dir, 'versions');
  const kept = existsSync(versions)
    ? readdirSync(versions).flatMap((v) =>
        POLICY_LOCALES.map((l) => `${v}/${l}:${stamp(path.join(versions, v, `${l}.mdx`))}`),
      )
    : [];
  return [...POLICY_LOCALES.map((l) => `${l}:${stamp(path.join(dir, `${l}.mdx`))}`), ...kept].join('|');
}

/**
 * The build's and the server's entry: the checked policy of one locale, or a PolicyError that fails
 * `next build`. Parsed once per content change — the consent route asks for the version on every
 * request — and again as soon as an editor saves a file (npm run dev).
 */
export function loadPolicy(locale: PolicyLocale, dir: string = DEFAULT_POLICY_DIR) {
  const key = contentKey(dir);
  let entry = checked.get(dir);
  if (entry?.key !== key) {
    entry = {key, set: readPolicySet(dir)};
    checked.set(dir, entry);
  }
  const {set} = entry;
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new PolicyError(errors);
  return {document: set.documents[locale], changes: set.changes[locale]};
}
