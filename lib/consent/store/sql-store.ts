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
} & Record<OptionalCategory, boolean>;

/** One boolean column per optional category, named as the contract names it (migrations add them). */
const CHOICE_COLUMNS = CONSENT_CONTRACT.optional;
const COLUMNS = ['consent_id', 'recorded_at', 'received_at', 'policy_version', ...CHOICE_COLUMNS, 'method', 'locale'];
const INSERTED = COLUMNS.filter((column) => column !== 'received_at');

function toReceipt(row: Row): Receipt {
  return {
    consentId: row.consent_id,
    recordedAt: new Date(row.recorded_at),
    receivedAt: new Date(row.received_at),
    policyVersion: row.policy_version,
    choices: Object.fromEntries(CHOICE_COLUMNS.map((category) => [category, row[category]])) as Receipt['choices'],
    method: row.method,
    locale: row.locale,
  };
}

function insertedValues(r: NewReceipt): unknown[] {
  const value: Record<string, unknown> = {
    consent_id: r.consentId,
    recorded_at: r.recordedAt.toISOString(),
    policy_version: r.policyVersion,
    method: r.method,
    locale: r.locale,
    ...r.choices,
  };
  return INSERTED.map((column) => value[column]);
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
      return result.rows.length === 1 ? 'stored' : 'duplicate';
    },
    async list(consentId: string) {
      const result = await client.query<Row>(`${select} WHERE consent_id = $1 ORDER BY recorded_at`, [consentId]);
      return result.rows.map(toReceipt);
    },
    async deleteConsent(consentId: string) {
      const result = await client.query<{consent_id: string}>(
        'DELETE FROM consent_receipts WHERE consent_id = $1 RETURNING consent_id',
        [consentId],
      );
      return result.rows.length;
    },
    async export(from: Date, to: Date) {
      const result = await client.query<Row>(
        `${select} WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, consent_id`,
        [from.toISOString(), to.toISOString()],
      );
      return result.rows.map(toReceipt);
    },
    async purgeBefore(cutoff: Date) {
      const result = await client.query<{consent_id: string}>(
        'DELETE FROM consent_receipts WHERE received_at < $1 RETURNING consent_id',
        [cutoff.toISOString()],
      );
      return result.rows.length;
    },
    async schema() {
      const migrations = await client.query<{version: number}>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      const columns = await client.query<{column_name: string}>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'consent_receipts' ORDER BY ordinal_position`,
      );
      return {
        migrations: migrations.rows.map((r) => Number(r.version)),
        columns: columns.rows.map((r) => r.column_name),
      };
    },
    close: () => client.close(),
  };
}
