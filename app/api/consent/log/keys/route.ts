import {handleErrors, HttpError, jsonResponse} from '@/lib/consent/http';
import {causeOf, logOncePerMinute} from '@/lib/consent/log';
import {publishedKeys} from '@/lib/consent/transparency/checkpointer';

export const dynamic = 'force-dynamic';

/**
 * GET /api/consent/log/keys: the consent log's public keys (Ed25519), the signing one first and
 * the older ones that still verify, as raw keys and as C2SP signed-note verifier keys — what a
 * visitor's receipt and a monitor's checkpoints are checked against.
 */
export const GET = handleErrors(async () => {
  let keys;
  try {
    keys = publishedKeys();
  } catch (error) {
    logOncePerMinute(`[consent] the consent log is not signed: ${causeOf(error)}`);
    throw new HttpError(
      503,
      '同意ログの署名鍵が設定されていません。',
      'The consent log has no signing key configured.',
    );
  }
  return jsonResponse(keys, 200, {'cache-control': 'public, max-age=300'});
});
