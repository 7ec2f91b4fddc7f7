import {diagnostic, type Diagnostic} from './diagnostics';
import type {PolicyDocument} from './types';

/** Anchors of structure (articles and items); defined-term anchors differ between languages by nature. */
export function structuralAnchors(doc: PolicyDocument) {
  return doc.anchors.filter((a) => !a.id.startsWith('term-'));
}

/**
 * The translation must mirror the original (the Japanese file): the same anchors in the same order,
 * and the same version, effective date and revision list, so a link or a citation works in both.
 */
export function checkTranslation(original: PolicyDocument, translation: PolicyDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = translation.file;
  const expected = structuralAnchors(original);
  const actual = structuralAnchors(translation);
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const want = expected[i];
    const got = actual[i];
    if (want?.id === got?.id) continue;
    const at = got ?? actual.at(-1);
    out.push(
      diagnostic(file, at, 'translation-anchors', {
        original: original.file,
        ...(want ? {expected: {id: want.id, line: want.line}} : {}),
        ...(got ? {found: got.id} : {}),
      }),
    );
    break; // One structural difference shifts everything after it; report the first.
  }
  const a = original.frontmatter;
  const b = translation.frontmatter;
  if (a && b) {
    const unset = '未設定';
    const revisions = (fm: typeof a) =>
      fm.revisions.map((r) => `${r.version}@${r.date ?? unset}${r.reconsent ? '!' : ''}`).join(',');
    const fields = [
      ['version', a.version, b.version],
      ['effectiveDate', a.effectiveDate ?? unset, b.effectiveDate ?? unset],
      ['lastUpdated', a.lastUpdated ?? unset, b.lastUpdated ?? unset],
      ['revisions', revisions(a), revisions(b)],
    ] as const;
    for (const [field, want, got] of fields) {
      if (want === got) continue;
      out.push(
        diagnostic(file, {line: translation.fieldLines[field] ?? 1, column: 1}, 'translation-frontmatter', {
          original: original.file,
          field,
          want,
          got,
        }),
      );
    }
  }
  return out;
}
