import {logExistingRows} from '../transparency/backfill';
import type {SqlClient} from './types';

/**
 * Versioned schema migrations, applied in order by the app itself when the store opens, each in a
 * transaction under an advisory lock so several servers starting at once apply each one once.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: {
  version: number;
  name: string;
  sql: string;
  /** Work the SQL cannot do, in the same transaction. */
  then?: (tx: Pick<SqlClient, 'query'>) => Promise<void>;
}[] = [
  {
    version: 1,
    name: 'consent receipts',
    sql: `
      CREATE TABLE consent_receipts (
        consent_id     text        NOT NULL CHECK (consent_id ~ '^[0-9a-f]{32}$'),
        recorded_at    timestamptz NOT NULL,
        received_at    timestamptz NOT NULL DEFAULT now(),
        policy_version text        NOT NULL CHECK (policy_version ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$'),
        analytics      boolean     NOT NULL,
        advertising    boolean     NOT NULL,
        method         text        NOT NULL CHECK (method IN ('banner', 'preferences', 'form', 'gpc')),
        locale         text        NOT NULL CHECK (locale IN ('ja', 'en')),
        PRIMARY KEY (consent_id, recorded_at)
      );
      CREATE INDEX consent_receipts_received_at ON consent_receipts (received_at);
    `,
  },
  {
    version: 2,
    name: 'receipts bound to the text and the registry; deletions recorded',
    sql: `
      ALTER TABLE consent_receipts
        ADD COLUMN policy_sha256 text CHECK (policy_sha256 ~ '^[0-9a-f]{64}$'),
        ADD COLUMN registry_fingerprint text CHECK (registry_fingerprint ~ '^[0-9a-f]{16}$');
      CREATE TABLE consent_deletions (
        consent_id  text        NOT NULL CHECK (consent_id ~ '^[0-9a-f]{32}$'),
        deleted_at  timestamptz NOT NULL DEFAULT now(),
        receipts    integer     NOT NULL CHECK (receipts >= 0)
      );
      CREATE INDEX consent_deletions_deleted_at ON consent_deletions (deleted_at);
      CREATE INDEX consent_receipts_export ON consent_receipts (received_at, consent_id, recorded_at);
    `,
  },
  {
    version: 3,
    name: 'the origin of the page a choice was made on',
    sql: `
      ALTER TABLE consent_receipts
        ADD COLUMN origin text CHECK (origin ~ '^https?://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?$');
    `,
  },
  {
    version: 4,
    name: 'the consent log: an append-only Merkle tree of every receipt, deletion and purge',
    // Times to the millisecond, as the log's entries keep them. The leaves are found by a BRIN
    // index (they are written in index order): 77 bytes a leaf where a B-tree would add 20 more.
    sql: `
      UPDATE consent_receipts SET received_at = date_trunc('milliseconds', received_at);
      UPDATE consent_deletions SET deleted_at = date_trunc('milliseconds', deleted_at);
      ALTER TABLE consent_receipts ADD COLUMN log_index bigint;
      CREATE UNIQUE INDEX consent_receipts_log_index ON consent_receipts (log_index);
      ALTER TABLE consent_deletions ADD COLUMN log_index bigint, ADD COLUMN removed bigint[];
      CREATE UNIQUE INDEX consent_deletions_log_index ON consent_deletions (log_index);
      CREATE TABLE consent_log_head (
        one  boolean PRIMARY KEY DEFAULT true CHECK (one),
        size bigint  NOT NULL CHECK (size >= 0)
      );
      INSERT INTO consent_log_head (size) VALUES (0);
      CREATE TABLE consent_log (
        idx  bigint NOT NULL CHECK (idx >= 0),
        leaf bytea  NOT NULL CHECK (length(leaf) = 32)
      );
      CREATE INDEX consent_log_idx ON consent_log USING brin (idx) WITH (pages_per_range = 8);
      CREATE TABLE consent_log_tiles (
        level smallint NOT NULL,
        idx   bigint   NOT NULL,
        hash  bytea    NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
      );
      CREATE TABLE consent_log_checkpoints (
        size      bigint      PRIMARY KEY,
        root      bytea       NOT NULL CHECK (length(root) = 32),
        note      text        NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE consent_log_purges (
        log_index bigint      PRIMARY KEY,
        purged_at timestamptz NOT NULL,
        cutoff    timestamptz NOT NULL,
        receipts  integer     NOT NULL,
        deletions integer     NOT NULL,
        removed   jsonb       NOT NULL
      );
    `,
    then: logExistingRows,
  },
];

const LOCK_KEY = 7_243_001; // any constant: the advisory lock that serialises migrators

export async function migrate(client: Pick<SqlClient, 'query' | 'transaction'>): Promise<number[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = new Set(
      (await tx.query<{version: number}>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.query(migration.sql);
      await migration.then?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
