import {logOncePerMinute} from '../log';
import {auditLog} from '../transparency/audit';
import {deletionLeaf, purgeLeaf, receiptLeaf} from '../transparency/entry';
import {
  consistencyProof,
  databaseNow,
  inclusionProof,
  insertLogged,
  latestCheckpoint,
  lockLog,
  logSize,
  signNewCheckpoint,
} from '../transparency/log';
import {migrate} from './migrations';
import {CHOICE_COLUMNS, COLUMNS, sameReceipt, toReceipt, type Row} from './receipt-rows';
import type {ConsentStore, NewReceipt, SqlClient} from './types';

/** The columns a receipt's insert sets: all but the server's time and the log index, which follow. */
const INSERTED = COLUMNS.filter((column) => column !== 'received_at' && column !== 'log_index');
/** Parameters in a SELECT list have no column to take their type from: each is cast. */
const INSERTED_PARAMS = INSERTED.map((column, i) => {
  const type =
    column === 'recorded_at'
      ? 'timestamptz'
      : (CHOICE_COLUMNS as readonly string[]).includes(column)
        ? 'boolean'
        : 'text';
  return `$${i + 1}::${type}`;
});
const RECEIVED_AT = `$${INSERTED.length + 1}::timestamptz`;

function insertedValues(r: NewReceipt, receivedAt: Date): unknown[] {
  const value: Record<string, unknown> = {
    consent_id: r.consentId,
    recorded_at: r.recordedAt.toISOString(),
    policy_version: r.policyVersion,
    method: r.method,
    locale: r.locale,
    policy_sha256: r.policySha256,
    registry_fingerprint: r.registryFingerprint,
    origin: r.origin,
    ...r.choices,
  };
  return [...INSERTED.map((column) => value[column]), receivedAt.toISOString()];
}

/** The receipt's insert at the log's next index (transparency/log.ts insertLogged); `where` may refuse it. */
const insertReceipt = (where: string, onConflict: string) =>
  `INSERT INTO consent_receipts (${INSERTED.join(', ')}, received_at, log_index)
   SELECT ${INSERTED_PARAMS.join(', ')}, ${RECEIVED_AT}, idx FROM head ${where} ${onConflict}
   RETURNING log_index`;

/** A logged write that stored nothing: its transaction is rolled back, so its log index is not spent. */
const NOTHING_STORED = Symbol('nothing stored');

/**
 * The bench's baseline, and nothing else: receipts stored without their log entry, to measure what
 * the log costs. Said at every open; consent:verify names every receipt so stored.
 */
const UNLOGGED_FOR_BENCH = () => process.env.HEYIMG_BENCH_UNLOGGED_RECEIPTS === '1';

/**
 * The store over any SQL client: one dialect (PostgreSQL's) for the embedded and the server mode.
 * Migrations run first, through `migrator` when the driver gives one without its usual statement
 * deadline: a migration may rewrite every row of a large store once.
 */
