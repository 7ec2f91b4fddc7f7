import {CONSENT_CONTRACT, type OptionalCategory} from '../contract';
import {migrate} from './migrations';
import type {ConsentStore, NewReceipt, Receipt, SqlClient} from './types';

type Row = {
  consent_id: string;
  recorded_at: Date | string;
  received_at: Date | string;
  policy_version: string;
  method: Receipt['method'];
  locale: Receipt['locale'];
  policy_sha256: string | null;
  registry_fingerprint: string | null;
  origin: string | null;
} & Record<OptionalCategory, boolean>;

/** One boolean column per optional category, named as the contract names it (migrations add them). */
const CHOICE_COLUMNS = CONSENT_CONTRACT.optional;
const COLUMNS = [
  'consent_id',
  'recorded_at',
  'received_at',
  'policy_version',
  ...CHOICE_COLUMNS,
  'method',
  'locale',
  'policy_sha256',
  'registry_fingerprint',
  'origin',
];
const INSERTED = COLUMNS.filter((column) => column !== 'received_at');
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

function toReceipt(row: Row): Receipt {
  return {
    consentId: row.consent_id,
    recordedAt: new Date(row.recorded_at),
    receivedAt: new Date(row.received_at),
    policyVersion: row.policy_version,
    choices: Object.fromEntries(CHOICE_COLUMNS.map((category) => [category, row[category]])) as Receipt['choices'],
    method: row.method,
    locale: row.locale,
    policySha256: row.policy_sha256,
    registryFingerprint: row.registry_fingerprint,
    origin: row.origin,
  };
}

function insertedValues(r: NewReceipt): unknown[] {
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
  return INSERTED.map((column) => value[column]);
}

/** The same receipt again (a retry), or another choice claiming the same id and time. */
function sameReceipt(stored: Receipt, r: NewReceipt): boolean {
  return (
    stored.policyVersion === r.policyVersion &&
    stored.method === r.method &&
    stored.locale === r.locale &&
    stored.policySha256 === r.policySha256 &&
    stored.registryFingerprint === r.registryFingerprint &&
    stored.origin === r.origin &&
    CHOICE_COLUMNS.every((category) => stored.choices[category] === r.choices[category])
  );
}

/** The store over any SQL client: one dialect (PostgreSQL's) for the embedded and the server mode. */
export async function openSqlStore(kind: ConsentStore['kind'], client: SqlClient): Promise<ConsentStore> {
  await migrate(client);
  const select = `SELECT ${COLUMNS.join(', ')} FROM consent_receipts`;
  return {
    kind,
    async append(r: NewReceipt) {
      const result = await client.query<{consent_id: string}>(
        `INSERT INTO consent_receipts (${INSERTED.join(', ')})
         VALUES (${INSERTED.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (consent_id, recorded_at) DO NOTHING
         RETURNING consent_id`,
        insertedValues(r),
      );
      if (result.rows.length === 1) return 'stored';
      const existing = await client.query<Row>(`${select} WHERE consent_id = $1 AND recorded_at = $2`, [
        r.consentId,
        r.recordedAt.toISOString(),
      ]);
      return existing.rows[0] && sameReceipt(toReceipt(existing.rows[0]), r) ? 'duplicate' : 'conflict';
    },
    async claim(r: NewReceipt) {
      return client.transaction(async (tx) => {
        // Serialises claims of one id (PostgreSQL's READ COMMITTED would let two both see it unused).
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [r.consentId]);
        const result = await tx.query<{consent_id: string}>(
          `INSERT INTO consent_receipts (${INSERTED.join(', ')})
           SELECT ${INSERTED_PARAMS.join(', ')}
           WHERE NOT EXISTS (SELECT 1 FROM consent_receipts WHERE consent_id = $1::text)
             AND NOT EXISTS (SELECT 1 FROM consent_deletions WHERE consent_id = $1::text)
           RETURNING consent_id`,
          insertedValues(r),
        );
        return result.rows.length === 1 ? 'stored' : 'taken';
      });
    },
    async list(consentId: string) {
      const result = await client.query<Row>(`${select} WHERE consent_id = $1 ORDER BY received_at, recorded_at`, [
        consentId,
      ]);
      return result.rows.map(toReceipt);
    },
    async deleteConsent(consentId: string) {
      return client.transaction(async (tx) => {
        const deleted = await tx.query<{consent_id: string}>(
          'DELETE FROM consent_receipts WHERE consent_id = $1 RETURNING consent_id',
          [consentId],
        );
        if (deleted.rows.length > 0)
          await tx.query('INSERT INTO consent_deletions (consent_id, receipts) VALUES ($1, $2)', [
            consentId,
            deleted.rows.length,
          ]);
        return deleted.rows.length;
      });
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
      return client.transaction(async (tx) => {
        const receipts = await tx.query<{consent_id: string}>(
          'DELETE FROM consent_receipts WHERE received_at < $1 RETURNING consent_id',
          [cutoff.toISOString()],
        );
        const deletions = await tx.query<{consent_id: string}>(
          'DELETE FROM consent_deletions WHERE deleted_at < $1 RETURNING consent_id',
          [cutoff.toISOString()],
        );
        return {receipts: receipts.rows.length, deletions: deletions.rows.length};
      });
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
