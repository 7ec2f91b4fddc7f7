import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ConsentPolicyRecord} from '@/lib/consent/policy-record';
import {CSP_MANIFEST_FILE} from '@/lib/security/csp-manifest';
import {tempDir} from '../support/temp-dirs';

// A production server checks receipts against the policy and registry its pages were built with
// (the build's manifest), never against content/ as it is at run time, and its consent routes do
// not load the MDX pipeline for it (issue 29: the first consent after a start).
const DAY = 24 * 60 * 60 * 1000;
const BUILT: ConsentPolicyRecord = {
  schedule: [
    {version: '1.0.0', effective: Date.UTC(2020, 0, 1), reconsent: false},
    {version: '1.1.0', effective: Date.UTC(2021, 0, 1), reconsent: true},
    {version: '2.0.0', effective: Date.UTC(2999, 0, 1), reconsent: false},
  ],
  textHashes: {
    '1.0.0': {ja: 'a'.repeat(64), en: 'b'.repeat(64)},
    '1.1.0': {ja: 'c'.repeat(64), en: 'd'.repeat(64)},
    '2.0.0': {ja: 'e'.repeat(64), en: 'f'.repeat(64)},
  },
  registryFingerprint: '0123456789abcdef',
};

/** policy-record.ts as a fresh server loads it, with the build folder and NODE_ENV given. */
async function load(env: {NODE_ENV: string; dist?: string}) {
  vi.resetModules();
  vi.stubEnv('NODE_ENV', env.NODE_ENV);
  if (env.dist) vi.stubEnv('NEXT_DIST_DIR', path.relative(process.cwd(), env.dist));
  return import('@/lib/consent/policy-record');
}

function buildWithManifest(): string {
  const dist = tempDir('policy-record-');
  mkdirSync(dist, {recursive: true});
  writeFileSync(path.join(dist, CSP_MANIFEST_FILE), JSON.stringify({consentPolicy: BUILT}));
  return dist;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the record a receipt is checked against', () => {
  it('in production: the build’s, whatever content/ holds now', async () => {
    const {consentPolicyRecord} = await load({NODE_ENV: 'production', dist: buildWithManifest()});
    expect(await consentPolicyRecord()).toEqual(BUILT);
  });

  it('in development and without a build: content/ as it is now, the same the pages are rendered from', async () => {
    const {consentPolicyRecord} = await load({NODE_ENV: 'development', dist: buildWithManifest()});
    const {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} = await import('@/lib/consent/server');
    expect(await consentPolicyRecord()).toEqual({
      schedule: consentSchedule(),
      textHashes: consentTextHashes(),
      registryFingerprint: REGISTRY_FINGERPRINT,
    });
    expect(REGISTRY_FINGERPRINT).not.toBe(BUILT.registryFingerprint);
  });

  it('a text hash only for a version published up to the one in force, in that language', async () => {
    const {policyInForce, policyTextHash} = await load({NODE_ENV: 'test'});
    const now = Date.UTC(2026, 11, 5);
    const policy = policyInForce(BUILT, now);
    expect(policy).toEqual({version: '1.1.0', baseline: '1.1.0', registry: BUILT.registryFingerprint});
    expect(policyTextHash(BUILT, '1.0.0', 'en', policy)).toBe('b'.repeat(64));
    expect(policyTextHash(BUILT, '1.1.0', 'ja', policy)).toBe('c'.repeat(64));
    // Not yet in force, never published, or a language it has no text in.
    expect(policyTextHash(BUILT, '2.0.0', 'ja', policy)).toBeNull();
    expect(policyTextHash(BUILT, '9.9.9', 'ja', policy)).toBeNull();
    expect(policyTextHash(BUILT, '1.0.0', 'fr', policy)).toBeNull();
    // Once 2.0.0 takes effect, its text is the one in force.
    const later = policyInForce(BUILT, Date.UTC(2999, 0, 1) + DAY);
    expect(later.version).toBe('2.0.0');
    expect(policyTextHash(BUILT, '2.0.0', 'ja', later)).toBe('e'.repeat(64));
  });
});
