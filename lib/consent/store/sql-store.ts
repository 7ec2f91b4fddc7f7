import {migrate} from './migrations';
import type {ConsentStore, NewReceipt, Receipt, SqlClient} from './types';

interface Row {
  consent_id: string;
  recorded_at: Date | string;
  received_at: Date | string;
  policy_version: string;
  analytics: boolean;
  advertising: boolean;
  method: Receipt['method'];
  locale: string;
}

const COLUMNS = 'consent_id, recorded_at, received_at, policy_version, analytics, advertising, method, locale';

function toReceipt(row: Row): Receipt {
  return {
    consentId: row.consent_id,
    recordedAt: new Date(row.recorded_at),
    receivedAt: new Date(row.received_at),
    policyVersion: row.policy_version,
    choices: {analytics: row.analytics, advertising: row.advertising},
    method: row.method,
    locale: row.locale,
  };
}

/** The store over any SQL client: one dialect (PostgreSQL's) for the embedded and the server mode. */
export async function openSqlStore(kind: ConsentStore['kind'], client: SqlClient): Promise<ConsentStore> {
  await migrate(client);
  return {
    kind,
    async append(r: NewReceipt) {
      const result = await client.query<{consent_id: string}>(
        `INSERT INTO consent_receipts (consent_id, recorded_at, policy_version, analytics, advertising, method, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (consent_id, recorded_at) DO NOTHING
         RETURNING consent_id`,
        [
          r.consentId,
          r.recordedAt.toISOString(),
          r.policyVersion,
          r.choices.analytics,
          r.choices.advertising,
          r.method,
          r.locale,
        ],
      );
      return result.rows.length === 1 ? 'stored' : 'duplicate';
    },
    async list(consentId: string) {
      const result = await client.query<Row>(
        `SELECT ${COLUMNS} FROM consent_receipts WHERE consent_id = $1 ORDER BY recorded_at`,
        [consentId],
      );
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
        `SELECT ${COLUMNS} FROM consent_receipts WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, consent_id`,
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
    close: () => client.close(),
  };
}
