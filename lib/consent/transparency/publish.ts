import {z} from 'zod';
import {HttpError} from '../http';
import {getConsentStore, type ConsentStore} from '../store';

/** What the log's public addresses answer, without Next (the route handlers only answer HTTP). */

const UNAVAILABLE = new HttpError(
  503,
  '同意ログを今は読み出せません。しばらくしてからもう一度お試しください。',
  'The consent log is unavailable; try again later.',
);

async function store(): Promise<ConsentStore> {
  try {
    return await getConsentStore();
  } catch {
    throw UNAVAILABLE; // getConsentStore logged why
  }
}

/** GET /api/consent/log/checkpoint: the latest signed checkpoint, as its signed note. */
export async function latestNote(): Promise<string> {
  const checkpoint = await (await store()).log.latestCheckpoint();
  if (!checkpoint)
    throw new HttpError(404, '署名済みのチェックポイントはまだありません。', 'No checkpoint has been signed yet.');
  return checkpoint.note;
}

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const consistencyQuery = z.object({from: size, to: size}).refine((q) => q.from <= q.to, 'from must not exceed to');

/** GET /api/consent/log/consistency?from=A&to=B: RFC 9162 consistency proof between two signed sizes. */
export async function consistency(search: URLSearchParams) {
  const parsed = consistencyQuery.safeParse(Object.fromEntries(search));
  if (!parsed.success)
    throw new HttpError(
      400,
      'from と to には 0 以上の整数を指定してください（from ≤ to）。',
      'from and to are whole numbers, from ≤ to.',
    );
  const {from, to} = parsed.data;
  const log = (await store()).log;
  const latest = await log.latestCheckpoint();
  if (!latest || to > latest.size)
    throw new HttpError(
      404,
      `to は署名済みの最新の大きさ（${latest?.size ?? 0}）以下にしてください。`,
      `to must not exceed the latest signed size (${latest?.size ?? 0}).`,
    );
  const proof = await log.consistencyProof(from, to);
  return {from, to, proof: proof.map((hash) => hash.toString('base64'))};
}
