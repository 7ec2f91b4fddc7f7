import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EMBED_ENTRY, embedFile, EMBED_RELEASES, EMBED_VERSION} from '@/components/consent/embed-version';
import {bundleScript, integrityOf} from '@/scripts/bundle';

// Issue 27, 1: a versioned, immutable embed with its SRI hash in the docs. A host page pins
// /consent/embed/<version>/consent.js with integrity="…": those bytes can never change.
const releases: Record<string, string> = JSON.parse(readFileSync(EMBED_RELEASES, 'utf8'));

describe('the consent embed’s releases', () => {
  it('are all still served, each exactly as released', () => {
    expect(Object.keys(releases)).toContain(EMBED_VERSION);
    for (const [version, integrity] of Object.entries(releases)) {
      expect(existsSync(embedFile(version)), version).toBe(true);
      expect(integrityOf(readFileSync(embedFile(version))), version).toBe(integrity);
    }
  });

  it('hold the code as it is: a change of it is a new version', async () => {
    expect(integrityOf(await bundleScript(EMBED_ENTRY))).toBe(releases[EMBED_VERSION]);
  });

  it('are what the README tells a HeyImg engineer to paste', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`/consent/embed/${EMBED_VERSION}/consent.js`);
    expect(readme).toContain(`integrity="${releases[EMBED_VERSION]}"`);
  });
});
