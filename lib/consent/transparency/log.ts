import type {SqlClient} from '../store/types';
import {openCheckpoint, signCheckpoint, type Checkpoint} from './checkpoint';
import type {LogKey} from './keys';
import {
  completeSubtrees,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  rootOf,
  type Hash,
  type Range,
} from './merkle';

/**
 * The consent log in SQL (migration 4): the leaves, one row each (consent_log: index and hash,
 * found by a BRIN index — the rows arrive in index order); a one-row head (consent_log_head) whose
 * size every writer increments in its own transaction, so the database orders concurrent writers
 * and no index is taken twice or skipped; the hashes of complete aligned subtrees of 2^8, 2^16 and
 * 2^24 leaves ("tiles", consent_log_tiles), from which any proof is made reading a few hundred
 * rows at most; and the signed checkpoints. Interior nodes are not stored.
 */

type Query = Pick<SqlClient, 'query'>;

/** The subtree heights whose hashes are kept: a proof reads at most 2^8 rows per subtree it needs. */
export const TILE_LEVELS = [8, 16, 24] as const;
/** Tiles computed per query when catching up. */
const TILES_PER_QUERY = 16;

/** The log does not hold what it should (a leaf or tile missing or doubled, a signed root changed). */
export class LogDamaged extends Error {}

export interface StoredCheckpoint {
  size: number;
  root: Hash;
  /** The signed note (checkpoint.ts). */
  note: string;
}

export const toHex = (hash: Hash) => hash.toString('hex');
const fromHex = (hex: string) => Buffer.from(hex, 'hex');

/**
 * Inserts a row and its leaf at the log's next index, as one statement in the caller's transaction:
 * the head row stays locked until the transaction ends, so the entry is acknowledged only with its
 * leaf, and concurrent writers — in this process or another — take consecutive indices.
 * `entry` is an INSERT … SELECT … FROM head … RETURNING log_index (head has one column, idx).
 * Null when the entry stored nothing: the index was taken, and the caller must roll back.
 */
export async function insertLogged(tx: Query, entry: string, params: unknown[], leaf: Hash): Promise<number | null> {
  const result = await tx.query<{idx: string | number | null}>(
    `WITH head AS (UPDATE consent_log_head SET size = size + 1 RETURNING size - 1 AS idx),
          entry AS (${entry}),
          leaf AS (INSERT INTO consent_log (idx, leaf) SELECT log_index, decode($${params.length + 1}, 'hex') FROM entry RETURNING idx)
     SELECT (SELECT idx FROM leaf) AS idx`,
    [...params, toHex(leaf)],
  );
  const idx = result.rows[0]?.idx;
  return idx === null || idx === undefined ? null : Number(idx);
}

/**
 * Takes the log's lock before a write that deletes rows: otherwise a retried receipt holding the lock
 * could wait on a row the deletion holds, while the deletion waits on the lock (a deadlock).
 */
export async function lockLog(tx: Query): Promise<void> {
  await tx.query('SELECT size FROM consent_log_head FOR UPDATE');
}

/** The database's time, to the millisecond (the precision the log's entries keep). */
export async function databaseNow(tx: Query): Promise<Date> {
  const result = await tx.query<{now: string}>(
    `SELECT to_char(date_trunc('milliseconds', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
  );
  return new Date(result.rows[0]!.now);
}

export async function logSize(q: Query): Promise<number> {
  const result = await q.query<{size: string | number}>('SELECT size FROM consent_log_head');
  return Number(result.rows[0]?.size ?? 0);
}

/** The leaf hashes [start, end), exactly one per index, or LogDamaged naming the first index at fault. */
export async function leavesIn(q: Query, start: number, end: number): Promise<Hash[]> {
  const rows = (
    await q.query<{idx: string | number; leaf: string}>(
      `SELECT idx, encode(leaf, 'hex') AS leaf FROM consent_log WHERE idx >= $1 AND idx < $2 ORDER BY idx`,
      [start, end],
    )
  ).rows;
  rows.forEach((row, i) => {
    if (Number(row.idx) !== start + i) throw new LogDamaged(`the log's entry ${start + i} is missing or doubled`);
  });
  if (rows.length !== end - start) throw new LogDamaged(`the log's entry ${start + rows.length} is missing`);
  return rows.map((row) => fromHex(row.leaf));
}

async function tilesIn(q: Query, level: number, start: number, end: number): Promise<Hash[]> {
  const rows = (
    await q.query<{idx: string | number; hash: string}>(
      `SELECT idx, encode(hash, 'hex') AS hash FROM consent_log_tiles WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`,
      [level, start, end],
    )
  ).rows;
  if (rows.length !== end - start || rows.some((row, i) => Number(row.idx) !== start + i))
    throw new LogDamaged(`the log's tiles of level ${level} from ${start} to ${end} are incomplete`);
  return rows.map((row) => fromHex(row.hash));
}

/** The hashes of `count` consecutive tiles of `level` from `first`, from the level below (or the leaves). */
async function computeTiles(q: Query, level: number, first: number, count: number): Promise<Hash[]> {
  const below = TILE_LEVELS[TILE_LEVELS.indexOf(level as (typeof TILE_LEVELS)[number]) - 1];
  const width = 2 ** (level - (below ?? 0));
  const parts = below
    ? await tilesIn(q, below, first * width, (first + count) * width)
    : await leavesIn(q, first * width, (first + count) * width);
  return Array.from({length: count}, (_, i) => rootOf(parts.slice(i * width, (i + 1) * width)));
}

