import 'server-only';
import {consentBaselineVersion} from '@/lib/policy/frontmatter';
import {loadPolicy, ORIGINAL_LOCALE} from '@/lib/policy/load';
import type {ConsentPolicy} from './record';

/** The policy versions a choice is checked against, from the original's frontmatter. */
export function currentConsentPolicy(): ConsentPolicy {
  const frontmatter = loadPolicy(ORIGINAL_LOCALE).document.frontmatter!;
  return {version: frontmatter.version, baseline: consentBaselineVersion(frontmatter)};
}

/** Google Consent Mode v2 is wired when a Google tag id is configured at build time. */
export const GTAG_ID = process.env.NEXT_PUBLIC_GTAG_ID ?? '';
