import {readPolicyHistory} from '@/lib/policy/load';
import {currentIndex, japanDay} from '@/lib/policy/schedule';
import type {PolicyDocument, PolicyLocale} from '@/lib/policy/types';

/**
 * A published version of the site's policy, wherever it lives: content/privacy/{ja,en}.mdx while it
 * is the newest, content/privacy/versions/<version>/ once legal staff have published the next one.
 * Tests of the real content read the record through this, so publishing a version never breaks them.
 */
export function recordedVersion(version: string): Record<PolicyLocale, PolicyDocument> {
  const found = readPolicyHistory().versions.find((v) => v.version === version);
  if (!found) throw new Error(`Version ${version} is not in the policy's record (content/privacy).`);
  return found.documents;
}

/** The first version: the source text (tests/fixtures/source), reproduced verbatim. */
export const FIRST_VERSION = '1.0.0';

/**
 * The site's record as the proxy serves it today: every version, and the one /privacy shows (the
 * newest whose effective date has come, or the first). Legal staff may have published a version
 * that is still upcoming, so the newest is not always the one shown.
 */
export function recordToday(now = Date.now()) {
  const versions = readPolicyHistory().versions;
  const index = currentIndex(versions, japanDay(now));
  return {versions, shown: versions[index]!, shownIndex: index};
}
