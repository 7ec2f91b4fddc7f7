import {COLUMNS, toReceipt, type Row} from '../store/receipt-rows';
import type {SqlClient} from '../store/types';
import {deletionLeaf, purgeLeaf, receiptLeaf} from './entry';
import type {LogKey} from './keys';
import {allCheckpoints, logSize, TILE_LEVELS, verifiedCheckpoint, type StoredCheckpoint} from './log';
import {rootOf, TreeBuilder, type Hash} from './merkle';

/**
 * The auditor's check of the whole log (npm run consent:verify): streams the store in pages —
 * memory holds a page, the tree's right edge, the checkpoints and the deletion and purge records,
 * never the receipts — and recomputes every leaf from the rows still present, every root, every
 * stored tile, and every checkpoint's signature and root. Rows removed by a recorded deletion or
 * purge are told from rows removed silently by the entries those records list. The answer is the
 * first problem, by index, in Japanese and English.
 */

type Query = Pick<SqlClient, 'query'>;
const PAGE = 4096; // a multiple of the lowest tile's width

export type ProblemKind = 'altered' | 'missing' | 'inserted' | 'reordered' | 'unsigned';

export interface Problem {
  kind: ProblemKind;
  /** The log index the problem is at, when it has one. */
  index: number | null;
  consentId: string | null;
  ja: string;
  en: string;
}

export interface AuditResult {
  entries: number;
  receipts: number;
  deletions: number;
  purges: number;
  checkpoints: number;
  problem: Problem | null;
}

interface DeletionRow {
  consent_id: string;
  deleted_at: Date | string;
  receipts: number;
  removed: (string | number)[] | null;
  log_index: string | number;
}
interface PurgeRow {
  purged_at: Date | string;
  cutoff: Date | string;
  receipts: number;
  deletions: number;
  removed: [number, number][] | string;
  log_index: string | number;
}

/** A row of the store that claims a log index, with the leaf it should have. */
interface Claim {
  what: string;
  whatJa: string;
  consentId: string | null;
  leaf: Hash;
}

/**
 * A page of rows as one JSON text: the embedded engine passes one string between processes far
 * faster than thousands of row objects (a page of receipts: 35 ms instead of 78).
 */
async function jsonPage<T>(q: Query, sql: string, params: unknown[]): Promise<T[]> {
  const result = await q.query<{page: string}>(
    `SELECT coalesce(json_agg(p)::text, '[]') AS page FROM (${sql}) AS p`,
    params,
  );
  return JSON.parse(result.rows[0]!.page) as T[];
}

const problem = (kind: ProblemKind, index: number | null, consentId: string | null, ja: string, en: string) => ({
  kind,
  index,
  consentId,
  ja,
  en,
});

