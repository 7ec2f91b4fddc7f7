import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {beforeAll, describe, expect, it} from 'vitest';
import {openEmbeddedEngine} from '@/lib/consent/store/embedded';
import {openPostgresStore} from '@/lib/consent/store/postgres';
import {openSqlStore} from '@/lib/consent/store/sql-store';
import type {ConsentStore} from '@/lib/consent/store/types';
import {openCheckpoint} from '@/lib/consent/transparency/checkpoint';
import {logKeyFromSeed} from '@/lib/consent/transparency/keys';
import {id, receipt} from '../support/consent-store';
import {pgClusterOfThisFile} from '../support/pg-cluster-of-file';
import {postgresBinDir} from '../support/postgres-cluster';
import {tempDir} from '../support/temp-dirs';

// Tampering with the log and the store by SQL, as an operator or an attacker with the database
// could: consent:verify's check (store.log.audit) must name the first altered, missing, inserted
// or reordered entry — on the embedded store always, and on PostgreSQL whenever it is installed.
const pgCluster = pgClusterOfThisFile();

const ORIGIN = 'heyimg.test/consent-log';
const KEY = logKeyFromSeed('test', Buffer.alloc(32, 7));
const ROTATED = logKeyFromSeed('next', Buffer.alloc(32, 9));

type Sql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
interface Opened {
  store: ConsentStore;
  sql: Sql;
  close(): Promise<void>;
}
/** A backend: opens a fresh copy of the log built by `build` (built once per backend). */
interface Backend {
  prepare(build: (store: ConsentStore) => Promise<void>): Promise<void>;
  copy(): Promise<Opened>;
}

function embedded(): Backend {
  const base = tempDir('heyimg-log-base-');
  const open = async (dir: string): Promise<Opened> => {
    const engine = await openEmbeddedEngine(dir);
    const store = await openSqlStore('embedded', engine);
    return {
      store,
      sql: async (text, params) => (await engine.query<Record<string, unknown>>(text, params)).rows,
      close: () => store.close(),
    };
  };
  return {
    async prepare(build) {
      const {store, close} = await open(base);
      await build(store);
      await close();
    },
    async copy() {
      // Removed as soon as it is closed: a file's worth of PGlite folders takes long to remove at the end.
      const dir = mkdtempSync(path.join(tmpdir(), 'heyimg-log-copy-'));
      cpSync(base, dir, {recursive: true});
      const opened = await open(dir);
      return {
        ...opened,
        close: async () => {
          await opened.close();
          rmSync(dir, {recursive: true, force: true});
        },
      };
    },
  };
}

