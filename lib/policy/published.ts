import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {checkYaml} from '../yaml-check';
import {diagnostic, type Diagnostic} from './diagnostics';
import type {PolicyVersion} from './load';
import type {PolicyLocale} from './types';

/**
 * The record of publication: `published.yaml` beside the policy files, committed with them. A
 * version is *published* once its SHA-256 is recorded there, which `npm run policy:publish` does
 * when legal staff release a version whose effective date is decided (docs/editing-policy.md §5).
 * From then on its text cannot change under its number, current or archived: a correction is a new
 * version. Before that — while it is drafted and reviewed — the newest version may be edited.
 */
export const PUBLISHED_RECORD = 'published.yaml';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const recordSchema = z.array(
  z.strictObject({version: z.string().regex(/^\d+\.\d+\.\d+$/), sha256: z.strictObject({ja: sha256, en: sha256})}),
);

export interface PublishedEntry {
  version: string;
  sha256: Record<PolicyLocale, string>;
  line: number;
}

export interface PublishedRecord {
  /** The record's path, as messages name it. */
  file: string;
  entries: PublishedEntry[];
}

/** The record of a policy folder (none yet: no entries), every problem at its line. */
export function readPublishedRecord(
  dir: string,
  relative: (file: string) => string,
): {record: PublishedRecord; diagnostics: Diagnostic[]} {
  const file = relative(path.join(dir, PUBLISHED_RECORD));
  const record: PublishedRecord = {file, entries: []};
  if (!existsSync(path.join(dir, PUBLISHED_RECORD))) return {record, diagnostics: []};
  const checked = checkYaml(readFileSync(path.join(dir, PUBLISHED_RECORD), 'utf8'), recordSchema);
  if ('yamlError' in checked) {
    const reason = 'YAML として読めません';
    return {record, diagnostics: [diagnostic(file, checked.yamlError.at, 'published-record-invalid', {reason})]};
  }
  if ('issues' in checked) {
    const [{at, path: field}] = checked.issues as [(typeof checked.issues)[number]];
    const reason = `「${field || '(全体)'}」の形が正しくありません`;
    return {record, diagnostics: [diagnostic(file, at, 'published-record-invalid', {reason})]};
  }
  record.entries = checked.data.map((entry, i) => ({...entry, line: checked.lineOf([i, 'version']).line}));
  return {record, diagnostics: []};
}

/**
 * What the record asks of the versions: every recorded text unchanged,
 * the newest version recorded once it is dated, and a new version never dated before the day it is
 * published (its announcement, Art. 9-2, comes first; the version before it keeps its period). The
 * first version may carry any date: the policy may have governed the service before this site.
 * `alreadyReported` holds the files whose archive hash already failed: one message per edit.
 */
export function checkPublished(
  versions: readonly PolicyVersion[],
  revisions: readonly string[],
  record: PublishedRecord,
  today: string,
  alreadyReported: ReadonlySet<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const entry of record.entries) {
    const at = {line: entry.line, column: 1};
    if (!revisions.includes(entry.version) || seen.has(entry.version)) {
      const reason = seen.has(entry.version)
        ? `バージョン ${entry.version} が 2 回記録されています`
        : `バージョン ${entry.version} は改定履歴（revisions）にありません`;
      out.push(diagnostic(record.file, at, 'published-record-invalid', {reason}));
    }
    seen.add(entry.version);
  }
  versions.forEach((version, index) => {
    const entry = record.entries.find((e) => e.version === version.version);
    const ja = version.documents.ja;
    const versionLine = (locale: PolicyLocale) => ({
      line: version.documents[locale].fieldLines.version ?? 1,
      column: 1,
    });
    if (entry) {
      for (const locale of ['ja', 'en'] as const) {
        const file = version.documents[locale].file;
        if (entry.sha256[locale] === version.sha256[locale] || alreadyReported.has(file)) continue;
        out.push(
          diagnostic(file, versionLine(locale), 'published-text-changed', {
            version: version.version,
            record: record.file,
            recorded: entry.sha256[locale],
            actual: version.sha256[locale],
          }),
        );
      }
      return;
    }
    if (version.archived || !version.effectiveDate) return;
    out.push(
      diagnostic(ja.file, versionLine('ja'), 'published-record-missing', {
        version: version.version,
        record: record.file,
      }),
    );
    if (index > 0 && version.effectiveDate < today) {
      out.push(
        diagnostic(ja.file, {line: ja.fieldLines.effectiveDate ?? 1, column: 1}, 'effective-date-past', {
          version: version.version,
          date: version.effectiveDate,
          today,
        }),
      );
    }
  });
  return out;
}