export async function auditLog(q: Query, keys: readonly LogKey[], origin: string): Promise<AuditResult> {
  const size = await logSize(q);
  const checkpoints: StoredCheckpoint[] = [];
  for await (const checkpoint of allCheckpoints(q)) checkpoints.push(checkpoint);

  // Every entry a deletion or purge record says it removed: their absence is accounted for.
  const claims = new Map<number, Claim[]>();
  const claim = (index: number, c: Claim) => claims.set(index, [...(claims.get(index) ?? []), c]);
  const accountedFor = new Map<number, number>(); // removed entry → the record's index
  const deletions = (
    await q.query<DeletionRow>(
      'SELECT consent_id, deleted_at, receipts, removed, log_index FROM consent_deletions WHERE log_index IS NOT NULL',
    )
  ).rows;
  for (const d of deletions) {
    const removed = (d.removed ?? []).map(Number);
    const index = Number(d.log_index);
    for (const r of removed) accountedFor.set(r, index);
    claim(index, {
      what: `the deletion record of consent id ${d.consent_id}`,
      whatJa: `同意 ID ${d.consent_id} の削除の記録`,
      consentId: d.consent_id,
      leaf: deletionLeaf({
        consentId: d.consent_id,
        deletedAt: new Date(d.deleted_at),
        receipts: Number(d.receipts),
        removed,
      }),
    });
  }
  const purgeRuns: {first: number; last: number; by: number}[] = [];
  const purges = (
    await q.query<PurgeRow>('SELECT purged_at, cutoff, receipts, deletions, removed, log_index FROM consent_log_purges')
  ).rows;
  for (const p of purges) {
    const removed = (typeof p.removed === 'string' ? JSON.parse(p.removed) : p.removed) as [number, number][];
    const index = Number(p.log_index);
    for (const [first, last] of removed) purgeRuns.push({first, last, by: index});
    claim(index, {
      what: `the purge of ${new Date(p.purged_at).toISOString()}`,
      whatJa: `${new Date(p.purged_at).toISOString()} の保存期間による削除`,
      consentId: null,
      leaf: purgeLeaf({
        purgedAt: new Date(p.purged_at),
        cutoff: new Date(p.cutoff),
        receipts: Number(p.receipts),
        deletions: Number(p.deletions),
        removed,
      }),
    });
  }
  const removedBy = (index: number) =>
    accountedFor.get(index) ?? purgeRuns.find((run) => index >= run.first && index < run.last)?.by;

  const unlogged = (
    await q.query<{consent_id: string}>('SELECT consent_id FROM consent_receipts WHERE log_index IS NULL LIMIT 1')
  ).rows[0];
  let receipts = 0;
  const tree = new TreeBuilder();
  const tiles = TILE_LEVELS.map(() => [] as Hash[]);
  let nextCheckpoint = 0;
  let found: Problem | null = null;
  /** A leaf that does not match its row: altered, or swapped with another — told apart further on. */
  let mismatch: {index: number; stored: Hash; expected: Hash; claim: Claim; checkpointFailed: number | null} | null =
    null;
  /** The first problem stands; while an earlier mismatch is being told apart, later ones wait behind it. */
  const report = (p: Problem) => {
    if (mismatch && (p.index === null || p.index > mismatch.index)) return;
    found ??= p;
  };

  /** A tile's stored hash: the lowest level's from the page, the higher ones (rare) one by one. */
  let lowTiles = new Map<number, string>();
  const storedTile = async (level: number, index: number) =>
    level === TILE_LEVELS[0]
      ? lowTiles.get(index)
      : (
          await q.query<{hash: string}>(
            `SELECT encode(hash, 'hex') AS hash FROM consent_log_tiles WHERE level = $1 AND idx = $2`,
            [level, index],
          )
        ).rows[0]?.hash;
  const checkTile = async (level: number, index: number, hash: Hash) => {
    const stored = await storedTile(level, index);
    if (stored !== undefined && stored !== hash.toString('hex'))
      report(
        problem(
          'altered',
          index * 2 ** level,
          null,
          `改ざん: 第 ${level} 段のタイル ${index}（項目 ${index * 2 ** level} から）が、ログの項目から計算した値と一致しません。`,
          `altered: the stored tile ${index} of level ${level} (from entry ${index * 2 ** level}) does not match the log's entries.`,
        ),
      );
  };
  const pushLeaf = async (leaf: Hash) => {
    tree.push(leaf);
    let hash = leaf;
    // Each complete tile is checked as the tree passes its end, and feeds the level above.
    for (const [i, level] of TILE_LEVELS.entries()) {
      tiles[i]!.push(hash);
      if (tiles[i]!.length < 2 ** (level - (TILE_LEVELS[i - 1] ?? 0))) break;
      hash = rootOf(tiles[i]!.splice(0));
      await checkTile(level, tree.size / 2 ** level - 1, hash);
    }
    for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.size === tree.size; nextCheckpoint++)
      checkCheckpoint(checkpoints[nextCheckpoint]!);
  };
  const checkCheckpoint = (c: StoredCheckpoint) => {
    const signed = verifiedCheckpoint(c.note, keys, origin);
    if (!signed || signed.size !== c.size || !signed.root.equals(c.root))
      return report(
        problem(
          'unsigned',
          c.size,
          null,
          `署名なし: 木の大きさ ${c.size} のチェックポイントに、このログの鍵による有効な署名がありません。`,
          `unsigned: the checkpoint of size ${c.size} carries no valid signature by this log's keys.`,
        ),
      );
    if (!tree.root().equals(c.root)) {
      if (mismatch) mismatch.checkpointFailed ??= c.size;
      else
        report(
          problem(
            'altered',
            c.size - 1,
            null,
            `改ざん: ログの最初の ${c.size} 項目が、署名されたチェックポイントと一致しません。`,
            `altered: the log's first ${c.size} entries no longer match their signed checkpoint.`,
          ),
        );
    }
  };

  /**
   * Pages are fetched one ahead: the database (the embedded engine is a process of its own) reads
   * the next page while this one's hashes are computed.
   */
  const ahead = <T>(fetch: Promise<T>) => {
    fetch.catch(() => {}); // awaited later, or never when a problem ends the audit first
    return fetch;
  };
  const fetchReceipts = (after: number) =>
    ahead(
      jsonPage<Row>(
        q,
        `SELECT ${COLUMNS.join(', ')} FROM consent_receipts WHERE log_index > $1 ORDER BY log_index LIMIT ${PAGE}`,
        [after],
      ),
    );
  let receiptPage: Row[] = [];
  let receiptAt = 0;
  let nextReceipts: Promise<Row[]> | null = fetchReceipts(-1);
  const receiptsAt = async (index: number): Promise<Row[]> => {
    const here: Row[] = [];
    for (;;) {
      if (receiptAt === receiptPage.length) {
        if (!nextReceipts) return here;
        receiptPage = await nextReceipts;
        receiptAt = 0;
        nextReceipts = receiptPage.length === PAGE ? fetchReceipts(Number(receiptPage.at(-1)!.log_index)) : null;
        if (receiptPage.length === 0) return here;
      }
      const row = receiptPage[receiptAt]!;
      if (Number(row.log_index) > index) return here;
      receiptAt++;
      if (Number(row.log_index) === index) here.push(row);
      else
        report(
          problem(
            'inserted',
            Number(row.log_index),
            row.consent_id,
            `挿入: 同意 ID ${row.consent_id} の記録が、ログにない項目 ${row.log_index} を名乗っています。`,
            `inserted: a receipt of consent id ${row.consent_id} claims entry ${row.log_index}, which the log does not have.`,
          ),
        );
    }
  };

  /** The page of leaves from `start`, and its stored tiles of the lowest level (a whole number of them). */
  const fetchPage = (start: number) => {
    const end = Math.min(size, start + PAGE);
    const low = TILE_LEVELS[0];
    return ahead(
      Promise.all([
        jsonPage<{idx: number; leaf: string}>(
          q,
          `SELECT idx, encode(leaf, 'hex') AS leaf FROM consent_log WHERE idx >= $1 AND idx < $2 ORDER BY idx`,
          [start, end],
        ),
        jsonPage<{idx: number; hash: string}>(
          q,
          `SELECT idx, encode(hash, 'hex') AS hash FROM consent_log_tiles WHERE level = $1 AND idx >= $2 AND idx < $3`,
          [low, start / 2 ** low, Math.ceil(end / 2 ** low)],
        ),
      ]).then(([leaves, tiles]) => ({leaves, tiles: new Map(tiles.map((tile) => [tile.idx, tile.hash]))})),
    );
  };
  let nextPage = size > 0 ? fetchPage(0) : null;
  for (let start = 0; start < size && !(found && !mismatch); start += PAGE) {
    const end = Math.min(size, start + PAGE);
    const page = await nextPage!;
    nextPage = end < size ? fetchPage(end) : null;
    const leaves = page.leaves;
    lowTiles = page.tiles;
    let at = 0;
    for (let index = start; index < end; index++) {
      const stored: Hash[] = [];
      while (at < leaves.length && Number(leaves[at]!.idx) === index)
        stored.push(Buffer.from(leaves[at++]!.leaf, 'hex'));
      const rows = await receiptsAt(index);
      receipts += rows.length;
      const here = [
        ...rows.map((row) => {
          const r = toReceipt(row);
          return {
            // Described only when named in a problem (a million times otherwise).
            get what() {
              return `the receipt of consent id ${r.consentId} recorded at ${r.recordedAt.toISOString()}`;
            },
            get whatJa() {
              return `同意 ID ${r.consentId} の ${r.recordedAt.toISOString()} の記録`;
            },
            consentId: r.consentId,
            leaf: receiptLeaf(r),
          };
        }),
        ...(claims.get(index) ?? []),
      ];
      if (mismatch) {
        if (stored[0]?.equals(mismatch.expected) && here[0]?.leaf.equals(mismatch.stored)) {
          report(
            problem(
              'reordered',
              mismatch.index,
              mismatch.claim.consentId,
              `順序の入れ替え: 項目 ${mismatch.index} と ${index} が入れ替えられています（${mismatch.claim.whatJa}）。`,
              `reordered: entries ${mismatch.index} and ${index} were swapped (${mismatch.claim.what}).`,
            ),
          );
          mismatch = null;
          break;
        }
      } else if (!found) {
        const who = here[0];
        if (stored.length === 0)
          report(
            problem(
              'missing',
              index,
              who?.consentId ?? null,
              `欠落: ログに項目 ${index} がありません${who ? `（${who.whatJa}）` : ''}。`,
              `missing: the log has no entry ${index}${who ? ` (${who.what})` : ''}.`,
            ),
          );
        else if (stored.length > 1 || here.length > 1)
          report(
            problem(
              'inserted',
              index,
              who?.consentId ?? null,
              `挿入: 項目 ${index} に、ログの値 ${stored.length} 個と記録 ${here.length} 件があります（1 個ずつのはずです）。`,
              `inserted: entry ${index} has ${stored.length} leaves and ${here.length} rows (one of each is right).`,
            ),
          );
        else if (who && removedBy(index) !== undefined)
          report(
            problem(
              'inserted',
              index,
              who.consentId,
              `挿入: 項目 ${index}（${who.whatJa}）は、項目 ${removedBy(index)} の記録によれば削除済みのはずです。`,
              `inserted: entry ${index} (${who.what}) is present, but the record at entry ${removedBy(index)} says it was removed.`,
            ),
          );
        else if (!who && removedBy(index) === undefined)
          report(
            problem(
              'missing',
              index,
              null,
              `欠落: 項目 ${index} の記録が、削除の記録も保存期間による削除の記録もなく消えています。`,
              `missing: the row of entry ${index} was removed without a recorded deletion or purge.`,
            ),
          );
        else if (who && !who.leaf.equals(stored[0]!))
          mismatch = {index, stored: stored[0]!, expected: who.leaf, claim: who, checkpointFailed: null};
      }
      await pushLeaf(stored[0] ?? Buffer.alloc(32));
    }
  }

  if (mismatch) {
    // Not a swap: the signed checkpoints say which side changed.
    const {index, claim: c, checkpointFailed} = mismatch;
    const covered = checkpoints.some((cp) => cp.size > index);
    report(
      checkpointFailed !== null
        ? problem(
            'altered',
            index,
            c.consentId,
            `改ざん: ログの項目 ${index} の値が書き換えられています（大きさ ${checkpointFailed} の署名済みチェックポイントと一致しません。${c.whatJa}）。`,
            `altered: the log's leaf ${index} was changed (it no longer matches the signed checkpoint of size ${checkpointFailed}; ${c.what}).`,
          )
        : problem(
            'altered',
            index,
            c.consentId,
            `改ざん: 項目 ${index}（${c.whatJa}）の内容が、ログに記録された後で${covered ? '' : '（または、まだ署名されていないその値が）'}書き換えられています。`,
            `altered: ${c.what}, entry ${index}, was changed after it was logged${covered ? '' : ' (or its leaf, not yet signed in a checkpoint)'}.`,
          ),
    );
  }
  if (!found) {
    const beyond = (
      await q.query<{idx: string | number}>('SELECT idx FROM consent_log WHERE idx >= $1 ORDER BY idx LIMIT 1', [size])
    ).rows[0];
    const late = checkpoints.find((c) => c.size > size);
    if (late)
      report(
        problem(
          'missing',
          size,
          null,
          `欠落: ログは ${size} 項目ですが、大きさ ${late.size} のチェックポイントが署名されています。`,
          `missing: the log has ${size} entries, but a checkpoint of size ${late.size} was signed.`,
        ),
      );
    else if (beyond)
      report(
        problem(
          'inserted',
          Number(beyond.idx),
          null,
          `挿入: ログの終わり（${size} 項目）の後に項目 ${beyond.idx} があります。`,
          `inserted: the log has an entry ${beyond.idx} after its end (${size} entries).`,
        ),
      );
    else await receiptsAt(Number.MAX_SAFE_INTEGER); // a receipt claiming an index past the end
  }
  if (!found && unlogged)
    report(
      problem(
        'inserted',
        null,
        unlogged.consent_id,
        `挿入: 同意 ID ${unlogged.consent_id} の記録はログにありません（ログを通さずに書き込まれました）。`,
        `inserted: a receipt of consent id ${unlogged.consent_id} is not in the log (it was written around it).`,
      ),
    );
  return {
    entries: tree.size,
    receipts,
    deletions: deletions.length,
    purges: purges.length,
    checkpoints: checkpoints.length,
    problem: found,
  };
}
