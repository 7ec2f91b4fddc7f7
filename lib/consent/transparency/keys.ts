import {createHash, createPrivateKey, createPublicKey, type KeyObject} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {z} from 'zod';
import {loadNamedKeys, parseNamedKeys, ProofKeyError} from '../ownership';

/**
 * The consent log's signing keys (Ed25519, node:crypto), configured like the proof keys
 * (ownership.ts): CONSENT_LOG_KEYS, `name:base64seed` entries of 32-byte seeds, the first signs and
 * the others only verify, so a key is rotated by putting the new one first. Without it, the key
 * file `log-keys` in the embedded store's folder (CONSENT_LOG_KEY_FILE), created 0600 on first
 * start — but with DATABASE_URL only a configured key or file (ownership.ts: two servers with a key
 * file each would each sign a log of their own). Private keys are never stored in the database.
 */

export interface LogKey {
  name: string;
  /** Absent for a public key read from elsewhere (a verifier). */
  privateKey?: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte Ed25519 public key. */
  publicKeyBytes: Buffer;
  /** C2SP signed-note key ID: the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
  keyId: Buffer;
}

/** DER prefixes that turn a raw Ed25519 seed or public key into PKCS#8 and SPKI. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_ALGORITHM = Buffer.from([0x01]);

const keyIdOf = (name: string, publicKeyBytes: Buffer) =>
  createHash('sha256').update(`${name}\n`).update(ED25519_ALGORITHM).update(publicKeyBytes).digest().subarray(0, 4);

export function logKeyFromSeed(name: string, seed: Buffer): LogKey {
  const privateKey = createPrivateKey({key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8'});
  const publicKey = createPublicKey(privateKey);
  const publicKeyBytes = publicKey.export({format: 'der', type: 'spki'}).subarray(SPKI_ED25519.length);
  return {name, privateKey, publicKey, publicKeyBytes, keyId: keyIdOf(name, publicKeyBytes)};
}

export function logKeyFromPublic(name: string, publicKeyBytes: Buffer): LogKey {
  const publicKey = createPublicKey({key: Buffer.concat([SPKI_ED25519, publicKeyBytes]), format: 'der', type: 'spki'});
  return {name, publicKey, publicKeyBytes, keyId: keyIdOf(name, publicKeyBytes)};
}

export const parseLogKeys = (text: string, source: string): LogKey[] =>
  parseNamedKeys(text, source, {min: 32, max: 32}).map(({name, secret}) => logKeyFromSeed(name, secret));

export function loadLogKeys(env: Partial<NodeJS.ProcessEnv> = process.env): LogKey[] {
  return loadNamedKeys({
    env,
    variable: 'CONSENT_LOG_KEYS',
    fileVariable: 'CONSENT_LOG_KEY_FILE',
    defaultFile: 'log-keys',
    parse: parseLogKeys,
  });
}

/** What the site publishes of a key: enough for any verifier, Go's sumdb/note included. */
export function publishedKey(key: LogKey) {
  const publicKey = key.publicKeyBytes.toString('base64');
  return {
    name: key.name,
    algorithm: 'Ed25519',
    keyId: key.keyId.toString('hex'),
    publicKey,
    /** The C2SP signed-note verifier key: name+keyid+base64(0x01 ‖ key). */
    verifierKey: `${key.name}+${key.keyId.toString('hex')}+${Buffer.concat([ED25519_ALGORITHM, key.publicKeyBytes]).toString('base64')}`,
  };
}

const publishedKeysSchema = z.object({
  keys: z.array(z.object({name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), publicKey: z.base64()})).min(1),
});

/** The keys of a copy of GET /api/consent/log/keys: an auditor verifies with public keys alone. */
export function publishedKeysFile(file: string): LogKey[] {
  const parsed = publishedKeysSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new ProofKeyError(`${file}: not the JSON of /api/consent/log/keys (${parsed.error.issues[0]?.message}).`);
  return parsed.data.keys.map(({name, publicKey}) => logKeyFromPublic(name, Buffer.from(publicKey, 'base64')));
}