export async function openSqlStore(
  kind: ConsentStore['kind'],
  client: SqlClient,
  migrator: Pick<SqlClient, 'query' | 'transaction'> = client,
): Promise<ConsentStore> {
  await migrate(migrator);
  const select = `SELECT ${COLUMNS.join(', ')} FROM consent_receipts`;
  const unlogged = UNLOGGED_FOR_BENCH();
  if (unlogged)
    logOncePerMinute(
      '[consent] HEYIMG_BENCH_UNLOGGED_RECEIPTS=1: receipts are stored WITHOUT their log entry (the bench baseline); consent:verify will name each one.',
    );

  /**
   * Runs a write whose entry goes into the log: the database's time first (the entry's time, to
   * the millisecond), then `work`, which returns the entry's log index or null when it stored
   * nothing (then rolled back: an index taken is never left unused).
   */
  async function logged(work: (tx: Pick<SqlClient, 'query'>, now: Date) => Promise<number | null>) {
    try {
      return await client.transaction(async (tx) => {
        const index = await work(tx, await databaseNow(tx));
        if (index === null) throw NOTHING_STORED;
        return index;
      });
    } catch (error) {
      if (error === NOTHING_STORED) return null;
      throw error;
    }
  }

  const appendLogged = (r: NewReceipt) =>
    logged((tx, receivedAt) =>
      insertLogged(
        tx,
        insertReceipt('', 'ON CONFLICT (consent_id, recorded_at) DO NOTHING'),
        insertedValues(r, receivedAt),
        receiptLeaf({...r, receivedAt}),
      ),
    );

  const appendUnlogged = async (r: NewReceipt) =>
    (
      await client.query(
        `INSERT INTO consent_receipts (${INSERTED.join(', ')}, received_at)
         VALUES (${INSERTED_PARAMS.join(', ')}, ${RECEIVED_AT})
         ON CONFLICT (consent_id, recorded_at) DO NOTHING RETURNING consent_id`,
        insertedValues(r, new Date()),
      )
    ).rows.length === 1
      ? 0
      : null;

  return {
    kind,
    async append(r: NewReceipt) {
      if ((unlogged ? await appendUnlogged(r) : await appendLogged(r)) !== null) return 'stored';
      const existing = await client.query<Row>(`${select} WHERE consent_id = $1 AND recorded_at = $2`, [
        r.consentId,
        r.recordedAt.toISOString(),
      ]);
      return existing.rows[0] && sameReceipt(toReceipt(existing.rows[0]), r) ? 'duplicate' : 'conflict';
    },
    async claim(r: NewReceipt) {
      const index = await logged(async (tx, receivedAt) => {
        // Serialises claims of one id (PostgreSQL's READ COMMITTED would let two both see it unused).
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [r.consentId]);
        return insertLogged(
          tx,
          insertReceipt(
            `WHERE NOT EXISTS (SELECT 1 FROM consent_receipts WHERE consent_id = $1::text)
               AND NOT EXISTS (SELECT 1 FROM consent_deletions WHERE consent_id = $1::text)`,
            '',
          ),
          insertedValues(r, receivedAt),
          receiptLeaf({...r, receivedAt}),
        );
      });
      return index === null ? 'taken' : 'stored';
    },
    async list(consentId: string) {
      const result = await client.query<Row>(`${select} WHERE consent_id = $1 ORDER BY received_at, recorded_at`, [
        consentId,
      ]);
      return result.rows.map(toReceipt);
    },
    async deleteConsent(consentId: string) {
      let deleted = 0;
      await logged(async (tx, deletedAt) => {
        await lockLog(tx);
        const removed = (
          await tx.query<{log_index: string | number | null}>(
            'DELETE FROM consent_receipts WHERE consent_id = $1 RETURNING log_index',
            [consentId],
          )
        ).rows;
        deleted = removed.length;
        if (deleted === 0) return null; // an unknown id leaves no trace
        const entry = {
          consentId,
          deletedAt,
          receipts: deleted,
          removed: removed
            .flatMap((row) => (row.log_index === null ? [] : [Number(row.log_index)]))
            .sort((a, b) => a - b),
        };
        return insertLogged(
          tx,
          `INSERT INTO consent_deletions (consent_id, deleted_at, receipts, removed, log_index)
           SELECT $1, $2::timestamptz, $3, $4::bigint[], idx FROM head RETURNING log_index`,
          [consentId, deletedAt.toISOString(), deleted, entry.removed],
          deletionLeaf(entry),
        );
      });
      return deleted;
    },
    async *export(from: Date, to: Date, pageSize = 5000) {
      // Keyset pages in the index's order: each query reads one page, whatever the log's size. The
      // key is kept as PostgreSQL's own text (microseconds), not as a JavaScript Date (milliseconds).
      let after = [from.toISOString(), '', new Date(0).toISOString()];
      for (;;) {
        const page = await client.query<Row & {received_key: string; recorded_key: string}>(
          `SELECT ${COLUMNS.join(', ')}, received_at::text AS received_key, recorded_at::text AS recorded_key
           FROM consent_receipts
           WHERE (received_at, consent_id, recorded_at) > ($1::timestamptz, $2, $3::timestamptz) AND received_at < $4
           ORDER BY received_at, consent_id, recorded_at LIMIT ${Number(pageSize)}`,
          [...after, to.toISOString()],
        );
        for (const row of page.rows) yield toReceipt(row);
        if (page.rows.length < pageSize) return;
        const last = page.rows.at(-1)!;
        after = [last.received_key, last.consent_id, last.recorded_key];
      }
    },
    async deletions(from: Date, to: Date) {
      const result = await client.query<{consent_id: string; deleted_at: Date | string; receipts: number}>(
        'SELECT consent_id, deleted_at, receipts FROM consent_deletions WHERE deleted_at >= $1 AND deleted_at < $2 ORDER BY deleted_at',
        [from.toISOString(), to.toISOString()],
      );
      return result.rows.map((r) => ({
        consentId: r.consent_id,
        deletedAt: new Date(r.deleted_at),
        receipts: Number(r.receipts),
      }));
    },
    async purgeBefore(cutoff: Date) {
      let purged = {receipts: 0, deletions: 0};
      await logged(async (tx, purgedAt) => {
        await lockLog(tx);
        // What it removes, and the entries the removed deletion records accounted for, as runs of
        // leaf indices: the auditor's evidence that these rows left by the retention period.
        const result = await tx.query<{receipts: string | number; deletions: string | number; removed: string}>(
          `WITH r AS (DELETE FROM consent_receipts WHERE received_at < $1 RETURNING log_index),
                d AS (DELETE FROM consent_deletions WHERE deleted_at < $1 RETURNING log_index, removed),
                gone AS (SELECT log_index AS i FROM r WHERE log_index IS NOT NULL
                         UNION SELECT log_index FROM d WHERE log_index IS NOT NULL
                         UNION SELECT unnest(removed) FROM d),
                runs AS (SELECT min(i) AS first, max(i) + 1 AS last
                         FROM (SELECT i, i - row_number() OVER (ORDER BY i) AS run FROM gone) AS g GROUP BY run)
           SELECT (SELECT count(*) FROM r) AS receipts, (SELECT count(*) FROM d) AS deletions,
                  coalesce((SELECT json_agg(json_build_array(first, last) ORDER BY first) FROM runs)::text, '[]') AS removed`,
          [cutoff.toISOString()],
        );
        const row = result.rows[0]!;
        purged = {receipts: Number(row.receipts), deletions: Number(row.deletions)};
        if (purged.receipts + purged.deletions === 0) return null;
        const entry = {purgedAt, cutoff, ...purged, removed: JSON.parse(row.removed) as [number, number][]};
        return insertLogged(
          tx,
          `INSERT INTO consent_log_purges (purged_at, cutoff, receipts, deletions, removed, log_index)
           SELECT $1::timestamptz, $2::timestamptz, $3, $4, $5::text::jsonb, idx FROM head RETURNING log_index`,
          [purgedAt.toISOString(), cutoff.toISOString(), purged.receipts, purged.deletions, row.removed],
          purgeLeaf(entry),
        );
      });
      return purged;
    },
    log: {
      size: () => logSize(client),
      latestCheckpoint: () => latestCheckpoint(client),
      checkpoint: (key, origin) => signNewCheckpoint(client, key, origin),
      inclusionProof: (index, size) => inclusionProof(client, index, size),
      consistencyProof: (from, to) => consistencyProof(client, from, to),
      audit: (keys, origin) => auditLog(client, keys, origin),
    },
    async schema() {
      const migrations = await client.query<{version: number}>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      const columns = await client.query<{column_name: string}>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'consent_receipts' ORDER BY ordinal_position`,
      );
      // What "acknowledged" means: a commit waits for the WAL to reach the disk.
      const setting = async (name: string) =>
        (await client.query<{setting: string}>('SELECT setting FROM pg_settings WHERE name = $1', [name])).rows[0]
          ?.setting ?? '';
      return {
        migrations: migrations.rows.map((r) => Number(r.version)),
        columns: columns.rows.map((r) => r.column_name),
        durability: {
          fsync: await setting('fsync'),
          synchronousCommit: await setting('synchronous_commit'),
          walSyncMethod: await setting('wal_sync_method'),
        },
      };
    },
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}
