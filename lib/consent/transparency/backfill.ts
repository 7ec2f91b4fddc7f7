import {COLUMNS, toReceipt, type Row} from '../store/receipt-rows';
import type {SqlClient} from '../store/types';
import {deletionLeaf, receiptLeaf} from './entry';
import type {Hash} from './merkle';

type Query = Pick<SqlClient, 'query'>;
const PAGE = 5000;

/**
 * Migration 4's second half, in its transaction: every receipt and deletion record stored before
 * the log existed becomes an entry, receipts in the order they were received, then the deletions
 * (whose receipts were gone before the log: they list none). Only here are rows logged after the
 * fact; a row written later without its entry is what consent:verify calls inserted.
 */
export async function logExistingRows(tx: Query): Promise<void> {
  let size = 0;
  /** Gives `rows` (found by `keys`, given as text and cast back) the next indices, and logs their leaves. */
  const append = async (table: string, keys: [string, string][], rows: Record<string, unknown>[], leaves: Hash[]) => {
    if (rows.length === 0) return;
    const indices = rows.map((_, i) => size + i);
    await tx.query(
      `UPDATE ${table} AS t SET log_index = v.idx
       FROM unnest($1::bigint[], ${keys.map((_, i) => `$${i + 2}::text[]`).join(', ')}) AS v(idx, ${keys.map(([key]) => key).join(', ')})
       WHERE ${keys.map(([key, type]) => `t.${key} = v.${key}::${type}`).join(' AND ')}`,
      [indices, ...keys.map(([key]) => rows.map((row) => String(row[`${key}_key`])))],
    );
    await tx.query(
      `INSERT INTO consent_log (idx, leaf) SELECT i, decode(h, 'hex') FROM unnest($1::bigint[], $2::text[]) AS v(i, h)`,
      [indices, leaves.map((leaf) => leaf.toString('hex'))],
    );
    size += rows.length;
  };

  let after = ['-infinity', '', '-infinity'];
  for (;;) {
    const page = (
      await tx.query<Row & {received_at_key: string; consent_id_key: string; recorded_at_key: string}>(
        `SELECT ${COLUMNS.join(', ')}, received_at::text AS received_at_key, consent_id AS consent_id_key,
                recorded_at::text AS recorded_at_key
         FROM consent_receipts WHERE (received_at, consent_id, recorded_at) > ($1::timestamptz, $2, $3::timestamptz)
         ORDER BY received_at, consent_id, recorded_at LIMIT ${PAGE}`,
        after,
      )
    ).rows;
    await append(
      'consent_receipts',
      [
        ['consent_id', 'text'],
        ['recorded_at', 'timestamptz'],
      ],
      page,
      page.map((row) => receiptLeaf(toReceipt(row))),
    );
    if (page.length < PAGE) break;
    const last = page.at(-1)!;
    after = [last.received_at_key, last.consent_id_key, last.recorded_at_key];
  }

  const deletions = (
    await tx.query<{consent_id: string; deleted_at: Date | string; receipts: number; deleted_at_key: string}>(
      `SELECT consent_id, deleted_at, receipts, deleted_at::text AS deleted_at_key, consent_id AS consent_id_key
       FROM consent_deletions ORDER BY deleted_at, consent_id`,
    )
  ).rows;
  await tx.query(`UPDATE consent_deletions SET removed = '{}'`);
  await append(
    'consent_deletions',
    [
      ['consent_id', 'text'],
      ['deleted_at', 'timestamptz'],
    ],
    deletions,
    deletions.map((d) =>
      deletionLeaf({
        consentId: d.consent_id,
        deletedAt: new Date(d.deleted_at),
        receipts: Number(d.receipts),
        removed: [],
      }),
    ),
  );
  await tx.query('UPDATE consent_log_head SET size = $1', [size]);
}
