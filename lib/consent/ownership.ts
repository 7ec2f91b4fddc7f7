import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CONSENT_MAX_AGE_SECONDS} from './contract';

/**
 * The proof that a browser owns a consent id: an HttpOnly cookie holding a MAC of the id under a
 * server key. Page scripts cannot read it and nobody without the key can make it up, so the id
 * alone — shown on the receipt, in a screenshot — opens nothing. The server issues it when a
 * browser stores the first receipt of an id nobody has used; every later read, receipt, form
 * choice and deletion of that id needs it.
 *
 * Keys come from configuration, never from the repository: CONSENT_PROOF_KEYS, or the key file
 * (CONSENT_PROOF_KEY_FILE, by default `proof-keys` in the embedded store's data folder, created
 * with a random key on first use). Both hold `name:secret` entries (secret in base64, at least 32
 * bytes), separated by commas or lines: the first signs, the others still verify, so a key is
 * rotated by putting a new one first; each proof under an older key is re-issued under the first
 * one on the browser's next receipt.
 */

export const PROOF_COOKIE = 'heyimg_consent_proof';
/** Only the consent API ever receives it. */
const PROOF_PATH = '/api/consent';
const MIN_SECRET_BYTES = 32;

export interface ProofKey {
  name: string;
  secret: Buffer;
}

export class ProofKeyError extends Error {}

/**
 * Parses `name:base64secret` entries; every malformed one is an error naming where it came from.
 * `bytes` bounds the secret's length (the consent log's Ed25519 seeds are exactly 32 bytes).
 */
export function parseNamedKeys(
  text: string,
  source: string,
  bytes: {min: number; max?: number} = {min: MIN_SECRET_BYTES},
): ProofKey[] {
  const size = bytes.max === bytes.min ? `of ${bytes.min} bytes` : `of at least ${bytes.min} bytes`;
  const keys = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'))
    .map((entry, index) => {
      const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
      const secret = match ? Buffer.from(match[2]!, 'base64') : Buffer.alloc(0);
      if (!match || secret.length < bytes.min || secret.length > (bytes.max ?? Infinity))
        throw new ProofKeyError(`${source}: key ${index + 1} must be name:secret with a base64 secret ${size}.`);
      return {name: match[1]!, secret};
    });
  if (keys.length === 0) throw new ProofKeyError(`${source}: no key.`);
  if (new Set(keys.map((k) => k.name)).size !== keys.length)
    throw new ProofKeyError(`${source}: two keys have the same name.`);
  return keys;
}

export const parseProofKeys = (text: string, source: string) => parseNamedKeys(text, source);

/** The configured keys, or the key file's, which is created with one random key when missing. */
export function loadProofKeys(env: NodeJS.ProcessEnv = process.env): ProofKey[] {
  return loadNamedKeys({
    env,
    variable: 'CONSENT_PROOF_KEYS',
    fileVariable: 'CONSENT_PROOF_KEY_FILE',
    defaultFile: 'proof-keys',
    parse: parseProofKeys,
  });
}

/** The embedded store's folder, where the key files are kept by default. */
export const dataDir = (env: Partial<NodeJS.ProcessEnv>) =>
  env.CONSENT_DATA_DIR || path.join(process.cwd(), 'data', 'consent');

/**
 * Keys from the variable when it is set, else from the file, created 0600 with one random 32-byte
 * key named after today when it is missing (the first of several processes to create it wins). With
 * DATABASE_URL (one store, several servers) a key made by each server would split the cluster — a
 * visitor sent to another server could not read or delete their record; each server would sign a
 * log of its own — so there the keys must be configured: the variable, the same on every server, or
 * the file variable naming a file they all read.
 */
export function loadNamedKeys<Key>(source: {
  env: Partial<NodeJS.ProcessEnv>;
  variable: string;
  fileVariable: string;
  /** The key file's name in the embedded store's folder, when the file variable is not set. */
  defaultFile: string;
  parse: (text: string, source: string) => Key[];
}): Key[] {
  const {env, variable, fileVariable, defaultFile, parse} = source;
  const configured = env[variable];
  if (configured) return parse(configured, variable);
  if (env.DATABASE_URL && !env[fileVariable])
    throw new ProofKeyError(
      `DATABASE_URL is set without ${variable}: set the same keys on every server (or ${fileVariable} to a file they all read) — keys made by each server would split the cluster.`,
    );
  const file = env[fileVariable] || path.join(dataDir(env), defaultFile);
  try {
    return parse(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), {recursive: true});
  const fresh = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}:${randomBytes(32).toString('base64')}\n`;
  try {
    writeFileSync(file, fresh, {flag: 'wx', mode: 0o600});
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parse(readFileSync(file, 'utf8'), file);
}

const mac = (key: ProofKey, consentId: string) =>
  createHmac('sha256', key.secret).update(`heyimg-consent-proof:${consentId}`).digest('base64url');

export function issueProof(keys: ProofKey[], consentId: string): string {
  const key = keys[0]!;
  return `${key.name}.${mac(key, consentId)}`;
}

/** 'current' under the signing key, 'rotated' under an older one still configured, else null. */
export function verifyProof(
  keys: ProofKey[],
  consentId: string,
  proof: string | undefined,
): 'current' | 'rotated' | null {
  if (!proof) return null;
  const dot = proof.indexOf('.');
  const index = keys.findIndex((key) => key.name === proof.slice(0, dot));
  if (dot < 0 || index < 0) return null;
  const given = Buffer.from(proof.slice(dot + 1));
  const expected = Buffer.from(mac(keys[index]!, consentId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return index === 0 ? 'current' : 'rotated';
}

export function proofCookieHeader(proof: string, secure: boolean, maxAgeSeconds = CONSENT_MAX_AGE_SECONDS): string {
  return [
    `${PROOF_COOKIE}=${proof}`,
    `Path=${PROOF_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
