import {handleErrors, NO_STORE} from '@/lib/consent/http';
import {latestNote} from '@/lib/consent/transparency/publish';

export const dynamic = 'force-dynamic';

/** GET /api/consent/log/checkpoint: the latest signed checkpoint (C2SP tlog-checkpoint, signed note). */
export const GET = handleErrors(
  async () =>
    new Response(await latestNote(), {
      headers: {'content-type': 'text/plain; charset=utf-8', 'cache-control': NO_STORE},
    }),
);
