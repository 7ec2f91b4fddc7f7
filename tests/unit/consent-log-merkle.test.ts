import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {
  consistencyRanges,
  EMPTY_ROOT,
  inclusionRanges,
  leafHash,
  nodeHash,
  rootFromInclusion,
  rootOf,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '@/lib/consent/transparency/merkle';

// RFC 6962/9162 test vectors, as published with Certificate Transparency's reference code and kept
// in transparency-dev/merkle (testonly/constants.go, proof/verify_test.go): eight leaf inputs, the
// root of every size, and known inclusion and consistency proofs.
const h = (hex: string) => Buffer.from(hex, 'hex');
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  h,
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
/** [leaf index (0-based), tree size, proof] */
const INCLUSION: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
/** [size1, size2, proof] */
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

const LEAVES = INPUTS.map((input) => leafHash(input));
const hashOf = (leaves: Hash[], [start, end]: readonly [number, number]) => rootOf(leaves.slice(start, end));
const sha = (...parts: Buffer[]) => parts.reduce((hash, p) => hash.update(p), createHash('sha256')).digest();

describe('the consent log’s Merkle tree (RFC 9162 §2.1)', () => {
  it('hashes a leaf as SHA-256(0x00 ‖ data) and a node as SHA-256(0x01 ‖ left ‖ right), by hand', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((s) => sha(Buffer.from([0]), Buffer.from(s)));
    expect(leafHash('a')).toEqual(a);
    expect(nodeHash(a!, b!)).toEqual(sha(Buffer.from([1]), a!, b!));
    // Three leaves: the left subtree is the largest power of two (2), the third stands alone.
    expect(rootOf([a!, b!, c!])).toEqual(sha(Buffer.from([1]), sha(Buffer.from([1]), a!, b!), c!));
    expect(rootOf([])).toEqual(EMPTY_ROOT);
    expect(EMPTY_ROOT.toString('hex')).toBe(ROOTS[0]!.toString('hex'));
  });

  it('gives the published root of every size from 0 to 8, all at once and leaf by leaf', () => {
    const builder = new TreeBuilder();
    expect(builder.root()).toEqual(ROOTS[0]);
    for (let size = 1; size <= 8; size++) {
      expect(rootOf(LEAVES.slice(0, size)).toString('hex'), `size ${size}`).toBe(ROOTS[size]!.toString('hex'));
      builder.push(LEAVES[size - 1]!);
      expect(builder.root()).toEqual(ROOTS[size]);
    }
  });

  it.each(INCLUSION)('makes and verifies the published inclusion proof of leaf %i in %i', (index, size, expected) => {
    const proof = inclusionRanges(index, size).map((range) => hashOf(LEAVES, range));
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected);
    expect(verifyInclusion(index, size, LEAVES[index]!, proof, ROOTS[size]!)).toBe(true);
  });

  it.each(CONSISTENCY)('makes and verifies the published consistency proof from %i to %i', (m, n, expected) => {
    const proof = consistencyRanges(m, n).map((range) => hashOf(LEAVES, range));
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected);
    expect(verifyConsistency(m, n, proof, ROOTS[m]!, ROOTS[n]!)).toBe(true);
  });

  it('refuses every corruption of an inclusion proof the reference tests try', () => {
    for (const [index, size, expected] of INCLUSION) {
      const proof = expected.map(h);
      const root = ROOTS[size]!;
      const leaf = LEAVES[index]!;
      const flipped = proof.map((_, i) =>
        proof.map((p, j) => (i === j ? Buffer.from(p.map((b, k) => (k ? b : b ^ 8))) : p)),
      );
      for (const [i, s, l, p, r] of [
        [index - 1, size, leaf, proof, root],
        [index + 1, size, leaf, proof, root],
        [index ^ 2, size, leaf, proof, root],
        [index, size * 2, leaf, proof, root],
        [index, Math.floor(size / 2), leaf, proof, root],
        [index, size, Buffer.from('WrongLeaf'), proof, root],
        [index, size, leaf, proof, EMPTY_ROOT],
        [index, size, leaf, [...proof, Buffer.alloc(0)], root],
        [index, size, leaf, [...proof, root], root],
        [index, size, leaf, [root, ...proof], root],
        [index, size, leaf, proof.slice(0, -1), root],
        ...flipped.map((f) => [index, size, leaf, f, root]),
      ] as [number, number, Hash, Hash[], Hash][])
        expect(verifyInclusion(i, s, l, p, r), `leaf ${index} of ${size}`).toBe(false);
    }
    expect(rootFromInclusion(0, 0, LEAVES[0]!, [])).toBeNull();
  });

  it('refuses every corruption of a consistency proof the reference tests try', () => {
    for (const [m, n, expected] of CONSISTENCY.filter(([, , proof]) => proof.length > 0)) {
      const proof = expected.map(h);
      const [r1, r2] = [ROOTS[m]!, ROOTS[n]!];
      for (const [s1, s2, a, b, p] of [
        [m - 1, n, r1, r2, proof],
        [m + 1, n, r1, r2, proof],
        [m ^ 2, n, r1, r2, proof],
        [m, n * 2, r1, r2, proof],
        [m, Math.floor(n / 2), r1, r2, proof],
        [m, n, Buffer.from('WrongRoot'), r2, proof],
        [m, n, r1, Buffer.from('WrongRoot'), proof],
        [m, n, r2, r1, proof],
        [m, n, r1, r2, []],
        [m, n, r1, r2, [...proof, r1]],
        [m, n, r1, r2, [r2, ...proof]],
        [m, n, r1, r2, [proof[0]!, ...proof]],
        [m, n, r1, r2, proof.slice(0, -1)],
      ] as [number, number, Hash, Hash, Hash[]][])
        expect(verifyConsistency(s1, s2, p, a, b), `${m} → ${n}`).toBe(false);
    }
    // Sizes that are always consistent, and time travel that never is.
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, ROOTS[5]!)).toBe(true);
    expect(verifyConsistency(3, 3, [], ROOTS[3]!, ROOTS[3]!)).toBe(true);
    expect(verifyConsistency(3, 3, [], ROOTS[3]!, ROOTS[4]!)).toBe(false);
    expect(verifyConsistency(4, 3, [], ROOTS[4]!, ROOTS[3]!)).toBe(false);
  });

  it('proves every leaf in, and every size consistent with, trees of up to 70 leaves', () => {
    const leaves = Array.from({length: 70}, (_, i) => leafHash(`entry ${i}`));
    const builder = new TreeBuilder();
    for (let n = 1; n <= leaves.length; n++) {
      builder.push(leaves[n - 1]!);
      const root = rootOf(leaves.slice(0, n));
      expect(builder.root()).toEqual(root);
      for (let i = 0; i < n; i++) {
        const proof = inclusionRanges(i, n).map((range) => hashOf(leaves, range));
        expect(verifyInclusion(i, n, leaves[i]!, proof, root)).toBe(true);
      }
      for (let m = 0; m <= n; m++) {
        const proof = consistencyRanges(m, n).map((range) => hashOf(leaves, range));
        expect(verifyConsistency(m, n, proof, rootOf(leaves.slice(0, m)), root)).toBe(true);
      }
    }
  });
});
