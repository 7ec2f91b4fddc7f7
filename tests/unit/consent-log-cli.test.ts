import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openEmbeddedEngine, openEmbeddedStore} from '@/lib/consent/store/embedded';
import {MIGRATIONS} from '@/lib/consent/store/migrations';
import {LOG_ORIGIN} from '@/lib/consent/transparency/checkpointer';
import {loadLogKeys, publishedKey} from '@/lib/consent/transparency/keys';
import {id, receipt} from '../support/consent-store';
import {tempDir} from '../support/temp-dirs';

// npm run consent:verify itself, on an embedded store that existed before the log (migration 4
// logs its rows), then purged by consent:purge, signed, and tampered with.
const verify = (dir: string, ...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/consent-cli.ts', 'verify', ...args], {
    env: {...process.env, CONSENT_DATA_DIR: dir, DATABASE_URL: '', CONSENT_LOG_KEYS: ''},
    encoding: 'utf8',
  });

describe('npm run consent:verify', () => {
  it('logs the rows stored before the log, verifies them and a purge, and names a tampered one in both languages', async () => {
    const dir = tempDir('heyimg-verify-cli-');
    // A store as migration 3 left it: receipts (their times in microseconds) and a deletion record.
    const engine = await openEmbeddedEngine(dir);
    await engine.query(
      'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) {
      await engine.query(migration.sql);
      await engine.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    for (let n = 1; n <= 3; n++)
      await engine.query(
        `INSERT INTO consent_receipts (consent_id, recorded_at, received_at, policy_version, analytics, advertising, method, locale, origin)
         VALUES ($1, $2, ${n === 1 ? `'2020-01-01 00:00:00.123456+00'` : 'clock_timestamp()'}, '1.0.0', true, false, 'banner', 'ja', 'https://heyimg.net')`,
        [id(n), new Date(Date.UTC(2026, 0, n)).toISOString()],
      );
    await engine.query(`INSERT INTO consent_deletions (consent_id, receipts) VALUES ($1, 2)`, [id(9)]);
    await engine.close();

    const first = verify(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      'The consent log verifies (4 entries: 3 receipts, 1 deletion records, 0 purges; 0 checkpoints',
    );

    // The retention period, through the operator's command: the purge is an entry, and its removals are accounted for.
    const purge = spawnSync('npx', ['tsx', 'scripts/consent-cli.ts', 'purge', '--older-than', '1y'], {
      env: {...process.env, CONSENT_DATA_DIR: dir, DATABASE_URL: ''},
      encoding: 'utf8',
    });
    expect(purge.stdout).toMatch(/^Purged 1 receipt\(s\)/);
    expect(verify(dir).stdout).toContain('(5 entries: 2 receipts, 1 deletion records, 1 purges; 0 checkpoints');

    // Signed with the key file the command itself created (CONSENT_DATA_DIR/log-keys), then more receipts.
    const store = await openEmbeddedStore(dir);
    const keys = loadLogKeys({CONSENT_DATA_DIR: dir});
    await store.append(receipt(4, {consentId: id(4)}));
    await store.log.checkpoint(keys[0]!, LOG_ORIGIN);
    await store.append(receipt(5, {consentId: id(5)}));
    await store.close();
    // An auditor with the published public keys alone.
    const published = path.join(dir, 'published-keys.json');
    writeFileSync(published, JSON.stringify({origin: LOG_ORIGIN, keys: keys.map(publishedKey)}));
    expect(verify(dir, '--keys', published).stdout).toContain('1 checkpoints');

    const tamper = await openEmbeddedEngine(dir);
    await tamper.query(`UPDATE consent_receipts SET advertising = true WHERE consent_id = $1`, [id(2)]);
    await tamper.close();
    const tampered = verify(dir);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('同意ログの検証に失敗しました。改ざん: 項目 1');
    expect(tampered.stderr).toContain(`The consent log does not verify: altered: the receipt of consent id ${id(2)}`);
  }, 240_000);
});