/** Stores the hash of every complete tile of the first `size` leaves that is not stored yet. */
export async function storeTiles(q: Query, size: number): Promise<void> {
  for (const level of TILE_LEVELS) {
    const complete = Math.floor(size / 2 ** level);
    const stored = Number(
      (
        await q.query<{next: string | number}>(
          'SELECT coalesce(max(idx) + 1, 0) AS next FROM consent_log_tiles WHERE level = $1',
          [level],
        )
      ).rows[0]!.next,
    );
    for (let first = stored; first < complete; first += TILES_PER_QUERY) {
      const count = Math.min(TILES_PER_QUERY, complete - first);
      const hashes = await computeTiles(q, level, first, count);
      // Two servers may compute the same tile: it is the same hash, stored once.
      await q.query(
        `INSERT INTO consent_log_tiles (level, idx, hash)
         SELECT $1, $2::bigint + n - 1, decode(h, 'hex') FROM unnest($3::text[]) WITH ORDINALITY AS t(h, n)
         ON CONFLICT DO NOTHING`,
        [level, first, hashes.map(toHex)],
      );
    }
  }
}

/** The hash of a complete aligned subtree, from the highest tiles that fit in it (or its leaves). */
async function subtreeHash(q: Query, start: number, height: number): Promise<Hash> {
  const level = [...TILE_LEVELS].reverse().find((l) => l <= height);
  if (level === undefined) return rootOf(await leavesIn(q, start, start + 2 ** height));
  const first = start / 2 ** level;
  return rootOf(await tilesIn(q, level, first, first + 2 ** (height - level)));
}

/** MTH of each range (ranges as proofs and tree heads need them), from tiles and leaves. */
export async function rangeHashes(q: Query, ranges: readonly Range[]): Promise<Hash[]> {
  const hashes: Hash[] = [];
  for (const [start, end] of ranges) {
    const parts: Hash[] = [];
    for (const part of completeSubtrees(start, end)) parts.push(await subtreeHash(q, part.start, part.height));
    hashes.push(foldSubtrees(parts));
  }
  return hashes;
}

export const rootAt = async (q: Query, size: number) => (await rangeHashes(q, [[0, size]]))[0]!;
export const inclusionProof = (q: Query, index: number, size: number) => rangeHashes(q, inclusionRanges(index, size));
export const consistencyProof = (q: Query, from: number, to: number) => rangeHashes(q, consistencyRanges(from, to));

type CheckpointRow = {size: string | number; root: string; note: string};
const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  size: Number(row.size),
  root: fromHex(row.root),
  note: row.note,
});
const CHECKPOINT_COLUMNS = `size, encode(root, 'hex') AS root, note`;

export async function latestCheckpoint(q: Query): Promise<StoredCheckpoint | null> {
  const rows = (
    await q.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM consent_log_checkpoints ORDER BY size DESC LIMIT 1`)
  ).rows;
  return rows[0] ? toCheckpoint(rows[0]) : null;
}

/** Every checkpoint, smallest first, in pages (the auditor's). */
export async function* allCheckpoints(q: Query, pageSize = 1000): AsyncGenerator<StoredCheckpoint> {
  for (let after = -1; ;) {
    const rows = (
      await q.query<CheckpointRow>(
        `SELECT ${CHECKPOINT_COLUMNS} FROM consent_log_checkpoints WHERE size > $1 ORDER BY size LIMIT ${Number(pageSize)}`,
        [after],
      )
    ).rows;
    for (const row of rows) yield toCheckpoint(row);
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.size);
  }
}

/**
 * The leaves' statistics, refreshed when the log has grown by a tenth (autovacuum's rule): without
 * them the planner reads the whole table for a range of leaves instead of using the BRIN index — the
 * embedded engine has no autovacuum (148 ms a page of a 1,000,000-entry log instead of 6).
 */
async function keepStatistics(q: Query, size: number): Promise<void> {
  const known = Number(
    (await q.query<{rows: number}>(`SELECT reltuples AS rows FROM pg_class WHERE oid = 'consent_log'::regclass`))
      .rows[0]?.rows ?? -1,
  );
  if (known < 0 || size > known * 1.1 + 1000) await q.query('ANALYZE consent_log');
}

/**
 * Signs a checkpoint of the log as it is now, unless the latest one already covers it. The log must
 * still hold what the latest checkpoint signed (its root, recomputed): a log changed under a
 * signature is never signed again — LogDamaged, for the operator to run consent:verify.
 */
export async function signNewCheckpoint(
  q: Query,
  key: LogKey,
  origin: string,
  now = new Date(),
): Promise<StoredCheckpoint> {
  const size = await logSize(q);
  const latest = await latestCheckpoint(q);
  if (latest && latest.size >= size) return latest;
  await keepStatistics(q, size);
  await storeTiles(q, size);
  if (latest && !(await rootAt(q, latest.size)).equals(latest.root))
    throw new LogDamaged(`the log no longer matches its checkpoint of size ${latest.size}`);
  const checkpoint: Checkpoint = {origin, size, root: await rootAt(q, size), time: now};
  await q.query(
    `INSERT INTO consent_log_checkpoints (size, root, note) VALUES ($1, decode($2, 'hex'), $3) ON CONFLICT (size) DO NOTHING`,
    [size, toHex(checkpoint.root), signCheckpoint(checkpoint, key)],
  );
  // The BRIN index finds the new leaves quickly once their pages are summarized (PGlite has no autovacuum).
  await q.query(`SELECT brin_summarize_new_values('consent_log_idx')`);
  const stored = (
    await q.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM consent_log_checkpoints WHERE size = $1`, [size])
  ).rows[0]!;
  return toCheckpoint(stored);
}

/** The checkpoint a note signs, when one of `keys` signed it for this log's origin. */
export function verifiedCheckpoint(note: string, keys: readonly LogKey[], origin: string): Checkpoint | null {
  const checkpoint = openCheckpoint(note, keys);
  return checkpoint && checkpoint.origin === origin ? checkpoint : null;
}
