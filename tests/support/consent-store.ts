import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';
import type {NewReceipt} from '@/lib/consent/store/types';

/** The consent stores' tests: receipts numbered n, and folders removed when the file's tests end. */
export const id = (n: number) => n.toString(16).padStart(32, '0');

export const receipt = (n: number, overrides: Partial<NewReceipt> = {}): NewReceipt => ({
  consentId: id(n % 1000),
  recordedAt: new Date(Date.UTC(2026, 10, 1) + n * 1000),
  policyVersion: '1.0.0',
  choices: {analytics: n % 2 === 0, advertising: false},
  method: 'banner',
  locale: 'ja',
  policySha256: 'a'.repeat(64),
  registryFingerprint: '0123456789abcdef',
  ...overrides,
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A new folder under the temporary directory, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A path removed after the test file (a symlink the test makes). */
export const removeAfter = (...paths: string[]) => void dirs.push(...paths);
