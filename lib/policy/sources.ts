import path from 'node:path';
import {loadPolicyHistory, type PolicyVersion} from './load';
import {epochByName, epochNames, statusOf, type VersionStatus} from './schedule';

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
 * The pages are prerendered once per "epoch" (lib/policy/schedule.ts: epochNames) so that each
 * page's statuses (in force, superseded, upcoming) are right for its epoch; the page plan serves
 * the epoch of the current day.
 */
export function epochs(source: PolicySource): string[] {
  return epochNames(loadPolicyHistory(source.dir));
}

/** Every version's number, oldest first: each has its own page in every epoch. */
export function versionNumbers(source: PolicySource): string[] {
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

/** What an epoch's pages show: the same on every day of it. */
export function epochView(source: PolicySource, epoch: string): EpochView | null {
  const versions = loadPolicyHistory(source.dir);
  const found = epochByName(versions, epoch);
  if (!found) return null;
  const {current, day} = found;
  const status = (version: PolicyVersion) => statusOf(versions, versions.indexOf(version), current, day);
  return {
    versions,
    current: versions[current]!,
    status,
    upcoming: versions.slice(current + 1).filter((v) => status(v) === 'upcoming'),
  };
}

/** The version before this one, for the comparison page. */
export function previousVersion(view: EpochView, version: PolicyVersion): PolicyVersion | null {
  const index = view.versions.indexOf(version);
  return index > 0 ? view.versions[index - 1]! : null;
}
