import {sign, verify} from 'node:crypto';
import type {LogKey} from './keys';

/**
 * A checkpoint (signed tree head) in the C2SP tlog-checkpoint format, signed as a C2SP signed note,
 * the format of Go's sumdb and Sigstore, so that their tooling can read it:
 *
 *   heyimg.net/consent-log          origin: which log
 *   1234                            tree size
 *   <base64 root hash>              MTH of the first 1234 entries
 *   time 2026-11-30T18:28:00.000Z   extension line: when it was signed (UTC)
 *                                   blank line
 *   — <key name> <base64(key ID ‖ Ed25519 signature of the text above the blank line)>
 */

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  time: Date;
}

const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/;

export function checkpointBody({origin, size, root, time}: Checkpoint): string {
  return `${origin}\n${size}\n${root.toString('base64')}\ntime ${time.toISOString()}\n`;
}

/** A C2SP signed note: the text (ending in a newline), a blank line, then one signature line. */
export function signNote(text: string, key: LogKey): string {
  if (!key.privateKey) throw new Error(`the log key ${key.name} has no private key`);
  const signature = sign(null, Buffer.from(text), key.privateKey);
  return `${text}\n\u2014 ${key.name} ${Buffer.concat([key.keyId, signature]).toString('base64')}\n`;
}

/** The text of a note one of `keys` signed, else null (malformed, unknown key, bad signature). */
export function openNote(note: string, keys: readonly LogKey[]): string | null {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return null;
  const text = note.slice(0, split + 1);
  const signed = note
    .slice(split + 2, -1)
    .split('\n')
    .some((line) => {
      const match = SIGNATURE_LINE.exec(line);
      if (!match) return false;
      const blob = Buffer.from(match[2]!, 'base64');
      const key = keys.find((k) => k.name === match[1] && k.keyId.equals(blob.subarray(0, 4)));
      return !!key && blob.length === 68 && verify(null, Buffer.from(text), key.publicKey, blob.subarray(4));
    });
  return signed ? text : null;
}

export const signCheckpoint = (checkpoint: Checkpoint, key: LogKey) => signNote(checkpointBody(checkpoint), key);

/** The checkpoint a note carries when one of `keys` signed it, else null. */
export function openCheckpoint(note: string, keys: readonly LogKey[]): Checkpoint | null {
  const body = openNote(note, keys);
  const [origin, size, root, time] = body?.split('\n') ?? [];
  const at = /^time (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(time ?? '')?.[1];
  if (!origin || !/^\d{1,15}$/.test(size ?? '') || !at) return null;
  const rootHash = Buffer.from(root ?? '', 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) return null;
  return {origin, size: Number(size), root: rootHash, time: new Date(at)};
}
