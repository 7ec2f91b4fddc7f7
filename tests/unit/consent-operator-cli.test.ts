import {execFileSync, spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {openEmbeddedStore} from '@/lib/consent/store/embedded';
import {CSV_HEADER, cutoffFor, parseDay, receiptLine} from '@/lib/consent/store/operator';
import {id, receipt} from '../support/consent-store';
import {tempDir} from '../support/temp-dirs';

// Apart from consent-store.test.ts so that vitest runs the slow process-spawning tests side by side.
describe('operator commands', () => {
  it('parses days and retention durations', () => {
    expect(parseDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDay('2026-02-30')).toBeNull();
    const now = new Date('2026-11-25T00:00:00Z');
    expect(cutoffFor('90d', now)?.toISOString()).toBe('2026-08-27T00:00:00.000Z');
    expect(cutoffFor('3y', now)?.toISOString()).toBe('2023-11-25T00:00:00.000Z');
    expect(cutoffFor('18m', now)?.toISOString()).toBe('2025-05-25T00:00:00.000Z');
    expect(cutoffFor('soon', now)).toBeNull();
  });

  it('npm run consent:export / consent:purge work on the embedded store', async () => {
    const dir = tempDir('heyimg-cli-');
    const store = await openEmbeddedStore(dir);
    await store.append(receipt(1));
    await store.append(receipt(2, {method: 'gpc'}));
    await store.close();
    const cli = (...args: string[]) =>
      execFileSync('npx', ['tsx', 'scripts/consent-cli.ts', ...args], {
        env: {...process.env, CONSENT_DATA_DIR: dir, DATABASE_URL: ''},
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const today = new Date().toISOString().slice(0, 10);
    const csv = cli('export', '--from', today, '--to', today, '--format', 'csv').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toBe(CSV_HEADER);
    expect(cli('export', '--to', '2000-01-01', '--format', 'jsonl')).toBe('');
    expect(cli('purge', '--older-than', '1d')).toMatch(/^Purged 0 receipt\(s\) received and 0 deletion record/);
    const bad = spawnSync('npx', ['tsx', 'scripts/consent-cli.ts', 'purge', '--older-than', 'soon'], {
      env: {...process.env, CONSENT_DATA_DIR: dir},
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/use a number and d, w, m or y/);
  }, 240_000);

  it('formats CSV with a header and JSON lines', () => {
    const r = {...receipt(1), receivedAt: new Date('2026-11-25T00:00:00Z')};
    expect(CSV_HEADER).toBe(
      'consent_id,recorded_at,received_at,policy_version,analytics,advertising,method,locale,policy_sha256,registry_fingerprint,origin',
    );
    expect(receiptLine(r, 'csv')).toBe(
      `${id(1)},2026-11-01T00:00:01.000Z,2026-11-25T00:00:00.000Z,1.0.0,false,false,banner,ja,${'a'.repeat(64)},0123456789abcdef,https://heyimg.net\n`,
    );
    expect(JSON.parse(receiptLine(r, 'jsonl'))).toMatchObject({consentId: id(1), choices: {analytics: false}});
  });
});
