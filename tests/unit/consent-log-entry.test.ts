import {statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {receiptJson} from '@/lib/consent/store/operator';
import type {Receipt} from '@/lib/consent/store/types';
import {
  checkpointBody,
  openCheckpoint,
  openNote,
  signCheckpoint,
  signNote,
} from '@/lib/consent/transparency/checkpoint';
import {deletionEntry, purgeEntry, receiptEntry, receiptLeaf} from '@/lib/consent/transparency/entry';
import {loadLogKeys, logKeyFromSeed, parseLogKeys, publishedKey} from '@/lib/consent/transparency/keys';
import {inclusionRanges, rootOf} from '@/lib/consent/transparency/merkle';
// @ts-expect-error: the visitor's verifier is plain JavaScript, dependency-free on purpose
import {receiptEntry as verifierEntry, verifyReceipt} from '@/scripts/verify-receipt.mjs';
import {receipt} from '../support/consent-store';
import {tempDir} from '../support/temp-dirs';

const stored = (n: number, overrides: Partial<Receipt> = {}): Receipt => ({
  ...receipt(n),
  receivedAt: new Date(Date.UTC(2026, 10, 2, 3, 4, 5, 678) + n),
  ...overrides,
});

describe('the consent log’s entries', () => {
  it('are canonical JSON of every stored field, pinned (a new field is a new form version)', () => {
    expect(receiptEntry(stored(1))).toBe(
      '{"choices":{"advertising":false,"analytics":false},"consentId":"00000000000000000000000000000001",' +
        '"kind":"receipt","locale":"ja","method":"banner","origin":"https://heyimg.net",' +
        '"policySha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","policyVersion":"1.0.0",' +
        '"receivedAt":"2026-11-02T03:04:05.679Z","recordedAt":"2026-11-01T00:00:01.000Z",' +
        '"registryFingerprint":"0123456789abcdef","v":1}',
    );
    expect(
      deletionEntry({
        consentId: 'ab'.repeat(16),
        deletedAt: new Date(Date.UTC(2026, 0, 1)),
        receipts: 2,
        removed: [3, 9],
      }),
    ).toBe(
      `{"consentId":"${'ab'.repeat(16)}","deletedAt":"2026-01-01T00:00:00.000Z","kind":"deletion","receipts":2,"removed":[3,9],"v":1}`,
    );
    expect(
      purgeEntry({
        purgedAt: new Date(Date.UTC(2029, 0, 1)),
        cutoff: new Date(Date.UTC(2026, 0, 1)),
        receipts: 5,
        deletions: 1,
        removed: [[0, 6]],
      }),
    ).toBe(
      '{"cutoff":"2026-01-01T00:00:00.000Z","deletions":1,"kind":"purge","purgedAt":"2029-01-01T00:00:00.000Z","receipts":5,"removed":[[0,6]],"v":1}',
    );
  });

  it('change with any field, the server’s time included', () => {
    const base = receiptLeaf(stored(2));
    for (const change of [
      {receivedAt: new Date(stored(2).receivedAt.getTime() - 1)},
      {recordedAt: new Date(0)},
      {choices: {analytics: true, advertising: true}},
      {origin: null},
      {policySha256: 'b'.repeat(64)},
      {registryFingerprint: null},
      {method: 'gpc' as const},
      {locale: 'en' as const},
      {policyVersion: '1.0.1'},
      {consentId: 'f'.repeat(32)},
    ])
      expect(receiptLeaf(stored(2, change)).equals(base), JSON.stringify(change)).toBe(false);
  });

  it('are computed the same by the visitor’s dependency-free verifier, from the download', () => {
    for (let n = 0; n < 50; n++) {
      const r = stored(n, {locale: n % 2 ? 'en' : 'ja', origin: n % 3 ? 'https://heyimg.net' : null});
      expect(verifierEntry(receiptJson(r))).toBe(receiptEntry(r));
    }
  });
});

describe('checkpoints: C2SP tlog-checkpoint in a C2SP signed note', () => {
  // golang.org/x/mod/sumdb/note's published example: its Ed25519 key (the 32-byte seed after the
  // algorithm byte), its verifier key and the note it signs. Ed25519 is deterministic: the same
  // bytes, or Go's tooling would not read ours.
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const peter = logKeyFromSeed('PeterNeumann', seed);
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const note =
    text +
    '\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

  it('signs and opens notes exactly as Go’s sumdb/note does', () => {
    expect(publishedKey(peter).verifierKey).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    expect(signNote(text, peter)).toBe(note);
    expect(openNote(note, [peter])).toBe(text);
    expect(openNote(note.replace('cryptography', 'cryptographY'), [peter])).toBeNull();
    expect(openNote(note, [logKeyFromSeed('PeterNeumann', Buffer.alloc(32, 1))])).toBeNull();
  });

  it('writes the origin, size, base64 root and time, and refuses a changed or foreign one', () => {
    const key = logKeyFromSeed('k1', Buffer.alloc(32, 3));
    const checkpoint = {
      origin: 'heyimg.net/consent-log',
      size: 7,
      root: rootOf([]),
      time: new Date(Date.UTC(2026, 10, 30)),
    };
    expect(checkpointBody(checkpoint)).toBe(
      'heyimg.net/consent-log\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2026-11-30T00:00:00.000Z\n',
    );
    const signed = signCheckpoint(checkpoint, key);
    expect(openCheckpoint(signed, [key])).toEqual(checkpoint);
    expect(openCheckpoint(signed.replace('\n7\n', '\n8\n'), [key])).toBeNull();
    expect(openCheckpoint(signed, [logKeyFromSeed('k1', Buffer.alloc(32, 4))])).toBeNull();
  });
});

describe('the log’s keys', () => {
  const seed = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('are name:base64seed entries of 32 bytes, the first signing; a malformed one is refused by name', () => {
    const keys = parseLogKeys(`new:${seed(1)},old:${seed(2)}`, 'CONSENT_LOG_KEYS');
    expect(keys.map((k) => k.name)).toEqual(['new', 'old']);
    expect(() => parseLogKeys(`short:${Buffer.alloc(16).toString('base64')}`, 'CONSENT_LOG_KEYS')).toThrow(
      'CONSENT_LOG_KEYS: key 1 must be name:secret with a base64 secret of 32 bytes.',
    );
    expect(() => parseLogKeys(`a:${seed(1)},a:${seed(2)}`, 'X')).toThrow('two keys have the same name');
  });

  it('must be configured with DATABASE_URL: no server signs with a key file of its own', () => {
    expect(() => loadLogKeys({DATABASE_URL: 'postgresql://db/consent'})).toThrow(
      /DATABASE_URL is set without CONSENT_LOG_KEYS/,
    );
    expect(loadLogKeys({DATABASE_URL: 'postgresql://db/consent', CONSENT_LOG_KEYS: `k:${seed(5)}`})[0]!.name).toBe('k');
  });

  it('come from a key file created 0600 in the embedded store’s folder, the same on every start', () => {
    const dir = tempDir('heyimg-log-keys-');
    const [first] = loadLogKeys({CONSENT_DATA_DIR: dir});
    expect(statSync(path.join(dir, 'log-keys')).mode & 0o777).toBe(0o600);
    expect(loadLogKeys({CONSENT_DATA_DIR: dir})[0]!.publicKeyBytes).toEqual(first!.publicKeyBytes);
  });
});

describe('the visitor’s verifier (scripts/verify-receipt.mjs)', () => {
  const key = logKeyFromSeed('site', Buffer.alloc(32, 11));
  const keys = [{name: 'site', keyId: key.keyId, key: key.publicKey}];
  const receipts = Array.from({length: 5}, (_, n) => stored(n));
  const leaves = receipts.map(receiptLeaf);
  const note = signCheckpoint({origin: 'heyimg.net/consent-log', size: 5, root: rootOf(leaves), time: new Date()}, key);
  const download = (n: number) => ({
    ...receiptJson(receipts[n]!),
    log: {
      leafIndex: n,
      treeSize: 5,
      inclusionProof: inclusionRanges(n, 5).map(([a, b]) => rootOf(leaves.slice(a, b)).toString('base64')),
      checkpoint: note,
    },
  });

  it('accepts each receipt of a signed tree, and says why for a changed field, proof or key', () => {
    for (let n = 0; n < 5; n++) expect(verifyReceipt(download(n), keys)).toBeNull();
    expect(verifyReceipt({...download(2), choices: {analytics: true, advertising: true}}, keys)[1]).toContain(
      'not in the log',
    );
    expect(verifyReceipt({...download(2), log: {...download(2).log, leafIndex: 3}}, keys)).not.toBeNull();
    const other = logKeyFromSeed('site', Buffer.alloc(32, 12));
    expect(verifyReceipt(download(2), [{name: 'site', keyId: other.keyId, key: other.publicKey}])[1]).toContain(
      'not signed by the published key',
    );
    expect(verifyReceipt({...download(2), log: {leafIndex: 2, checkpoint: null, why: 'later'}}, keys)).not.toBeNull();
  });
});
