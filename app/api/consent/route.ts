import {localizedPath} from '@/i18n/routing';
import {
  assertContentType,
  assertAllowedOrigin,
  handleErrors,
  NO_STORE,
  jsonResponse,
  preflight,
  readBody,
  returnPath,
} from '@/lib/consent/http';
import {recordFormChoice, recordReceipt} from '@/lib/consent/service';

export const dynamic = 'force-dynamic';

/**
 * POST /api/consent records a choice.
 * - application/json, from the browser code: a receipt of the choice it recorded, for the visitor
 *   whose cookie holds its id and whose browser holds its proof, or who is the first to use the id
 *   (201 stored; 201 renewed, under a new id, when the browser cannot prove the one it has; 200
 *   duplicate; 409 conflicting; 503 when the store is down — the browser keeps the receipt and
 *   sends it again).
 * - application/x-www-form-urlencoded, the banner without JavaScript: sets the cookie, stores a
 *   receipt if it can, and goes back to the page (303) — to #consent-saved; #consent-renewed when it
 *   was stored under a new record id (this browser could not prove the old one); or #consent-pending
 *   when the receipt could not be stored (the page says the choice applies in this browser).
 */
export const POST = handleErrors(async (request: Request) => {
  assertAllowedOrigin(request);
  const type = assertContentType(request.headers, ['application/json', 'application/x-www-form-urlencoded']);
  const body = await readBody(request);
  if (type === 'application/json') {
    const result = await recordReceipt(request, body);
    return jsonResponse(result.body, result.outcome === 'duplicate' ? 200 : 201, {}, result.setCookies);
  }
  const result = await recordFormChoice(request, body);
  const fallback = localizedPath(result.locale, '/privacy');
  const response = new Response(null, {
    status: 303,
    headers: {
      location: `${returnPath(request, fallback)}#consent-${result.outcome}`,
      'cache-control': NO_STORE,
    },
  });
  for (const cookie of result.setCookies) response.headers.append('set-cookie', cookie);
  return response;
});

export const OPTIONS = (request: Request) => preflight(request);
