import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {checkTranslation} from './check';
import {checkCitedClauses, SITE_CITED_CLAUSES, type CitedClause} from './citations';
import {diagnostic, type Diagnostic, PolicyError} from './diagnostics';
import type {Revision} from './frontmatter';
import {parsePolicy} from './parse';
import {checkPublication} from './publication';
import {checkPublished, PUBLISHED_RECORD, readPublishedRecord} from './published';
import type {RuleCode} from './rules';
import {japanDay} from './schedule';
import type {PolicyDocument, PolicyLocale} from './types';

export const POLICY_LOCALES: readonly PolicyLocale[] = ['ja', 'en'];
export const ORIGINAL_LOCALE: PolicyLocale = 'ja';
export const DEFAULT_POLICY_DIR = path.join(process.cwd(), 'content', 'privacy');

/** One version of the policy: its revision entry and, in each language, its text and fingerprint. */
export interface PolicyVersion {
  version: string;
  revision: Revision;
  documents: Record<PolicyLocale, PolicyDocument>;
  /** SHA-256 of each language's file, as kept: what an archived page shows and a receipt names. */
  sha256: Record<PolicyLocale, string>;
  /** From the version's own frontmatter; null while legal staff have not set it. */
  effectiveDate: string | null;
  /** Kept under versions/ (true for every version but the newest). */
  archived: boolean;
}

