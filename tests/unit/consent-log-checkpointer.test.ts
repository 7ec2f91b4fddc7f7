import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closeConsentStore, getConsentStore} from '@/lib/consent/store';
import type {ConsentStore} from '@/lib/consent/store/types';
import {openCheckpoint} from '@/lib/consent/transparency/checkpoint';
import {
  checkpointIfDue,
  closeLog,
  EVERY_ENTRIES,
  EVERY_MS,
  LOG_ORIGIN,
  logKeys,
  publishedKeys,
  receiptProofs,
} from '@/lib/consent/transparency/checkpointer';
import {verifyInclusion} from '@/lib/consent/transparency/merkle';
import {receiptLeaf} from '@/lib/consent/transparency/entry';
import {id, receipt} from '../support/consent-store';
import {tempDir} from '../support/temp-dirs';

// The server's checkpoints, on the process's own store (an embedded one in a folder of this test):
// signed when EVERY_ENTRIES were added or EVERY_MS passed, on demand for a download, on shutdown.
let store: ConsentStore;
beforeAll(async () => {
  process.env.CONSENT_DATA_DIR = tempDir('heyimg-checkpointer-');
  delete process.env.DATABASE_URL;
  delete process.env.CONSENT_LOG_KEYS;
  store = await getConsentStore();
}, 60_000);
afterAll(() => closeConsentStore());

const append = async (from: number, count: number) => {
  for (let n = from; n < from + count; n++) await store.append(receipt(n, {consentId: id(n)}));
};

describe('the checkpoints of the server', {timeout: 120_000}, () => {
  it('are signed every EVERY_ENTRIES entries, or after EVERY_MS, and not before', async () => {
    const start = Date.now();
    await append(0, 3);
    expect(await checkpointIfDue(start)).toBeNull();
    const timed = await checkpointIfDue(start + EVERY_MS);
    expect(timed).toMatchObject({size: 3});
    // Signed with the key file made in the store's folder, for this site's log.
    expect(openCheckpoint(timed!.note, logKeys())).toMatchObject({origin: LOG_ORIGIN, size: 3});
    expect(publishedKeys().keys[0]!.name).toBe(logKeys()[0]!.name);
    await append(3, EVERY_ENTRIES - 1);
    expect(await checkpointIfDue(Date.now())).toBeNull();
    await append(EVERY_ENTRIES + 2, 1);
    expect(await checkpointIfDue(Date.now())).toMatchObject({size: EVERY_ENTRIES + 3});
  });

  it('cover a fresh receipt on demand, with an inclusion proof against the signed root', async () => {
    await append(5000, 1);
    const [fresh] = await store.list(id(5000));
    const [proof] = await receiptProofs(store, [fresh!]);
    expect(proof).toMatchObject({leafIndex: EVERY_ENTRIES + 3, treeSize: EVERY_ENTRIES + 4});
    if (!proof?.checkpoint) throw new Error('no checkpoint');
    const signed = openCheckpoint(proof.checkpoint, logKeys())!;
    const path = proof.inclusionProof.map((p) => Buffer.from(p, 'base64'));
    expect(verifyInclusion(proof.leafIndex, signed.size, receiptLeaf(fresh!), path, signed.root)).toBe(true);
  });

  it('are signed on shutdown for what the log holds then', async () => {
    await append(6000, 2);
    await closeLog();
    expect(await store.log.latestCheckpoint()).toMatchObject({size: EVERY_ENTRIES + 6});
    expect((await store.log.audit(logKeys(), LOG_ORIGIN)).problem).toBeNull();
  });
});

describe('the log’s public addresses', () => {
  it('publish the keys, the latest checkpoint and consistency proofs, and refuse other methods', async () => {
    const keys = await import('@/app/api/consent/log/keys/route');
    const checkpoint = await import('@/app/api/consent/log/checkpoint/route');
    const consistency = await import('@/app/api/consent/log/consistency/route');
    const {allowedMethods} = await import('@/lib/security/request-limits');
    expect(await (await keys.GET()).json()).toEqual(publishedKeys());
    const latest = (await store.log.latestCheckpoint())!;
    expect(await (await checkpoint.GET()).text()).toBe(latest.note);
    const proof = await consistency.GET(
      new Request(`http://localhost/api/consent/log/consistency?from=3&to=${latest.size}`),
    );
    expect((await proof.json()).proof.length).toBeGreaterThan(0);
    for (const bad of ['from=2&to=1', 'from=x&to=2', `from=0&to=${latest.size + 1}`])
      expect(
        (await consistency.GET(new Request(`http://localhost/api/consent/log/consistency?${bad}`))).status,
      ).toBeGreaterThanOrEqual(400);
    // Other methods are the server's 405 (lib/security/request-limits.ts); each route has GET alone,
    // and Next answers HEAD from it.
    for (const [route, path] of [
      [keys, '/api/consent/log/keys'],
      [checkpoint, '/api/consent/log/checkpoint'],
      [consistency, '/api/consent/log/consistency'],
    ] as const) {
      expect(Object.keys(route).filter((name) => /^[A-Z]+$/.test(name))).toEqual(['GET']);
      expect(allowedMethods(path)).toEqual(['GET', 'HEAD']);
    }
  });
});
