import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {routing} from '@/i18n/routing';
import {CONSENT_CONTRACT} from '@/lib/consent/contract';
import {openEmbeddedStore} from '@/lib/consent/store/embedded';
import {MIGRATIONS} from '@/lib/consent/store/migrations';
import {RECEIPT_ORIGIN_PATTERN} from '@/lib/consent/schema';
import {openPostgresStore} from '@/lib/consent/store/postgres';
import type {ConsentStore} from '@/lib/consent/store/types';
import {id, receipt} from '../support/consent-store';
import {tempDir} from '../support/temp-dirs';
import {pgClusterOfThisFile} from '../support/pg-cluster-of-file';
import {postgresBinDir} from '../support/postgres-cluster';

// The same contract runs against the embedded store always, and against a real PostgreSQL server
// whenever Debian's binaries are installed (.ci/run installs them; in CI their absence fails).
const pgCluster = pgClusterOfThisFile();

/** Everything an export yields (the stores stream it page by page). */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

// Each backend opens the same folder or database every time, so reopening finds what was stored.
let embeddedDir: string | null = null;
const BACKENDS: [string, () => Promise<ConsentStore>][] = [
  [
    'embedded (PGlite)',
    () => {
      embeddedDir ??= tempDir('heyimg-store-');
      return openEmbeddedStore(embeddedDir);
    },
  ],
  ...(postgresBinDir()
    ? [['PostgreSQL server', () => openPostgresStore(pgCluster()!.url)] as [string, () => Promise<ConsentStore>]]
    : []),
];

