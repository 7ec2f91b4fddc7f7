import {handleErrors, jsonResponse} from '@/lib/consent/http';
import {consistency} from '@/lib/consent/transparency/publish';

export const dynamic = 'force-dynamic';

/**
 * GET /api/consent/log/consistency?from=A&to=B: the RFC 9162 proof that the tree of B entries
 * extends the tree of A (base64 hashes), for a monitor holding an older checkpoint.
 */
export const GET = handleErrors(async (request: Request) =>
  jsonResponse(await consistency(new URL(request.url).searchParams), 200, {'cache-control': 'public, max-age=3600'}),
);
