#!/usr/bin/env node
// Checks a downloaded HeyImg consent receipt offline: node:crypto only, nothing else to install.
//   node verify-receipt.mjs heyimg-consent-<id>.json keys.json   (keys.json: GET /api/consent/log/keys)
//   node verify-receipt.mjs heyimg-consent-<id>.json 'name+keyid+base64key'   (a signed-note verifier key)
// For each receipt: recomputes its log entry from its fields (RFC 9162 leaf), follows the inclusion
// proof to a root, and checks that root and size against the checkpoint and its Ed25519 signature.
import {createHash, createPublicKey, verify} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const node = (l, r) => sha256(Buffer.from([1]), l, r);
const half = (n) => Math.floor(n / 2);
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
// The receipt's log entry: canonical JSON (keys sorted, no spaces) of these fields, form version 1.
const FIELDS =
  'consentId recordedAt receivedAt policyVersion policySha256 registryFingerprint origin choices method locale';
export const receiptEntry = (r) =>
  canonical({v: 1, kind: 'receipt', ...Object.fromEntries(FIELDS.split(' ').map((field) => [field, r[field]]))});
function rootFromInclusion(index, size, hash, proof) {
  // RFC 9162 §2.1.3.2
  if (!(index < size)) return null;
  let [fn, sn, r] = [index, size - 1, hash];
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = node(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? r : null;
}
function keysFrom(arg) {
  // [{name, keyId, key}] from the keys JSON or one verifier key
  const list = arg.includes('+')
    ? [{name: arg.split('+')[0], publicKey: Buffer.from(arg.split('+')[2], 'base64').subarray(1).toString('base64')}]
    : JSON.parse(readFileSync(arg, 'utf8')).keys;
  return list.map(({name, publicKey}) => {
    const raw = Buffer.from(publicKey, 'base64');
    const keyId = sha256(Buffer.from(`${name}\n`), Buffer.from([1]), raw).subarray(0, 4);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    return {name, keyId, key: createPublicKey({key: spki, format: 'der', type: 'spki'})};
  });
}
export function verifyReceipt(r, keys) {
  // null when it verifies, else why (Japanese / English)
  const log = r.log;
  if (!log?.checkpoint) return ['ログの証明がありません', `no log proof (${log?.why ?? 'none'})`];
  const split = log.checkpoint.indexOf('\n\n') + 1;
  const [body, sigs] = [log.checkpoint.slice(0, split), log.checkpoint.slice(split + 1)];
  const signed = sigs.split('\n').some((line) => {
    const [, name, b64] = /^\u2014 (\S+) (\S+)$/.exec(line) ?? [];
    const blob = Buffer.from(b64 ?? '', 'base64');
    const key = keys.find((k) => k.name === name && k.keyId.equals(blob.subarray(0, 4)));
    return !!key && verify(null, Buffer.from(body), key.key, blob.subarray(4));
  });
  if (!signed)
    return ['チェックポイントの署名が公開鍵で検証できません', 'the checkpoint is not signed by the published key'];
  const [, size, root] = body.split('\n');
  const leaf = sha256(Buffer.from([0]), Buffer.from(receiptEntry(r)));
  const proof = log.inclusionProof.map((p) => Buffer.from(p, 'base64'));
  const computed = rootFromInclusion(log.leafIndex, Number(size), leaf, proof);
  if (Number(size) !== log.treeSize || !computed?.equals(Buffer.from(root, 'base64')))
    return [
      '記録の内容がログの署名済みの木に含まれていません',
      "the receipt's fields are not in the log's signed tree",
    ];
  return null;
}
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, keyArg] = process.argv.slice(2);
  if (!file || !keyArg) {
    console.error('usage: node verify-receipt.mjs <receipt.json> <keys.json | name+keyid+base64key>');
    process.exit(2);
  }
  const download = JSON.parse(readFileSync(file, 'utf8'));
  const keys = keysFrom(keyArg);
  let failed = 0;
  for (const r of download.receipts) {
    const why = verifyReceipt(r, keys);
    failed += why ? 1 : 0;
    console.log(
      why
        ? `NG ${r.recordedAt}: ${why[0]} / ${why[1]}`
        : `OK ${r.recordedAt}: 同意の記録はログの項目 ${r.log.leafIndex} として署名済み / receipt is entry ${r.log.leafIndex} of the signed log`,
    );
  }
  console.log(
    failed
      ? `検証に失敗しました（${failed} 件） / ${failed} receipt(s) failed verification`
      : 'すべての記録を検証しました / every receipt verifies',
  );
  process.exit(failed ? 1 : 0);
}
