import {createHash} from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 (Certificate Transparency 2.0), as pure functions: leaf and
 * node hashes, the tree head MTH of any size, the inclusion (PATH) and consistency (PROOF) proofs
 * as the ranges of leaves whose MTH each proof element is, and the verification algorithms of
 * §2.1.3.2 and §2.1.4.2. Sizes and indices are plain numbers (exact up to 2^53 entries).
 */

export type Hash = Buffer;
/** The leaves [start, end) of the tree: the proof element is their MTH. */
export type Range = readonly [start: number, end: number];

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256();
export const leafHash = (data: Buffer | string): Hash => sha256(LEAF, Buffer.from(data));
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE, left, right);

/** The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes already computed. */
export function rootOf(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** PATH(m, D[start:end]) as ranges, leaf-side first (RFC 9162 §2.1.3.1). */
export function inclusionRanges(m: number, size: number): Range[] {
  if (!(m >= 0 && m < size)) throw new RangeError(`leaf ${m} is not in a tree of ${size}`);
  const path: Range[] = [];
  let [start, end] = [0, size];
  const stack: Range[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < start + k) {
      stack.push([start + k, end]);
      end = start + k;
    } else {
      stack.push([start, start + k]);
      start += k;
    }
  }
  // PATH lists the deepest sibling first.
  while (stack.length) path.push(stack.pop()!);
  return path;
}

/** PROOF(m, D[n]) as ranges (RFC 9162 §2.1.4.1); empty for m = 0 and m = n. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(m >= 0 && m <= n)) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  if (m === 0 || m === n) return [];
  const subproof = (m: number, start: number, end: number, whole: boolean): Range[] => {
    if (m === end - start) return whole ? [] : [[start, end]];
    const k = splitPoint(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, whole), [start + k, end]]
      : [...subproof(m - k, start + k, end, false), [start, start + k]];
  };
  return subproof(m, 0, n, true);
}

const lsb = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof cannot fit. */
export function rootFromInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[]): Hash | null {
  if (!(index >= 0 && index < size)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!lsb(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  const computed = rootFromInclusion(index, size, leaf, proof);
  return computed !== null && computed.equals(root);
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** RFC 9162 §2.1.4.2; sizes 0 and equal sizes as Trillian takes them (an empty proof). */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (!(size1 >= 0 && size1 <= size2)) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!lsb(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

/**
 * The tree built leaf by leaf in O(log n) memory (a compact range from 0): the root of every size
 * as it passes, for an auditor streaming a log of any length.
 */
export class TreeBuilder {
  /** The complete subtrees, largest (leftmost) first, with their heights. */
  private readonly stack: {hash: Hash; height: number}[] = [];
  size = 0;

  push(leaf: Hash): void {
    let node = {hash: leaf, height: 0};
    for (let top = this.stack.at(-1); top && top.height === node.height; top = this.stack.at(-1)) {
      this.stack.pop();
      node = {hash: nodeHash(top.hash, node.hash), height: node.height + 1};
    }
    this.stack.push(node);
    this.size++;
  }

  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let root = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHash(this.stack[i]!.hash, root);
    return root;
  }
}

/**
 * The complete, aligned subtrees whose hashes make up the range [start, end) when start is a
 * multiple of the range's split (as every range of a proof is), largest first: MTH of the range is
 * their hashes folded from the right.
 */
export function completeSubtrees(start: number, end: number): {start: number; height: number}[] {
  const parts: {start: number; height: number}[] = [];
  while (start < end) {
    let height = 0;
    while (start % 2 ** (height + 1) === 0 && start + 2 ** (height + 1) <= end) height++;
    parts.push({start, height});
    start += 2 ** height;
  }
  return parts;
}

/** MTH of a range from its complete subtrees' hashes, in completeSubtrees' order. */
export function foldSubtrees(hashes: readonly Hash[]): Hash {
  if (hashes.length === 0) return EMPTY_ROOT;
  let root = hashes.at(-1)!;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i]!, root);
  return root;
}
