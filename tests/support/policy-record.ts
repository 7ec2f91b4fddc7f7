import {readPolicyHistory} from '@/lib/policy/load';
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
