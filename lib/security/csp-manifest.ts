import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {ConsentPolicyRecord} from '../consent/policy-record';
import type {Scheduled} from '../policy/schedule';

/**
 * What `npm run build` records for the page answers (scripts/csp-manifest.ts): the inline-script hashes of
 * every prerendered page and the ETag of the copy it is answered from
 * (lib/pages/prerendered.ts), and the route patterns of every page the app has.
 */

/** The hashes of a page's inline scripts and of the <style> elements its CSS was inlined into. */
export interface PageHashes {
  scripts: string[];
  styles: string[];
}

/** A prerendered page: its hashes, and the ETag of the copy it is answered from. */
export interface PrerenderedPage extends PageHashes {
  etag: string;
}

export interface CspManifest {
  prerendered: Record<string, PrerenderedPage>;
  /** Every page route of app/, as a pattern: "/[locale]/privacy/[epoch]". */
  pages: string[];
  /** Each policy's public base path and its versions' effective dates, for the epoch in force. */
  policies: {base: string; versions: Scheduled[]}[];
  /** CONSENT_COOKIE_DOMAIN as the build wrote it into the pages and the embed's data. */
  consentCookieDomain: string | null;
  /** The policy versions, text hashes and registry the pages were built with: what receipts are checked against. */
  consentPolicy: ConsentPolicyRecord;
}

export const CSP_MANIFEST_FILE = 'csp-manifest.json';

/** The build folder: NEXT_DIST_DIR lets npm test and npm run bench build beside the served build. */
export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next';
}

let loaded: CspManifest | null | undefined;

/** The manifest of the build being served, read once; null (and logged once) when it is missing. */
export function cspManifest(): CspManifest | null {
  if (loaded !== undefined) return loaded;
  const file = path.join(process.cwd(), distDir(), CSP_MANIFEST_FILE);
  if (!existsSync(file)) {
    console.error(
      `[csp] ${file} is missing: pages get a CSP without script hashes, so their inline scripts are blocked. Build with npm run build.`,
    );
    loaded = null;
  } else {
    loaded = JSON.parse(readFileSync(file, 'utf8')) as CspManifest;
  }
  return loaded;
}

/** True when a concrete route ("/en/privacy") is one of the app's page patterns ("/[locale]/privacy"). */
export function matchesPage(route: string, patterns: string[]): boolean {
  const parts = route.split('/').filter(Boolean);
  return patterns.some((pattern) => {
    const expected = pattern.split('/').filter(Boolean);
    if (expected.at(-1)?.startsWith('[...')) return parts.length >= expected.length;
    return (
      expected.length === parts.length &&
      expected.every((segment, i) => segment === parts[i] || /^\[[^.\]]+\]$/.test(segment))
    );
  });
}

/**
 * In development there is no build manifest: /privacy is the newest version of content/privacy
 * (read from its frontmatter on every request, so an editor's new version shows at once).
 */
export function developmentPolicies(): CspManifest['policies'] {
  const file = path.join(process.cwd(), 'content', 'privacy', 'ja.mdx');
  const version = existsSync(file) ? /^version:\s*"([^"]+)"/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
  return version ? [{base: '/privacy', versions: [{version, effectiveDate: null}]}] : [];
}