/** The policy's record: every version, oldest first, as the newest file's revision list orders them. */
export interface PolicyHistory {
  versions: PolicyVersion[];
  diagnostics: Diagnostic[];
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Parses both languages of one version's folder, checking the translation against the original. */
function readVersionFiles(dir: string, diagnostics: Diagnostic[]) {
  const documents = {} as Partial<Record<PolicyLocale, PolicyDocument>>;
  const hashes = {} as Record<PolicyLocale, string>;
  for (const locale of POLICY_LOCALES) {
    const file = path.join(dir, `${locale}.mdx`);
    if (!existsSync(file)) {
      diagnostics.push(diagnostic(relative(file), undefined, 'file-missing', {file: relative(file)}));
      continue;
    }
    const text = readFileSync(file, 'utf8');
    documents[locale] = parsePolicy(text, relative(file));
    hashes[locale] = sha256(text);
    diagnostics.push(...documents[locale].diagnostics);
  }
  const original = documents[ORIGINAL_LOCALE];
  // A translation is compared with an original that is itself correct: otherwise the original's
  // mistake would be reported a second time, as the translation's.
  const originalCorrect = original?.diagnostics.every((d) => d.severity !== 'error');
  for (const locale of POLICY_LOCALES) {
    const translation = documents[locale];
    if (original && originalCorrect && translation && locale !== ORIGINAL_LOCALE) {
      diagnostics.push(...checkTranslation(original, translation));
    }
  }
  return {documents, hashes};
}

export interface HistoryChecks {
  /**
   * The clauses the site cites (the Cookie banner's 第 2 条第 1 項(1)ウ): by default those of the
   * site's own policy folder, none for another; `npm run policy:check` checks a copy of it as the site's.
   */
  citedClauses?: readonly CitedClause[];
}

/**
 * Reads and checks a policy folder: `<dir>/{ja,en}.mdx` (the newest version) and every earlier
 * version kept as `<dir>/versions/<version>/{ja,en}.mdx`, each matching the SHA-256 recorded when
 * it was archived, and every published version matching the record of publication
 * (`<dir>/published.yaml`). The checker and the build both call this, so "a valid policy" has one
 * definition. What depends on the day (a date in the past, which versions are still to be shown)
 * is judged on today's date in Japan.
 */
export function readPolicyHistory(dir: string = DEFAULT_POLICY_DIR, checks: HistoryChecks = {}): PolicyHistory {
  const citedClauses = checks.citedClauses ?? (path.resolve(dir) === DEFAULT_POLICY_DIR ? SITE_CITED_CLAUSES : []);
  const today = japanDay(Date.now());
  const diagnostics: Diagnostic[] = [];
  const newest = readVersionFiles(dir, diagnostics);
  const frontmatter = newest.documents[ORIGINAL_LOCALE]?.frontmatter;
  if (!frontmatter || !newest.documents.en) return {versions: [], diagnostics};

  const versionsDir = path.join(dir, 'versions');
  const kept = existsSync(versionsDir) ? readdirSync(versionsDir) : [];
  for (const version of kept) {
    if (!frontmatter.revisions.some((r) => r.version === version) || version === frontmatter.version) {
      diagnostics.push(
        diagnostic(relative(path.join(versionsDir, version)), undefined, 'unknown-version-text', {version}),
      );
    }
  }

  const versions: PolicyVersion[] = [];
  const archiveChanged = new Set<string>();
  for (const revision of frontmatter.revisions) {
    const archived = revision.version !== frontmatter.version;
    const folder = archived ? path.join(versionsDir, revision.version) : dir;
    if (archived && !existsSync(folder)) {
      const file = relative(path.join(folder, `${ORIGINAL_LOCALE}.mdx`));
      diagnostics.push(diagnostic(file, undefined, 'archive-missing', {version: revision.version, file}));
      continue;
    }
    // A kept text can no longer change: only its errors (a damaged archive) concern legal staff, not
    // the warnings they already saw when it was current.
    const archivedDiagnostics: Diagnostic[] = [];
    const {documents, hashes} = archived ? readVersionFiles(folder, archivedDiagnostics) : newest;
    diagnostics.push(...archivedDiagnostics.filter((d) => d.severity === 'error'));
    if (!documents.ja || !documents.en) continue;
    if (archived) {
      for (const changed of checkArchivedHashes(revision, hashes, folder)) {
        diagnostics.push(changed);
        archiveChanged.add(changed.file);
      }
    }
    versions.push({
      version: revision.version,
      revision,
      documents: documents as Record<PolicyLocale, PolicyDocument>,
      sha256: hashes,
      effectiveDate: documents.ja.frontmatter?.effectiveDate ?? null,
      archived,
    });
  }
  checkEffectiveDates(versions, diagnostics);
  const published = readPublishedRecord(dir, relative);
  diagnostics.push(...published.diagnostics);
  const revisions = frontmatter.revisions.map((r) => r.version);
  diagnostics.push(...checkPublished(versions, revisions, published.record, today, archiveChanged));
  diagnostics.push(...checkCitedClauses(versions, citedClauses, today));
  // What the APPI asks to publish is assessed on the newest Japanese text, the one legal staff edit.
  const original = newest.documents[ORIGINAL_LOCALE];
  if (original) diagnostics.push(...checkPublication(original));
  return {versions, diagnostics};
}

/** The archive is append-only: a kept text must still be the text whose fingerprint was recorded. */
function checkArchivedHashes(revision: Revision, hashes: Record<PolicyLocale, string>, folder: string): Diagnostic[] {
  return POLICY_LOCALES.flatMap((locale) => {
    const file = relative(path.join(folder, `${locale}.mdx`));
    const recorded = revision.sha256?.[locale];
    if (!recorded) return [diagnostic(file, undefined, 'archive-hash-missing', {version: revision.version})];
    if (recorded === hashes[locale]) return [];
    return [
      diagnostic(file, undefined, 'archive-hash-mismatch', {
        version: revision.version,
        recorded,
        actual: hashes[locale],
      }),
    ];
  });
}

/**
 * Dates decide which version is current (lib/policy/schedule.ts): every version after the first
 * needs one, later than the one before it, so a new text never replaces the current one unannounced.
 */
function checkEffectiveDates(versions: PolicyVersion[], diagnostics: Diagnostic[]) {
  let previous: PolicyVersion | null = null;
  versions.forEach((version, index) => {
    if (index > 0 && !version.effectiveDate) {
      const doc = version.documents.ja;
      // The error says what the "unset" warning would, and more: one message, not two.
      const warning = diagnostics.findIndex((d) => d.code === 'effective-date-unset' && d.file === doc.file);
      if (warning >= 0) diagnostics.splice(warning, 1);
      diagnostics.push(
        diagnostic(doc.file, {line: doc.fieldLines.version ?? 1, column: 1}, 'effective-date-required', {
          version: version.version,
          previous: versions[index - 1]!.version,
        }),
      );
    }
  });
  for (const version of versions) {
    if (version.effectiveDate && previous?.effectiveDate && version.effectiveDate <= previous.effectiveDate) {
      const doc = version.documents.ja;
      diagnostics.push(
        diagnostic(doc.file, {line: doc.fieldLines.effectiveDate ?? 1, column: 1}, 'effective-date-order', {
          version: version.version,
          date: version.effectiveDate,
          previous: previous.effectiveDate,
        }),
      );
    }
    if (version.effectiveDate) previous = version;
  }
}

/**
 * `npm run dev` previews a new version whose effective date is not decided yet, as a draft (it never
 * becomes current); `next build` and `npm run policy:check` refuse it.
 */
function isDraftPreview(d: Diagnostic): boolean {
  return d.code === 'effective-date-required' && process.env.NODE_ENV === 'development';
}

/**
 * Refused by `npm run policy:check`, which every build runs first, and never thrown here: whether a
 * date is past depends on the day, and the running site, which reads the record too (the consent
 * routes), must not start failing because a day went by.
 */
const CHECKER_ONLY: ReadonlySet<RuleCode> = new Set(['effective-date-past']);

const checked = new Map<string, {key: string; history: PolicyHistory}>();

/**
 * Changes whenever a policy file of the directory (a kept version, the record of publication) is
 * edited, added or removed, and each day (what is checked depends on it).
 */
function contentKey(dir: string): string {
  const stamp = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);
  const versions = path.join(dir, 'versions');
  const kept = existsSync(versions)
    ? readdirSync(versions).flatMap((v) =>
        POLICY_LOCALES.map((l) => `${v}/${l}:${stamp(path.join(versions, v, `${l}.mdx`))}`),
      )
    : [];
  return [
    japanDay(Date.now()),
    `${PUBLISHED_RECORD}:${stamp(path.join(dir, PUBLISHED_RECORD))}`,
    ...POLICY_LOCALES.map((l) => `${l}:${stamp(path.join(dir, `${l}.mdx`))}`),
    ...kept,
  ].join('|');
}

/**
 * The build's and the server's entry: the checked history of a policy folder, or a PolicyError
 * that fails `next build`. Parsed once per content change, and again as soon as an editor saves a
 * file (npm run dev).
 */
export function loadPolicyHistory(dir: string = DEFAULT_POLICY_DIR): PolicyVersion[] {
  const key = contentKey(dir);
  let entry = checked.get(dir);
  if (entry?.key !== key) {
    entry = {key, history: readPolicyHistory(dir)};
    checked.set(dir, entry);
  }
  const errors = entry.history.diagnostics.filter(
    (d) => d.severity === 'error' && !isDraftPreview(d) && !CHECKER_ONLY.has(d.code),
  );
  if (errors.length > 0) throw new PolicyError(errors);
  return entry.history.versions;
}