function postgres(): Backend {
  let copies = 0;
  const url = (db: string) => pgCluster()!.url.replace(/\/postgres$/, `/${db}`);
  const admin: Sql = async (text) => {
    const client = new pg.Client(pgCluster()!.url);
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const open = async (db: string): Promise<Opened> => {
    const store = await openPostgresStore(url(db));
    const client = new pg.Client(url(db));
    await client.connect();
    return {
      store,
      sql: async (text, params) => (await client.query(text, params)).rows,
      close: async () => {
        await client.end();
        await store.close();
      },
    };
  };
  return {
    async prepare(build) {
      await admin('CREATE DATABASE log_base');
      const {store, close} = await open('log_base');
      await build(store);
      await close();
    },
    async copy() {
      const db = `log_copy_${++copies}`;
      await admin(`CREATE DATABASE ${db} TEMPLATE log_base`);
      return open(db);
    },
  };
}

const BACKENDS: [string, () => Backend][] = [
  ['embedded (PGlite)', embedded],
  ...(postgresBinDir() ? [['PostgreSQL server', postgres] as [string, () => Backend]] : []),
];

/**
 * The log every test starts from: receipts 0–9 (ids 100–109), a visitor's deletion of id 103 (its
 * receipts were entries 3 and 10), checkpoints along the way, and a few receipts after the last
 * checkpoint.
 */
async function build(store: ConsentStore) {
  for (let n = 0; n < 10; n++) expect(await store.append(receipt(n, {consentId: id(100 + n)}))).toBe('stored');
  await store.log.checkpoint(KEY, ORIGIN); // size 10
  await store.append(receipt(10, {consentId: id(103)}));
  expect(await store.deleteConsent(id(103))).toBe(2); // entry 11
  for (let n = 12; n < 20; n++) await store.append(receipt(n, {consentId: id(100 + n)}));
  await store.log.checkpoint(KEY, ORIGIN); // size 20
  for (let n = 20; n < 23; n++) await store.append(receipt(n, {consentId: id(100 + n)}));
}

const audit = (store: ConsentStore, keys = [KEY]) => store.log.audit(keys, ORIGIN);

describe.each(BACKENDS)('the consent log, tampered with by SQL: %s', {timeout: 60_000}, (_name, backend) => {
  let log: Backend;
  beforeAll(async () => {
    log = backend();
    await log.prepare(build);
  }, 120_000);

  /** A fresh copy of the log, tampered with by `tamper`, then audited. */
  async function auditAfter(tamper: (sql: Sql) => Promise<unknown>) {
    const {store, sql, close} = await log.copy();
    try {
      await tamper(sql);
      return await audit(store);
    } finally {
      await close();
    }
  }

  it('verifies as written, a visitor’s deletion included, with dense indices decided by the database', async () => {
    const {store, sql, close} = await log.copy();
    try {
      const result = await audit(store);
      expect(result).toMatchObject({entries: 23, receipts: 20, deletions: 1, purges: 0, checkpoints: 2, problem: null});
      const indices = (await sql('SELECT idx FROM consent_log ORDER BY idx')).map((r) => Number(r.idx));
      expect(indices).toEqual(Array.from({length: 23}, (_, i) => i));
      const [deletion] = await sql('SELECT removed FROM consent_deletions');
      expect((deletion!.removed as unknown[]).map(Number)).toEqual([3, 10]);
    } finally {
      await close();
    }
  });

  it('names a receipt whose field was changed, and one that was back-dated', async () => {
    const changed = await auditAfter((sql) =>
      sql('UPDATE consent_receipts SET analytics = NOT analytics WHERE log_index = 5'),
    );
    expect(changed.problem).toMatchObject({kind: 'altered', index: 5, consentId: id(105)});
    expect(changed.problem!.en).toContain('was changed after it was logged');
    expect(changed.problem!.ja).toContain('改ざん');
    const backdated = await auditAfter((sql) =>
      sql(`UPDATE consent_receipts SET received_at = received_at - interval '1 day' WHERE log_index = 14`),
    );
    expect(backdated.problem).toMatchObject({kind: 'altered', index: 14, consentId: id(114)});
  });

  it('names a receipt row removed without its deletion entry', async () => {
    const result = await auditAfter((sql) => sql('DELETE FROM consent_receipts WHERE log_index = 7'));
    expect(result.problem).toMatchObject({kind: 'missing', index: 7});
    expect(result.problem!.en).toContain('without a recorded deletion or purge');
  });

  it('names a deletion record removed silently: its own entry and the receipts it accounted for', async () => {
    const result = await auditAfter((sql) => sql('DELETE FROM consent_deletions'));
    expect(result.problem).toMatchObject({kind: 'missing', index: 3});
  });

  it('names an altered leaf, as against its signed checkpoint', async () => {
    const result = await auditAfter((sql) =>
      sql(`UPDATE consent_log SET leaf = sha256('forged'::bytea) WHERE idx = 6`),
    );
    expect(result.problem).toMatchObject({kind: 'altered', index: 6, consentId: id(106)});
    expect(result.problem!.en).toContain('no longer matches the signed checkpoint of size 10');
  });

  it('names a deleted leaf', async () => {
    const result = await auditAfter((sql) => sql('DELETE FROM consent_log WHERE idx = 12'));
    expect(result.problem).toMatchObject({kind: 'missing', index: 12, consentId: id(112)});
  });

  it('names a forged receipt row, outside the log or claiming an entry past its end', async () => {
    const forge = (logIndex: string) => (sql: Sql) =>
      sql(
        `INSERT INTO consent_receipts (consent_id, recorded_at, policy_version, analytics, advertising, method, locale, log_index)
         VALUES ($1, now(), '1.0.0', true, true, 'banner', 'ja', ${logIndex})`,
        [id(999)],
      );
    expect((await auditAfter(forge('NULL'))).problem).toMatchObject({
      kind: 'inserted',
      index: null,
      consentId: id(999),
    });
    expect((await auditAfter(forge('40'))).problem).toMatchObject({kind: 'inserted', index: 40, consentId: id(999)});
  });

  it('names a forged leaf appended after the log’s end', async () => {
    const result = await auditAfter((sql) =>
      sql(`INSERT INTO consent_log (idx, leaf) VALUES (23, sha256('x'::bytea))`),
    );
    expect(result.problem).toMatchObject({kind: 'inserted', index: 23});
  });

  it('names two swapped leaves, and two receipts given each other’s place', async () => {
    const leaves = await auditAfter((sql) =>
      sql(`UPDATE consent_log AS a SET leaf = b.leaf FROM consent_log AS b
           WHERE (a.idx, b.idx) IN ((2, 8), (8, 2))`),
    );
    expect(leaves.problem).toMatchObject({kind: 'reordered', index: 2, consentId: id(102)});
    expect(leaves.problem!.en).toContain('entries 2 and 8 were swapped');
    const rows = await auditAfter(async (sql) => {
      await sql('UPDATE consent_receipts SET log_index = -log_index WHERE log_index IN (15, 16)');
      await sql(
        'UPDATE consent_receipts SET log_index = CASE log_index WHEN -15 THEN 16 ELSE 15 END WHERE log_index < 0',
      );
    });
    expect(rows.problem).toMatchObject({kind: 'reordered', index: 15});
  });

  it('checks the stored tiles, and still names an altered leaf first in a log past its first tile', async () => {
    const {store, sql, close} = await log.copy();
    try {
      for (let n = 100; n < 400; n++) await store.append(receipt(n, {consentId: id(1000 + n)}));
      await store.log.checkpoint(KEY, ORIGIN); // 323 entries: the first tile of 256 is stored
      expect((await audit(store)).problem).toBeNull();
      await sql(`UPDATE consent_log_tiles SET hash = sha256('forged'::bytea) WHERE level = 8 AND idx = 0`);
      expect((await audit(store)).problem).toMatchObject({kind: 'altered', index: 0});
      expect((await audit(store)).problem!.en).toContain('stored tile 0 of level 8');
      await sql(`UPDATE consent_log SET leaf = sha256('forged'::bytea) WHERE idx = 200`);
      const result = await audit(store);
      expect(result.problem).toMatchObject({kind: 'altered', index: 0}); // the tile is the first problem
      await sql(`DELETE FROM consent_log_tiles`);
      expect((await audit(store)).problem).toMatchObject({kind: 'altered', index: 200});
      expect((await audit(store)).problem!.en).toContain('no longer matches the signed checkpoint of size 323');
    } finally {
      await close();
    }
  });

  it('names a checkpoint whose note was changed or whose signature is not the log’s', async () => {
    const result = await auditAfter((sql) =>
      sql(`UPDATE consent_log_checkpoints SET note = replace(note, E'\\n10\\n', E'\\n11\\n') WHERE size = 10`),
    );
    expect(result.problem).toMatchObject({kind: 'unsigned', index: 10});
  });

  it('verifies after consent:purge, and tells its removals from a silent one', async () => {
    const {store, sql, close} = await log.copy();
    try {
      // Receipts 0–9 were received before the others: the retention period ends between them.
      const cutoff = new Date(
        (
          (await sql('SELECT received_at FROM consent_receipts WHERE log_index = 12'))[0]!.received_at as Date
        ).getTime(),
      );
      await sql(`UPDATE consent_receipts SET received_at = received_at - interval '10 years' WHERE log_index < 10`);
      // (That back-dating is itself an alteration; the purge removes those rows, and with them the evidence.)
      const purged = await store.purgeBefore(new Date(cutoff.getTime() - 365 * 24 * 3600 * 1000));
      expect(purged).toEqual({receipts: 9, deletions: 0});
      const result = await audit(store);
      expect(result).toMatchObject({entries: 24, purges: 1, problem: null});
      await sql('DELETE FROM consent_receipts WHERE log_index = 13');
      expect((await audit(store)).problem).toMatchObject({kind: 'missing', index: 13});
    } finally {
      await close();
    }
  });

  it('keeps verifying across a key rotation: the new key signs, the old one still verifies', async () => {
    const {store, close} = await log.copy();
    try {
      const signed = await store.log.checkpoint(ROTATED, ORIGIN);
      expect(signed.size).toBe(23);
      expect(openCheckpoint(signed.note, [ROTATED, KEY])).toMatchObject({origin: ORIGIN, size: 23});
      expect((await audit(store, [ROTATED, KEY])).problem).toBeNull();
      expect((await audit(store, [ROTATED])).problem).toMatchObject({kind: 'unsigned', index: 10});
    } finally {
      await close();
    }
  });

  it('serves inclusion and consistency proofs that verify against its checkpoints', async () => {
    const {verifyConsistency, verifyInclusion} = await import('@/lib/consent/transparency/merkle');
    const {receiptLeaf} = await import('@/lib/consent/transparency/entry');
    const {store, close} = await log.copy();
    try {
      const latest = (await store.log.latestCheckpoint())!;
      const checkpoint = openCheckpoint(latest.note, [KEY])!;
      const [r] = await store.list(id(114));
      const proof = await store.log.inclusionProof(r!.logIndex!, checkpoint.size);
      expect(verifyInclusion(r!.logIndex!, checkpoint.size, receiptLeaf(r!), proof, checkpoint.root)).toBe(true);
      const newer = await store.log.checkpoint(KEY, ORIGIN);
      const consistency = await store.log.consistencyProof(checkpoint.size, newer.size);
      expect(verifyConsistency(checkpoint.size, newer.size, consistency, checkpoint.root, newer.root)).toBe(true);
    } finally {
      await close();
    }
  });
});