// Opening PGlite or a cluster can take seconds on a loaded 2-core machine: explicit, generous timeouts.
describe.each(BACKENDS)('consent store: %s', {timeout: 30_000}, (_name, open) => {
  let store: ConsentStore;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(async () => store?.close());

  it('stores a receipt once, however often it is sent', async () => {
    expect(await store.append(receipt(1))).toBe('stored');
    expect(await store.append(receipt(1))).toBe('duplicate');
    const [stored, ...rest] = await store.list(id(1));
    expect(rest).toEqual([]);
    expect(stored).toMatchObject({
      consentId: id(1),
      policyVersion: '1.0.0',
      choices: {analytics: false, advertising: false},
      method: 'banner',
      locale: 'ja',
    });
    expect(stored!.recordedAt.toISOString()).toBe(receipt(1).recordedAt.toISOString());
    expect(Math.abs(stored!.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('keeps every choice of one visitor, in order', async () => {
    await store.append(receipt(2, {consentId: id(42)}));
    await store.append(
      receipt(3, {consentId: id(42), method: 'preferences', choices: {analytics: true, advertising: true}}),
    );
    expect((await store.list(id(42))).map((r) => r.method)).toEqual(['banner', 'preferences']);
  });

  it('takes 200 concurrent appends without losing one', async () => {
    const results = await Promise.all(
      Array.from({length: 200}, (_, i) => store.append(receipt(1000 + i, {consentId: id(5000 + i)}))),
    );
    expect(results.filter((r) => r === 'stored')).toHaveLength(200);
    const exported = await collect(store.export(new Date(0), new Date(Date.now() + 60_000)));
    expect(exported.filter((r) => r.consentId >= id(5000)).length).toBe(200);
  });

  it('enforces the consent contract: its methods and locales, nothing else', async () => {
    for (const [i, method] of CONSENT_CONTRACT.methods.entries()) {
      expect(await store.append(receipt(600 + i, {consentId: id(600), method}))).toBe('stored');
    }
    for (const [i, locale] of routing.locales.entries()) {
      expect(await store.append(receipt(700 + i, {consentId: id(700), locale}))).toBe('stored');
    }
    await expect(store.append(receipt(7, {consentId: 'not-an-id'}))).rejects.toThrow();
    await expect(store.append(receipt(8, {method: 'admin' as never}))).rejects.toThrow();
    await expect(store.append(receipt(9, {locale: 'fr' as never}))).rejects.toThrow();
    await expect(store.append(receipt(10, {policyVersion: 'v1'}))).rejects.toThrow();
  });

  it('has a column for every optional category of the contract (a new category needs a migration)', async () => {
    const {columns} = await store.schema();
    expect(columns).toEqual(expect.arrayContaining([...CONSENT_CONTRACT.optional]));
  });

  it('deletes a visitor’s receipts on request, and records that it happened', async () => {
    const before = new Date(Date.now() - 1000);
    await store.append(receipt(9, {consentId: id(77)}));
    expect(await store.deleteConsent(id(77))).toBe(1);
    expect(await store.list(id(77))).toEqual([]);
    const log = await store.deletions(before, new Date(Date.now() + 60_000));
    expect(log).toEqual([expect.objectContaining({consentId: id(77), receipts: 1})]);
  });

  it('records nothing when an unknown id is deleted', async () => {
    const before = new Date(Date.now() - 1000);
    expect(await store.deleteConsent(id(78))).toBe(0);
    const log = await store.deletions(before, new Date(Date.now() + 60_000));
    expect(log.filter((d) => d.consentId === id(78))).toEqual([]);
  });

  it('lets the first receipt claim an unused id, once, and never a used or deleted one', async () => {
    const claims = await Promise.all(
      Array.from({length: 10}, (_, n) => store.claim(receipt(500 + n, {consentId: id(555)}))),
    );
    expect(claims.filter((c) => c === 'stored')).toHaveLength(1);
    expect(await store.list(id(555))).toHaveLength(1);
    expect(await store.claim(receipt(600, {consentId: id(555)}))).toBe('taken');
    await store.append(receipt(601, {consentId: id(556)}));
    await store.deleteConsent(id(556));
    expect(await store.claim(receipt(602, {consentId: id(556)}))).toBe('taken');
    expect(await store.list(id(556))).toEqual([]);
  });

  it('stores the same receipt once, and refuses a different one with the same id and time', async () => {
    const first = receipt(12, {consentId: id(12)});
    expect(await store.append(first)).toBe('stored');
    expect(await store.append({...first})).toBe('duplicate');
    expect(await store.append({...first, choices: {analytics: true, advertising: true}})).toBe('conflict');
    expect(await store.append({...first, policySha256: 'b'.repeat(64)})).toBe('conflict');
    expect((await store.list(id(12))).map((r) => r.choices)).toEqual([first.choices]);
  });

  it('keeps the hash of the text shown and the registry fingerprint, and refuses malformed ones', async () => {
    const [stored] = await store.list(id(12));
    expect(stored).toMatchObject({
      policySha256: 'a'.repeat(64),
      registryFingerprint: '0123456789abcdef',
      origin: 'https://heyimg.net',
    });
    await expect(store.append(receipt(13, {consentId: id(13), policySha256: 'xyz'}))).rejects.toThrow();
    await expect(store.append(receipt(13, {consentId: id(13), origin: 'https://a.example/path'}))).rejects.toThrow();
    await expect(store.append(receipt(13, {consentId: id(13), origin: 'https://a.example,x'}))).rejects.toThrow();
  });

  it('exports page by page, every receipt once, in received order', async () => {
    const all = await collect(store.export(new Date(0), new Date(Date.now() + 60_000)));
    const paged = await collect(store.export(new Date(0), new Date(Date.now() + 60_000), 7));
    expect(paged).toEqual(all);
  });

  it('exports by received date and purges receipts and deletion records older than the retention period', async () => {
    await store.append(receipt(14, {consentId: id(14)}));
    expect(await store.deleteConsent(id(14))).toBe(1);
    const all = await collect(store.export(new Date(0), new Date(Date.now() + 60_000)));
    expect(all.length).toBeGreaterThan(0);
    const deletions = await store.deletions(new Date(0), new Date(Date.now() + 60_000));
    expect(deletions.length).toBeGreaterThan(0);
    expect(await collect(store.export(new Date(Date.now() + 60_000), new Date(Date.now() + 120_000)))).toEqual([]);
    expect(await store.purgeBefore(new Date(Date.now() - 24 * 60 * 60 * 1000))).toEqual({receipts: 0, deletions: 0});
    expect(await store.purgeBefore(new Date(Date.now() + 60_000))).toEqual({
      receipts: all.length,
      deletions: deletions.length,
    });
    expect(await collect(store.export(new Date(0), new Date(Date.now() + 60_000)))).toEqual([]);
    expect(await store.deletions(new Date(0), new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('acknowledges a write only once it is on disk (fsync on)', async () => {
    expect((await store.schema()).durability).toMatchObject({fsync: 'on', synchronousCommit: 'on'});
  });

  it('reopens the same store with its receipts, every migration applied once', async () => {
    await store.append(receipt(11, {consentId: id(11)}));
    await store.close();
    store = await open();
    expect(await store.list(id(11))).toHaveLength(1);
    expect((await store.schema()).migrations).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

it("holds a receipt's origin to the same pattern in the app and in SQL", () => {
  const sql = MIGRATIONS.find((m) => m.sql.includes('ADD COLUMN origin'))!.sql;
  expect(sql).toContain(`origin ~ '${RECEIPT_ORIGIN_PATTERN}'`);
});

/** Every file of a folder, by relative path, with the hash of its bytes. */
function contents(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(folder, file), createHash('sha256').update(readFileSync(file)).digest('hex')];
      }),
  );
}

describe('a new embedded store from the build’s template (scripts/store-template.ts)', {timeout: 60_000}, () => {
  it('starts as a copy, even after an interrupted one, with its own owner note; the template stays as built', async () => {
    const template = tempDir('heyimg-template-');
    await (await openEmbeddedStore(template)).close();
    // The build removes it; one left behind must not be copied as this store's owner.
    writeFileSync(path.join(template, 'heyimg-store.owner'), JSON.stringify({pid: 1, command: 'build'}));
    const built = contents(template);
    const folder = path.join(tempDir('heyimg-store-'), 'store');
    // A copy interrupted before its last file (PG_VERSION): it is made again.
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'postgresql.conf'), 'half a copy');
    const store = await openEmbeddedStore(folder, {template});
    expect(await store.append(receipt(1))).toBe('stored');
    expect((await store.schema()).migrations).toEqual(MIGRATIONS.map((m) => m.version));
    expect(JSON.parse(readFileSync(path.join(folder, 'heyimg-store.owner'), 'utf8')).pid).toBe(process.pid);
    await store.close();
    expect(readFileSync(path.join(folder, 'postgresql.conf'), 'utf8')).toBe(
      readFileSync(path.join(template, 'postgresql.conf'), 'utf8'),
    );
    expect(contents(template)).toEqual(built);
    // Opened again, it is the same store: never copied over.
    const again = await openEmbeddedStore(folder, {template});
    expect(await again.list(id(1))).toHaveLength(1);
    await again.close();
  });
});

describe.runIf(postgresBinDir())('PostgreSQL killed in the middle of a burst', () => {
  it('loses no acknowledged receipt, and the pending ones arrive after it is back', async () => {
    const store = await openPostgresStore(pgCluster()!.url);
    const acknowledged: string[] = [];
    let failures = 0;
    const send = async (n: number) => {
      const r = receipt(n, {consentId: id(90_000 + n)});
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          await store.append(r);
          acknowledged.push(r.consentId);
          return;
        } catch {
          failures++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error(`receipt ${n} never stored`);
    };
    const senders = Array.from({length: 300}, (_, n) => n);
    let killed = false;
    const burst = (async () => {
      for (let i = 0; i < senders.length; i += 10) {
        await Promise.all(senders.slice(i, i + 10).map(send));
        if (!killed && acknowledged.length >= 100) {
          killed = true;
          pgCluster()!.kill();
          // While it is down, receipts fail and wait; then it comes back.
          setTimeout(() => pgCluster()!.start(), 1500);
        }
      }
    })();
    await burst;
    expect(killed).toBe(true);
    expect(failures).toBeGreaterThan(0);
    const stored = new Set(
      (await collect(store.export(new Date(0), new Date(Date.now() + 60_000)))).map((r) => r.consentId),
    );
    expect(acknowledged).toHaveLength(300);
    expect(acknowledged.filter((a) => !stored.has(a))).toEqual([]);
    await store.close();
  }, 120_000);
});
