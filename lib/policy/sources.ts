import path from 'node:path';
import {loadPolicyHistory, type PolicyVersion} from './load';
import {statusOf, type VersionStatus} from './schedule';

/**
 * A policy folder and where the site publishes it. The site has one, content/privacy at /privacy;
 * npm test's build adds a fixture history (tests/fixtures/policy-history) with several versions.
 */
export interface PolicySource {
  dir: string;
  /** The public path without the locale prefix: /privacy. */
  base: string;
}

export const SITE_POLICY: PolicySource = {dir: path.join(process.cwd(), 'content', 'privacy'), base: '/privacy'};

/**
 * The pages are prerendered once per "epoch" — per version that is current for a while — so that
 * each page's statuses (in force, superseded, upcoming) are right for its epoch; the proxy serves
 * the epoch of the current day. An epoch is named by the version current during it.
 */
export function epochs(source: PolicySource): string[] {
  return loadPolicyHistory(source.dir).map((v) => v.version);
}

export interface EpochView {
  versions: PolicyVersion[];
  /** The version the site shows as current during the epoch (in force, or published without a date). */
  current: PolicyVersion;
  status: (version: PolicyVersion) => VersionStatus;
  /** The dated versions after the current one: published, announced, not yet in force. */
  upcoming: PolicyVersion[];
}

export function epochView(source: PolicySource, epoch: string): EpochView | null {
  const versions = loadPolicyHistory(source.dir);
  const index = versions.findIndex((v) => v.version === epoch);
  if (index < 0) return null;
  const status = (version: PolicyVersion) => statusOf(versions, versions.indexOf(version), index);
  return {
    versions,
    current: versions[index]!,
    status,
    upcoming: versions.slice(index + 1).filter((v) => status(v) === 'upcoming'),
  };
}

/** The version before this one, for the comparison page. */
export function previousVersion(view: EpochView, version: PolicyVersion): PolicyVersion | null {
  const index = view.versions.indexOf(version);
  return index > 0 ? view.versions[index - 1]! : null;
}
